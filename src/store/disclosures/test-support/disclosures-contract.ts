import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartyKind, Role } from "../../../domain/index.ts";
import { NotFoundError, ValidationError } from "../../../domain/index.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { testDoor } from "../../test-support/test-door.ts";
import sharp from "sharp";

// The disclosure and tracing-request features, the same on every database.

const KINDS = { tracing: "tracing-authority", holding: "holding-authority", mediator: "mediator", ngo: "ngo" } as const satisfies Record<string, PartyKind>;
type PartyName = keyof typeof KINDS;
let counter = 0;

export function registerDisclosuresContract(label: string, open: () => Promise<Store>): void {
  describe(`disclosures and tracing requests on ${label}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    async function world() {
      const tag = `d${++counter}-${Math.random().toString(36).slice(2, 8)}`;
      const ids = {} as Record<PartyName, string>;
      for (const p of Object.keys(KINDS) as PartyName[]) {
        ids[p] = `${tag}-${p}`;
        await store.parties.ensure({ id: ids[p], name: `${p} ${tag}`, kind: KINDS[p] });
      }
      const ctx = (party: PartyName, role: Role): RequestContext => ({ partyId: ids[party], userId: `${ids[party]}-${role}`, role, purpose: "test" });
      return { ids, ctx };
    }

    const child = { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M" as const, birthDate: "2014-03-07" };

    it("stores a disclosure as a holding-side case with its content sealed, shared with the addressees, idempotently", async () => {
      const w = await world();
      const input = { ...child, biography: "Found in Donetsk in 2022.", placement: { kind: "institution" as const, address: "пр. Мира 10" }, to: w.ids.tracing, mediator: w.ids.mediator };
      const a = await store.disclosures.create(w.ctx("holding", "caseworker"), input, { clientId: "one" });
      const b = await store.disclosures.create(w.ctx("holding", "caseworker"), input, { clientId: "one" });
      expect(b).toEqual({ id: a.id, replayed: true });
      const c = await store.cases.get(w.ctx("holding", "verifier"), a.id);
      expect(c).toMatchObject({ side: "holding", disclosedAt: expect.any(String), shares: { [w.ids.tracing]: "participate", [w.ids.mediator]: "participate" } });
      expect((await store.disclosures.get(w.ctx("holding", "caseworker"), a.id)).placement?.address).toBe("пр. Мира 10");
      const other = await store.disclosures.get(w.ctx("tracing", "verifier"), a.id);
      expect(other).toMatchObject({ view: "shared", biography: "Found in Donetsk in 2022.", placement: { kind: "institution" } });
      expect(other.placement?.address).toBeUndefined();
      await expect(store.disclosures.get(w.ctx("ngo", "caseworker"), a.id)).rejects.toBeInstanceOf(NotFoundError);
      // Nothing of the disclosure is in the database in the clear.
      const rows = await testDoor(store).db.selectFrom("case_actions").select("payload").where("case_id", "=", a.id).execute();
      for (const r of rows) expect(Buffer.from(r.payload).toString("latin1")).not.toContain("Donetsk");
    });

    it("refuses a disclosure from a mediator and on a tracing-side case, and writes all of a list or none", async () => {
      const w = await world();
      await expect(store.disclosures.create(w.ctx("mediator", "mediator"), { ...child, biography: "b" }, { clientId: "m" })).rejects.toThrow(/may not/);
      const plain = await store.cases.create(w.ctx("tracing", "caseworker"), child, { clientId: "t" });
      await expect(
        store.cases.appendAction(w.ctx("tracing", "caseworker"), plain.id, { type: "disclose", disclosure: { biography: "b" } }, { clientId: "t2" }),
      ).rejects.toThrow(/may not/);
      const bad = store.disclosures.createMany(w.ctx("holding", "caseworker"), [
        { clientId: "l1", input: { ...child, biography: "one" } },
        { clientId: "l2", input: { ...child, biography: "two", to: "no-such-party" } },
      ]);
      await expect(bad).rejects.toBeInstanceOf(ValidationError);
      expect((await store.cases.list(w.ctx("holding", "caseworker"))).total).toBe(0);
      const ok = await store.disclosures.createMany(w.ctx("holding", "caseworker"), [
        { clientId: "l1", input: { ...child, biography: "one" } },
        { clientId: "l3", input: { ...child, biography: "three" } },
      ]);
      expect(ok).toMatchObject({ created: 2, existing: 0 });
      expect((await store.disclosures.get(w.ctx("holding", "caseworker"), ok.ids[1]!)).biography).toBe("three");
    });

    it("stores a photo sealed beside its add-photo action and serves it to the entitled only", async () => {
      const w = await world();
      const d = await store.disclosures.create(w.ctx("holding", "caseworker"), { ...child, biography: "b", to: w.ids.tracing }, { clientId: "p" });
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#884422" } }).png().toBuffer();
      const p = await store.photos.add(w.ctx("holding", "caseworker"), d.id, { bytes: png, contentType: "image/png" }, { clientId: "photo-1" });
      expect((await store.photos.add(w.ctx("holding", "caseworker"), d.id, { bytes: png, contentType: "image/png" }, { clientId: "photo-1" })).id).toBe(p.id);
      const got = await store.photos.get(w.ctx("tracing", "verifier"), p.id, "full");
      expect(got.contentType).toBe("image/png");
      expect(await sharp(got.bytes).metadata()).toMatchObject({ width: 40, height: 30 });
      await expect(store.photos.get(w.ctx("ngo", "caseworker"), p.id, "thumb")).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.photos.add(w.ctx("tracing", "caseworker"), d.id, { bytes: png, contentType: "image/png" }, { clientId: "x" })).rejects.toThrow(/may not/);
      const log = await store.accessLog.list({ partyId: w.ids.holding, userId: "admin", role: "admin" }, { caseId: d.id });
      expect(log.items.some((e) => e.partyId === w.ids.tracing && e.purpose === "photo-view:full")).toBe(true);
    });

    it("lists tracing requests to their addressee and mediator, each with its candidates, and the contacts stay home", async () => {
      const w = await world();
      const family = [{ relation: "mother" as const, given: "Ірина", family: "Коваленко", contact: { phone: "+380671234567" } }];
      const r = await store.tracingRequests.create(w.ctx("tracing", "caseworker"), { ...child, family, to: w.ids.holding, mediator: w.ids.mediator }, { clientId: "tr" });
      for (const [p, role] of [["holding", "caseworker"], ["mediator", "mediator"], ["tracing", "verifier"]] as const) {
        const list = await store.tracingRequests.list(w.ctx(p, role));
        expect(list.items.map((i) => i.case.id), p).toEqual([r.id]);
        expect(list.items[0]).toMatchObject({ to: w.ids.holding, mediator: w.ids.mediator, candidates: [] });
        expect(JSON.stringify(list)).not.toContain("+380671234567");
      }
      expect((await store.tracingRequests.list(w.ctx("ngo", "caseworker"))).items).toEqual([]);
      const seen = await store.cases.get(w.ctx("holding", "caseworker"), r.id);
      expect(JSON.stringify(seen)).not.toContain("+380671234567");
    });
  });
}
