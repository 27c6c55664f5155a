import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../store.ts";

// The PFIF records imported cases came from, the same on every database.
export function registerPfifRecordsContract(label: string, open: () => Promise<Store>): void {
  describe(`PFIF records on ${label}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("remembers the record and expiry of the party's own cases only, the latest import winning", async () => {
      await store.parties.ensure({ id: "pr-ngo", name: "NGO", kind: "ngo" });
      await store.parties.ensure({ id: "pr-other", name: "Other", kind: "tracing-authority" });
      const ctx = { partyId: "pr-ngo", userId: "u1", role: "caseworker" as const };
      const other = { partyId: "pr-other", userId: "u2", role: "caseworker" as const };
      const a = await store.cases.create(ctx, { names: [{ given: "Тарас" }], sex: "M" }, { clientId: "pr-a" });
      const b = await store.cases.create(ctx, { names: [{ given: "Ольга" }], sex: "F" }, { clientId: "pr-b" });
      const c = await store.cases.create(other, { names: [{ given: "Іра" }], sex: "F" }, { clientId: "pr-c" });
      expect(await store.pfifRecords.remember(ctx, [
        { caseId: a.id, recordId: "x.org/a", expiryDate: "2026-06-10T12:00:00Z" },
        { caseId: b.id, recordId: "x.org/b" },
        { caseId: c.id, recordId: "x.org/c", expiryDate: "2020-01-01T00:00:00Z" },
      ])).toBe(2);
      expect(await store.pfifRecords.expiries([a.id, b.id, c.id])).toEqual(new Map([[a.id, "2026-06-10T12:00:00.000Z"]]));
      await store.pfifRecords.remember(ctx, [{ caseId: a.id, recordId: "x.org/a", expiryDate: "2027-01-01T00:00:00Z" }, { caseId: b.id, recordId: "x.org/b", expiryDate: "2026-07-01T00:00:00Z" }]);
      expect(await store.pfifRecords.expiries([a.id, b.id])).toEqual(new Map([[a.id, "2027-01-01T00:00:00.000Z"], [b.id, "2026-07-01T00:00:00.000Z"]]));
      expect(await store.pfifRecords.expiries([])).toEqual(new Map());
    });
  });
}
