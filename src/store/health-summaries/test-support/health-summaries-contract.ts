import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { ForbiddenError, HealthSummarySchema, NotFoundError, withDefaultLabels, type HealthConsent, type PartyKind, type Role } from "../../../domain/index.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { testDoor } from "../../test-support/test-door.ts";

// Health summaries and their consent gate, the same on every database. The store's clock is
// the test's, so a consent's period can be walked past.

const KINDS = { tracing: "tracing-authority", holding: "holding-authority", mediator: "mediator", ngo: "ngo" } as const satisfies Record<string, PartyKind>;
type PartyName = keyof typeof KINDS;
let counter = 0;

const summary = withDefaultLabels(HealthSummarySchema.parse({
  date: "2026-05-14T09:30:00Z",
  author: "Children's services",
  patient: { family: "Бойко", given: ["Марія"], birthDate: "2013-09-01", gender: "female" },
  problems: [{ text: "Iron deficiency anaemia", clinicalStatus: "resolved" }],
  services: [{ text: "Counselling after separation, weekly", category: "psychosocial", status: "finished", period: { start: "2023-01-10", end: "2023-06-30" } }],
}));

export function registerHealthSummariesContract(label: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`health summaries on ${label}`, () => {
    let store: Store;
    let clock = new Date("2026-05-20T12:00:00Z");
    beforeAll(async () => {
      store = await open(() => clock);
    });
    afterAll(async () => {
      await store?.close();
    });

    async function world() {
      const tag = `h${++counter}-${Math.random().toString(36).slice(2, 8)}`;
      const ids = {} as Record<PartyName, string>;
      for (const p of Object.keys(KINDS) as PartyName[]) {
        ids[p] = `${tag}-${p}`;
        await store.parties.ensure({ id: ids[p], name: `${p} ${tag}`, kind: KINDS[p] });
      }
      const ctx = (party: PartyName, role: Role): RequestContext => ({ partyId: ids[party], userId: `${ids[party]}-${role}`, role, purpose: "test" });
      const child = { names: [{ given: "Марія", family: "Бойко" }], sex: "F" as const, birthDate: "2013-09-01", biography: "Evacuated from Mariupol in 2022.", to: ids.tracing, mediator: ids.mediator };
      const { id } = await store.disclosures.create(ctx("holding", "caseworker"), child, { clientId: `${tag}-d` });
      const consent = (over: Partial<HealthConsent> = {}): HealthConsent => ({
        status: "active", dateTime: "2026-05-01T10:00:00Z", grantor: { kind: "guardian" }, recipients: [ids.tracing], purposes: ["TREAT"],
        period: { start: "2026-05-01", end: "2026-06-30" }, ...over,
      });
      return { ids, ctx, caseId: id, consent };
    }

    it("records a summary sealed, in versions, each with a signed entry; the same summary again changes nothing", async () => {
      const w = await world();
      const holder = w.ctx("holding", "caseworker");
      expect(await store.healthSummaries.put(holder, w.caseId, summary)).toEqual({ version: 1, changed: true });
      expect(await store.healthSummaries.put(holder, w.caseId, summary)).toEqual({ version: 1, changed: false });
      expect(await store.healthSummaries.put(holder, w.caseId, { ...summary, allergies: [{ text: "Penicillin", clinicalStatus: "active", labels: [] }] })).toEqual({ version: 2, changed: true });
      const rows = (await sql<{ sealed: Uint8Array; entry_idx: string }>`select sealed, entry_idx from health_summaries where case_id = ${w.caseId}`.execute(testDoor(store).db)).rows;
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(Buffer.from(r.sealed).toString("latin1")).not.toMatch(/Counselling|Бойко|Penicillin/);
      const entry = await store.ledger.entry(Number(rows[0]!.entry_idx));
      expect(entry?.entry).toMatchObject({ type: "health.summary.recorded", party: w.ids.holding });
      expect(entry?.entry.subject).not.toContain(w.caseId);
      const own = await store.healthSummaries.release(holder, w.caseId, "TREAT");
      expect(own).toMatchObject({ version: 2, custodian: w.ids.holding, entryIndex: null });
      expect(own.summary.allergies[0]!.text).toBe("Penicillin");
    });

    it("releases the summary to exactly the parties and purposes the consent names, each release signed and access-logged", async () => {
      const w = await world();
      await store.healthSummaries.put(w.ctx("holding", "verifier"), w.caseId, summary);
      // No consent yet: nobody but the custodian.
      await expect(store.healthSummaries.release(w.ctx("tracing", "caseworker"), w.caseId, "TREAT")).rejects.toThrow(/no consent/);
      await store.healthSummaries.putConsent(w.ctx("holding", "caseworker"), w.caseId, w.consent());
      const got = await store.healthSummaries.release(w.ctx("tracing", "caseworker"), w.caseId, "TREAT");
      expect(got.summary).toEqual(summary);
      const line = await store.ledger.entry(got.entryIndex!);
      expect(line?.entry).toMatchObject({ type: "health.summary.released", party: w.ids.holding, body: { recipient: w.ids.tracing, purpose: "TREAT", summaryVersion: 1, consentVersion: 1 } });
      const log = (await sql<{ party_id: string; purpose: string }>`select party_id, purpose from access_log where case_id = ${w.caseId} and purpose like 'health-summary:%'`.execute(testDoor(store).db)).rows;
      expect(log).toEqual([{ party_id: w.ids.tracing, purpose: "health-summary:TREAT" }]);
      // Another purpose, the mediator (who sees the case but is not named), an unrelated party.
      await expect(store.healthSummaries.release(w.ctx("tracing", "caseworker"), w.caseId, "PUBHLTH")).rejects.toThrow(/does not cover the purpose PUBHLTH/);
      await expect(store.healthSummaries.release(w.ctx("mediator", "mediator"), w.caseId, "TREAT")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(store.healthSummaries.release(w.ctx("ngo", "caseworker"), w.caseId, "TREAT")).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.healthSummaries.release(w.ctx("tracing", "auditor"), w.caseId, "TREAT")).rejects.toBeInstanceOf(ForbiddenError);
      const releases = (await sql<{ n: string }>`select count(*) as n from health_releases where case_id = ${w.caseId}`.execute(testDoor(store).db)).rows[0]!;
      expect(Number(releases.n)).toBe(1);
    });

    it("releases nothing after the consent is withdrawn or its period ends", async () => {
      const w = await world();
      await store.healthSummaries.put(w.ctx("holding", "caseworker"), w.caseId, summary);
      await store.healthSummaries.putConsent(w.ctx("holding", "caseworker"), w.caseId, w.consent({ recipients: [w.ids.tracing, w.ids.mediator], purposes: ["TREAT", "FAMRQT"] }));
      await expect(store.healthSummaries.release(w.ctx("mediator", "mediator"), w.caseId, "FAMRQT")).resolves.toMatchObject({ version: 1 });
      clock = new Date("2026-07-01T00:00:00Z");
      try {
        await expect(store.healthSummaries.release(w.ctx("mediator", "mediator"), w.caseId, "FAMRQT")).rejects.toThrow(/period has ended/);
      } finally {
        clock = new Date("2026-05-20T12:00:00Z");
      }
      await expect(store.healthSummaries.release(w.ctx("tracing", "verifier"), w.caseId, "TREAT")).resolves.toMatchObject({ version: 1 });
      expect(await store.healthSummaries.withdrawConsent(w.ctx("holding", "caseworker"), w.caseId)).toEqual({ version: 2, changed: true });
      await expect(store.healthSummaries.release(w.ctx("tracing", "verifier"), w.caseId, "TREAT")).rejects.toThrow(/withdrawn/);
      expect((await store.healthSummaries.getConsent(w.ctx("holding", "caseworker"), w.caseId))?.consent.status).toBe("inactive");
    });

    it("lets only the custodian record summaries and consents and read the consent", async () => {
      const w = await world();
      await expect(store.healthSummaries.put(w.ctx("tracing", "caseworker"), w.caseId, summary)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(store.healthSummaries.putConsent(w.ctx("tracing", "caseworker"), w.caseId, w.consent())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(store.healthSummaries.put(w.ctx("ngo", "caseworker"), w.caseId, summary)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.healthSummaries.getConsent(w.ctx("tracing", "caseworker"), w.caseId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.healthSummaries.release(w.ctx("holding", "caseworker"), w.caseId, "TREAT")).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.healthSummaries.release(w.ctx("holding", "caseworker"), "not-a-uuid", "TREAT")).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.healthSummaries.withdrawConsent(w.ctx("holding", "caseworker"), w.caseId)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
