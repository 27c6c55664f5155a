// The dashboard's contract, run on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";

const WHO = [
  ["tcw", "tracing", "caseworker"], ["hcw", "holding", "caseworker"], ["med", "mediator", "mediator"], ["aud", "tracing", "auditor"],
] as const;

export function registerDashboardContract(label: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`the dashboard's counts (${label})`, () => {
    const now = new Date("2026-06-15T10:00:00Z");
    let store: Store;
    const ctx: Record<string, RequestContext> = {};
    let n = 0;
    const cid = (): string => `d-${n++}`;
    const newCase = async (who: string, birthDate: string) =>
      (await store.cases.create(ctx[who]!, { names: [{ given: "Марія", family: `Тест${n}` }], sex: "F", birthDate }, { clientId: cid() })).id;

    beforeAll(async () => {
      store = await open(() => now);
      await store.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
      await store.parties.ensure({ id: "holding", name: "Holding", kind: "holding-authority" });
      await store.parties.ensure({ id: "mediator", name: "Mediator", kind: "mediator" });
      for (const [username, partyId, role] of WHO) {
        const user = await store.users.create({ username, passwordHash: "not-a-real-hash", partyId, role });
        ctx[username] = { partyId, userId: user.id, role };
      }
      await store.ledger.ensureKeys();
      // Tracing: three open cases (one turns 18 in 30 days, one in 200, one is 10), one registered.
      await newCase("tcw", "2008-07-15");
      await newCase("tcw", "2009-01-01");
      const registered = await newCase("tcw", "2016-02-02");
      await store.cases.appendAction(ctx.tcw!, registered, { type: "register" }, { clientId: cid() });
      // Holding: two of its own, one shared with the tracing side.
      await newCase("hcw", "2010-03-03");
      const shared = await newCase("hcw", "2008-08-01");
      await store.shares.grant(ctx.hcw!, shared, "tracing", "participate");
    });
    afterAll(async () => {
      await store?.close();
    });

    it("counts by state only the cases the party may see: its own and those shared with it", async () => {
      const t = await store.dashboard.summary(ctx.tcw!);
      expect(t.total).toBe(4);
      expect(Object.fromEntries(t.byStatus.map((g) => [g.status, g.count]))).toEqual({ reported: 3, registered: 1 });
      const h = await store.dashboard.summary(ctx.hcw!);
      expect(h.total).toBe(2);
      const m = await store.dashboard.summary(ctx.med!);
      expect(m.total).toBe(0);
      expect(m.byStatus).toEqual([]);
    });

    it("counts the children turning 18 within the window by the registry's rule, the shared one included", async () => {
      const t = await store.dashboard.summary(ctx.tcw!);
      expect(t.turning18).toEqual({ withinDays: 90, count: 2 });
      expect((await store.dashboard.summary(ctx.tcw!, { turning18Within: 365 })).turning18.count).toBe(3);
      expect((await store.dashboard.summary(ctx.hcw!)).turning18.count).toBe(1);
    });

    it("gives registrations per month, oldest first, this month last, and no reviews or overdue checks yet", async () => {
      const t = await store.dashboard.summary(ctx.tcw!, { months: 3 });
      expect(t.months).toEqual([
        { month: "2026-04", registered: 0, returned: 0 },
        { month: "2026-05", registered: 0, returned: 0 },
        { month: "2026-06", registered: 4, returned: 0 },
      ]);
      expect(t.reviewsWaiting).toBe(0);
      expect(t.overduePostReturnChecks).toBe(0);
      expect(t.adultTrack).toBe(0);
    });

    it("writes nothing to the access log: the counts name no child", async () => {
      const before = await store.accessLog.list(ctx.aud!, { limit: 1 });
      await store.dashboard.summary(ctx.tcw!);
      const after = await store.accessLog.list(ctx.aud!, { limit: 1 });
      expect(after.total).toBe(before.total);
    });
  });
}
