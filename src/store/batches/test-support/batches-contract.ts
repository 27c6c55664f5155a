// The batch store's contract, run on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openedStepTypes } from "../../ledger/test-support/opened-steps.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../domain/index.ts";
import { verifyLogText } from "../../../ledger/index.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { BatchStepError } from "../batch-readiness.ts";

export interface Clock {
  at: Date;
}

const WHO = [
  ["tcw", "tracing", "caseworker"], ["tver", "tracing", "verifier"], ["hcw", "holding", "caseworker"],
  ["hver", "holding", "verifier"], ["med", "mediator", "mediator"], ["mcw", "mediator", "caseworker"], ["ocw", "other", "caseworker"],
] as const;

// `open` opens a store as `homeward serve` does: verification steps wait for their signed reports.
export function registerBatchContract(label: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`return batches (${label})`, () => {
    const clock: Clock = { at: new Date("2026-03-01T10:00:00Z") };
    let store: Store;
    const ctx: Record<string, RequestContext> = {};
    let n = 0;
    const cid = (): string => `c-${n++}`;
    const step = (who: string, caseId: string, action: Record<string, unknown>) => store.cases.appendAction(ctx[who]!, caseId, action as never, { clientId: cid() });
    const expectStep = async (p: Promise<unknown>, missing: string) => {
      const e = await p.then(() => null, (x: unknown) => x);
      expect(e, `expected ${missing}`).toBeInstanceOf(BatchStepError);
      expect((e as BatchStepError).missingStep).toBe(missing);
    };

    beforeAll(async () => {
      store = await open(() => clock.at);
      await store.parties.ensure({ id: "tracing", name: "Tracing authority", kind: "tracing-authority" });
      await store.parties.ensure({ id: "holding", name: "Holding authority", kind: "holding-authority" });
      await store.parties.ensure({ id: "mediator", name: "Mediator", kind: "mediator" });
      await store.parties.ensure({ id: "other", name: "Another holding authority", kind: "holding-authority" });
      for (const [username, partyId, role] of WHO) {
        const user = await store.users.create({ username, passwordHash: "not-a-real-hash", partyId, role });
        ctx[username] = { partyId, userId: user.id, role };
      }
      await store.ledger.ensureKeys();
    });
    afterAll(async () => {
      await store?.close();
    });

    // A case of the tracing side, shared with the holding side and the mediator, located.
    async function locatedCase(birthDate: string): Promise<string> {
      const id = (await store.cases.create(ctx.tcw!, { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate }, { clientId: cid() })).id;
      await store.shares.grant(ctx.tcw!, id, "holding", "participate");
      await store.shares.grant(ctx.tcw!, id, "mediator", "participate");
      await step("tcw", id, { type: "register" });
      await step("hcw", id, { type: "locate", location: "synthetic place" });
      return id;
    }

    async function verifiedCase(birthDate: string, consent: "guardian" | "person" | null = "guardian"): Promise<string> {
      const id = await locatedCase(birthDate);
      const r = await store.reports.draft(ctx.tcw!, id, { kind: "identity", content: { identityEvidence: "records agree" } }, { clientId: cid() });
      for (const who of ["tver", "hver"]) await store.reports.sign(ctx[who]!, r.id);
      await step("tver", id, { type: "verify-identity", reportRef: r.id });
      await store.reports.sign(ctx.med!, r.id);
      await step("med", id, { type: "confirm-by-mediator" });
      if (consent) await step("tcw", id, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: consent } });
      return id;
    }

    const plan = (clientId = cid(), from = "holding", to = "tracing") =>
      store.batches.create(ctx.med!, { name: "Group", from, to, plannedDate: "2026-04-01", handoverPoint: "synthetic crossing" }, { clientId });

    it("plans batches for the mediator only, idempotently, and shows each party only its own", async () => {
      await expect(plan(undefined)).resolves.toBeTruthy();
      await expect(store.batches.create(ctx.tcw!, { name: "x", from: "holding", to: "tracing", plannedDate: "2026-04-01", handoverPoint: "p" }, { clientId: cid() })).rejects.toThrow(ForbiddenError);
      await expect(store.batches.create(ctx.mcw!, { name: "x", from: "holding", to: "tracing", plannedDate: "2026-04-01", handoverPoint: "p" }, { clientId: cid() })).rejects.toThrow(ForbiddenError);
      await expect(store.batches.create(ctx.med!, { name: "x", from: "holding", to: "mediator", plannedDate: "2026-04-01", handoverPoint: "p" }, { clientId: cid() })).rejects.toThrow(/tracing or holding/);
      const first = await plan("same");
      const again = await plan("same");
      expect(again.replayed).toBe(true);
      expect(again.batch.id).toBe(first.batch.id);
      expect(first.batch.status).toBe("planned");
      expect((await store.batches.list(ctx.hcw!)).map((b) => b.id)).toContain(first.batch.id);
      expect(await store.batches.list(ctx.ocw!)).toEqual([]);
      expect(await store.batches.get(ctx.ocw!, first.batch.id)).toBeNull();
      await expect(store.batches.transition(ctx.ocw!, first.batch.id, { to: "cancelled", reason: "x" }, { clientId: cid() })).rejects.toThrow(NotFoundError);
      await expect(store.batches.transition(ctx.tcw!, first.batch.id, { to: "cancelled", reason: "x" }, { clientId: cid() })).rejects.toThrow(ForbiddenError);
    });

    it("adds a child only after both verifiers signed, the mediator confirmed and return consent is recorded, naming what is missing", async () => {
      const { batch } = await plan();
      const id = await locatedCase("2014-03-07");
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "identity-report");
      const r = await store.reports.draft(ctx.tcw!, id, { kind: "identity", content: { identityEvidence: "records agree" } }, { clientId: cid() });
      await store.reports.sign(ctx.hver!, r.id);
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "tracing-verifier-signature");
      await store.reports.sign(ctx.tver!, r.id);
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "mediator-confirmation");
      await step("tver", id, { type: "verify-identity", reportRef: r.id });
      await store.reports.sign(ctx.med!, r.id);
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "return-consent");
      await step("tcw", id, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } });
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "lifecycle");
      await step("med", id, { type: "confirm-by-mediator" });
      await expect(store.batches.addChild(ctx.tcw!, batch.id, id)).rejects.toThrow(ForbiddenError);
      const added = await store.batches.addChild(ctx.med!, batch.id, id);
      expect(added.children.map((c) => c.caseId)).toEqual([id]);
      expect((await store.cases.get(ctx.tcw!, id))!.status).toBe("scheduled");
      // Repeating changes nothing.
      expect((await store.batches.addChild(ctx.med!, batch.id, id)).children).toHaveLength(1);
    });

    it("keeps a child who refused out of any batch", async () => {
      const { batch } = await plan();
      const id = await verifiedCase("2013-05-05");
      await step("tcw", id, { type: "record-views", views: "does not want to go back", stance: "refuses-return", heardBy: "a psychologist" });
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "child-refused");
    });

    it("runs a batch from planned to completed: handovers by both parties reunite the case and set the post-return check", async () => {
      const { batch } = await plan();
      const a = await verifiedCase("2012-01-01");
      const b = await verifiedCase("2015-06-30");
      for (const id of [a, b]) await store.batches.addChild(ctx.med!, batch.id, id);
      await expectStep(store.batches.transition(ctx.med!, batch.id, { to: "in-transit" }, { clientId: cid() }), "status");
      await store.batches.transition(ctx.med!, batch.id, { to: "confirmed" }, { clientId: cid() });
      await expectStep(store.batches.confirmHandover(ctx.hcw!, batch.id, a), "status");
      await store.batches.transition(ctx.med!, batch.id, { to: "in-transit" }, { clientId: "move-1" });
      // A repeat of the same transition is a replay, not an error.
      expect((await store.batches.transition(ctx.med!, batch.id, { to: "in-transit" }, { clientId: "move-1" })).status).toBe("in-transit");
      await expect(store.batches.confirmHandover(ctx.med!, batch.id, a)).rejects.toThrow(ForbiddenError);
      await store.batches.confirmHandover(ctx.hcw!, batch.id, a);
      expect((await store.cases.get(ctx.tcw!, a))!.status).toBe("scheduled");
      await expectStep(store.batches.transition(ctx.med!, batch.id, { to: "completed" }, { clientId: cid() }), "handovers");
      await store.batches.confirmHandover(ctx.tcw!, batch.id, a);
      await store.batches.confirmHandover(ctx.tcw!, batch.id, a);
      expect((await store.cases.get(ctx.tcw!, a))!.status).toBe("reunited");
      for (const who of ["tcw", "hcw"]) await store.batches.confirmHandover(ctx[who]!, batch.id, b);
      const done = await store.batches.transition(ctx.med!, batch.id, { to: "completed" }, { clientId: cid() });
      expect(done.status).toBe("completed");
      expect(done.children.every((c) => c.handovers.length === 2 && c.postReturnCheckDue === "2026-03-31")).toBe(true);
      expect(done.transitions.map((t) => t.to)).toEqual(["confirmed", "in-transit", "completed"]);

      expect((await store.batches.postReturnChecks(ctx.hcw!, { overdue: true })).length).toBe(0);
      clock.at = new Date("2026-04-02T10:00:00Z");
      const late = await store.batches.postReturnChecks(ctx.med!, { overdue: true });
      expect(late.map((c) => c.caseId).sort()).toEqual([a, b].sort());
      expect(await store.batches.postReturnChecks(ctx.ocw!, {})).toEqual([]);
      const returns = await store.batches.returns();
      expect(returns.filter((r) => r.direction === "to-tracing-side").length).toBeGreaterThanOrEqual(2);

      const lines: string[] = [];
      for await (const line of store.ledger.exportLines()) lines.push(line);
      const text = lines.join("\n") + "\n";
      expect((await verifyLogText(text)).ok).toBe(true);
      for (const t of ["batch.planned", "batch.transition"]) expect(text).toContain(`"${t}"`);
      // Case steps are blinded: their types show to whoever holds the case's opening.
      const steps = [...(await openedStepTypes(store, lines, a)), ...(await openedStepTypes(store, lines, b))];
      for (const t of ["confirm-handover", "reunite", "schedule"]) expect(steps).toContain(t);
      expect(text).not.toContain(a);
      expect(text).not.toContain("synthetic crossing");
    });

    it("takes a consent withdrawal into account at once and postpones or cancels only with a reason", async () => {
      const { batch } = await plan();
      const id = await verifiedCase("2011-11-11");
      await store.batches.addChild(ctx.med!, batch.id, id);
      await step("tcw", id, { type: "consent-decision", consent: { purpose: "return", decision: "withdrawn", givenBy: "guardian" } });
      await expectStep(store.batches.transition(ctx.med!, batch.id, { to: "confirmed" }, { clientId: cid() }), "return-consent");
      await expect(store.batches.transition(ctx.med!, batch.id, { to: "postponed" }, { clientId: cid() })).rejects.toThrow(/reason/);
      await store.batches.transition(ctx.med!, batch.id, { to: "postponed", reason: "the consent was withdrawn" }, { clientId: cid() });
      await expect(store.batches.transition(ctx.med!, batch.id, { to: "planned" }, { clientId: cid() })).rejects.toThrow(/date/);
      const again = await store.batches.transition(ctx.med!, batch.id, { to: "planned", plannedDate: "2026-06-01" }, { clientId: cid() });
      expect(again.plannedDate).toBe("2026-06-01");
      const gone = await store.batches.transition(ctx.med!, batch.id, { to: "cancelled", reason: "no longer needed" }, { clientId: cid() });
      expect([gone.status, gone.reason]).toEqual(["cancelled", "no longer needed"]);
      await expect(store.batches.transition(ctx.med!, batch.id, { to: "planned", plannedDate: "2026-06-01" }, { clientId: cid() })).rejects.toThrow(ConflictError);
    });

    it("lets go of the children of a cancelled batch: back to confirmed-by-mediator, listed as released, free to join another", async () => {
      const { batch } = await plan();
      const a = await verifiedCase("2012-04-04");
      const b = await verifiedCase("2013-04-04");
      for (const id of [a, b]) await store.batches.addChild(ctx.med!, batch.id, id);
      await step("tcw", b, { type: "hold", reason: "a court hearing" });
      const gone = await store.batches.transition(ctx.med!, batch.id, { to: "cancelled", reason: "the crossing is closed" }, { clientId: cid() });
      expect(gone.children.every((c) => c.releasedAt !== null)).toBe(true);
      const freed = (await store.cases.get(ctx.tcw!, a))!;
      expect([freed.status, freed.batchId]).toEqual(["confirmed-by-mediator", undefined]);
      // A child on hold stays on hold, and resumes where it can join another batch.
      expect((await store.cases.get(ctx.tcw!, b))!).toMatchObject({ status: "on-hold", statusBeforeHold: "confirmed-by-mediator" });
      await step("tcw", b, { type: "resume", reason: "heard" });
      const history = await store.cases.history(ctx.tcw!, a);
      expect(history.at(-1)).toMatchObject({ type: "unschedule", action: { batchId: batch.id, reason: "the crossing is closed" } });
      const next = (await plan()).batch;
      for (const id of [a, b]) await store.batches.addChild(ctx.med!, next.id, id);
      expect((await store.cases.get(ctx.tcw!, a))!).toMatchObject({ status: "scheduled", batchId: next.id });
    });

    it("lets go of the children a postponed batch had not handed over, and takes them again once it is planned anew", async () => {
      const { batch } = await plan();
      const a = await verifiedCase("2012-05-05");
      const b = await verifiedCase("2013-05-05");
      for (const id of [a, b]) await store.batches.addChild(ctx.med!, batch.id, id);
      for (const to of ["confirmed", "in-transit"] as const) await store.batches.transition(ctx.med!, batch.id, { to }, { clientId: cid() });
      for (const who of ["hcw", "tcw"]) await store.batches.confirmHandover(ctx[who]!, batch.id, a);
      await store.batches.confirmHandover(ctx.hcw!, batch.id, b);
      const held = await store.batches.transition(ctx.med!, batch.id, { to: "postponed", reason: "a storm" }, { clientId: cid() });
      expect(held.children.map((c) => [c.caseId, c.releasedAt === null])).toEqual(expect.arrayContaining([[a, true], [b, false]]));
      expect((await store.cases.get(ctx.tcw!, a))!.status).toBe("reunited");
      expect((await store.cases.get(ctx.tcw!, b))!.status).toBe("confirmed-by-mediator");
      await expectStep(store.batches.addChild(ctx.med!, batch.id, b), "status");
      await store.batches.transition(ctx.med!, batch.id, { to: "planned", plannedDate: "2026-05-01" }, { clientId: cid() });
      await store.batches.addChild(ctx.med!, batch.id, b);
      // The same call again changes nothing.
      await store.batches.addChild(ctx.med!, batch.id, b);
      expect((await store.cases.get(ctx.tcw!, b))!).toMatchObject({ status: "scheduled", batchId: batch.id });
      expect((await store.cases.history(ctx.tcw!, b)).filter((e) => e.type === "schedule")).toHaveLength(2);
      expect((await store.batches.transition(ctx.med!, batch.id, { to: "confirmed" }, { clientId: cid() })).status).toBe("confirmed");
    });

    it("stops counting the guardian's consent once the child turns 18", async () => {
      clock.at = new Date("2026-05-01T10:00:00Z");
      const { batch } = await plan();
      // 17 now, 18 on 20 May 2026.
      const id = await verifiedCase("2008-05-20");
      clock.at = new Date("2026-05-21T10:00:00Z");
      await expectStep(store.batches.addChild(ctx.med!, batch.id, id), "return-consent");
      await step("tcw", id, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "person" } });
      expect((await store.batches.addChild(ctx.med!, batch.id, id)).children.map((c) => c.caseId)).toContain(id);
    });
  });
}
