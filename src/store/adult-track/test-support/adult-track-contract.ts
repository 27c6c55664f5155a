import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { ADULT_TRACK_JOB_USER } from "../adult-track-job.ts";

// `open` may return a second store on the same database (a second server process).
export function registerAdultTrackContract(label: string, open: (now: () => Date) => Promise<{ a: Store; b: Store }>): void {
  describe(`the daily adult-track switch (${label})`, () => {
    const clock = { at: new Date("2026-05-01T08:00:00Z") };
    let a: Store;
    let b: Store;
    let tcw: RequestContext;
    const ids: Record<string, string> = {};
    let n = 0;

    beforeAll(async () => {
      ({ a, b } = await open(() => clock.at));
      await a.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
      const user = await a.users.create({ username: "tcw", passwordHash: "not-a-real-hash", partyId: "tracing", role: "caseworker" });
      tcw = { partyId: "tracing", userId: user.id, role: "caseworker" };
      await a.ledger.ensureKeys();
      for (const [key, birthDate] of [["seventeen", "2008-05-20"], ["child", "2012-01-01"], ["adult", "2007-01-01"], ["unknown", "2008"]] as const) {
        ids[key] = (await a.cases.create(tcw, { names: [{ given: "Іван", family: "Петренко" }], sex: "M", birthDate }, { clientId: `c-${n++}` })).id;
      }
      await a.cases.appendAction(tcw, ids.seventeen!, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } }, { clientId: `c-${n++}` });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it("switches those certainly 18, once, even with two processes at it together", async () => {
      const [r1, r2] = await Promise.all([a.adultTrack.runDue(), b.adultTrack.runDue()]);
      expect([...r1.switched, ...r2.switched]).toEqual([ids.adult]);
      expect((await a.adultTrack.runDue()).switched).toEqual([]);
      const history = await a.cases.history(tcw, ids.adult!);
      const switches = history.filter((h) => h.type === "switch-to-adult-track");
      expect(switches).toHaveLength(1);
      expect(switches[0]!.actor.userId).toBe(ADULT_TRACK_JOB_USER);
      expect((await a.cases.list(tcw, { track: "adult" })).items.map((c) => c.id)).toEqual([ids.adult]);
      expect((await a.cases.list(tcw, { track: "child" })).items.map((c) => c.id).sort()).toEqual([ids.seventeen, ids.child, ids.unknown].sort());
    });

    it("lists who turns 18 soon, and after the birthday the guardian's consent no longer counts", async () => {
      expect((await a.cases.list(tcw, { turning18Within: 90 })).items.map((c) => c.id)).toEqual([ids.seventeen]);
      expect((await a.cases.list(tcw, { turning18Within: 10 })).items).toEqual([]);
      const before = (await a.cases.get(tcw, ids.seventeen!))!;
      expect(before.status).toBe("reported");
      clock.at = new Date("2026-05-21T08:00:00Z");
      expect((await b.adultTrack.runDue()).switched).toEqual([ids.seventeen]);
      expect((await a.cases.list(tcw, { track: "adult" })).total).toBe(2);
      const history = await a.cases.history(tcw, ids.seventeen!);
      expect(history.map((h) => h.type)).toContain("switch-to-adult-track");
      // From now on only the person's own consent can be recorded.
      await expect(a.cases.appendAction(tcw, ids.seventeen!, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } }, { clientId: `c-${n++}` })).rejects.toThrow(/consent/);
    });
  });
}
