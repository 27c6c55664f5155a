import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLogText } from "../ledger/index.ts";
import { openStore, type Store } from "../store/index.ts";
import type { RequestContext } from "../store/index.ts";
import type { EntryLine } from "../ledger/index.ts";
import { seedDemo } from "./seed-demo.ts";
import { generateDemoCases } from "./generate-demo-cases.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";
import { testDoor } from "../store/test-support/test-door.ts";
import { openedStepTypes } from "../store/ledger/test-support/opened-steps.ts";

describe("demo histories in the signed log", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  let store: Store;
  beforeAll(async () => {
    // As `homeward serve` runs: verification steps wait for their signed reports.
    store = await openStore({ now: () => now, signedReportsRequired: true });
  });
  afterAll(() => store.close());

  it("exports a demo log with signed entries of every kind, which verifies; seeding again adds nothing", async () => {
    await seedDemo(store, { now, families: 12 });
    const ledger = store.ledger;
    const lines: string[] = [];
    for await (const line of ledger.exportLines()) lines.push(line);
    const result = await verifyLogText(lines.join("\n") + "\n");
    expect(result.ok).toBe(true);
    const types = new Set(lines.slice(1).map((l) => (JSON.parse(l) as { entry?: { type: string } }).entry?.type).filter(Boolean));
    for (const t of ["case.step", "report.drafted", "report.signed", "key.added"]) {
      expect(types).toContain(t);
    }
    // Cases are named by commitments only; each case's opening shows its steps.
    const caseIds = (await testDoor(store).db.selectFrom("cases").select("id").execute()).map((r) => r.id);
    const text = lines.join("\n");
    const steps = new Set<string>();
    for (const id of caseIds) {
      expect(text).not.toContain(id);
      for (const t of await openedStepTypes(store, lines, id)) steps.add(t);
    }
    for (const t of ["report", "register", "share", "verify-identity", "confirm-by-mediator"]) expect(steps).toContain(t);
    const roles = lines.filter((l) => l.includes('"report.signed"')).map((l) => (JSON.parse(l) as { entry: { body: { role: string } } }).entry.body.role);
    expect(new Set(roles)).toEqual(new Set(["tracing-verifier", "holding-verifier", "mediator"]));
    const size = await ledger.size();
    await seedDemo(store, { now, families: 12 });
    expect(await ledger.size()).toBe(size);
  });

  async function contextOf(username: string): Promise<RequestContext> {
    const user = (await store.users.findByUsername(username))!;
    return { partyId: user.partyId, userId: user.id, role: user.role, purpose: "test" };
  }

  it("agrees true pairs by both parties, rotates the tracing authority's key once, and logs both", async () => {
    const lines: string[] = [];
    for await (const line of store.ledger.exportLines()) lines.push(line);
    expect((await verifyLogText(lines.join("\n") + "\n")).ok).toBe(true);
    const entries = lines.map((l) => JSON.parse(l) as { kind: string }).filter((l): l is EntryLine => l.kind === "entry");

    // The generator's ground truth: which holding record is the same child as which tracing case.
    const demo = new Map(generateDemoCases({ asOf: now, families: 12 }).map((c) => [c.clientId, c]));
    const clientIds = new Map((await testDoor(store).db.selectFrom("case_actions").select(["case_id", "client_id"]).where("type", "=", "report").execute()).map((r) => [r.case_id, r.client_id]));
    const truth = (caseId: string) => demo.get(clientIds.get(caseId)!)!;

    const tracing = await contextOf("tracing");
    const matching = store.matching;
    const agreed = (await matching.list(tracing, { status: "agreed", limit: 500 })).items;
    expect(agreed.length).toBeGreaterThanOrEqual(3);
    const reports = store.reports;
    let cited = 0;
    for (const c of agreed) {
      expect(c.decisions.tracing?.decision).toBe("accept");
      expect(c.decisions.holding?.decision).toBe("accept");
      expect(truth(c.holding.caseId).sameChildAs).toBe(clientIds.get(c.tracing.caseId));
      // Each case's history, and so the log, records the agreement.
      for (const caseId of [c.tracing.caseId, c.holding.caseId]) {
        expect(await openedStepTypes(store, lines, caseId)).toContain("add-note");
      }
      const identity = (await reports.list(tracing, c.tracing.caseId)).find((r) => r.kind === "identity");
      if (identity) {
        expect(identity.document.content.identityEvidence).toContain(c.id);
        expect(identity.document.content.identityEvidence).toContain(c.holding.caseId);
        cited++;
      }
    }
    expect(cited).toBeGreaterThan(0);

    // Wrong-family candidates (src/demo/demo-matches.test.ts has a sibling) are rejected, two at most, with a reason.
    const isTrue = (c: { tracing: { caseId: string }; holding: { caseId: string } }) => truth(c.holding.caseId).sameChildAs === clientIds.get(c.tracing.caseId);
    const all = (await matching.list(tracing, { limit: 500 })).items;
    const rejected = all.filter((c) => c.status === "rejected");
    expect(rejected).toHaveLength(Math.min(2, all.filter((c) => !isTrue(c)).length));
    for (const c of rejected) {
      expect(isTrue(c)).toBe(false);
      expect(c.decisions.tracing?.reason).toMatch(/^Not this child/);
    }

    // One rotation of the tracing authority's key; its later entries are signed by the new key only.
    const rotations = entries.filter((e) => e.entry.type === "key.rotated");
    expect(rotations).toHaveLength(1);
    const rotation = rotations[0]!;
    expect(rotation.entry.party).toBe(DEMO_PARTIES.tracing.id);
    const { replaces, key } = rotation.entry.body as { replaces: string; key: { id: string } };
    const after = entries.filter((e) => e.entry.index > rotation.entry.index && e.entry.party === DEMO_PARTIES.tracing.id);
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) {
      expect(e.sigs.map((s) => s.key)).toContain(key.id);
      expect(e.sigs.map((s) => s.key)).not.toContain(replaces);
    }
  });
});
