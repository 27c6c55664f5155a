// The linked-cases contract, run on PGlite and on PostgreSQL: both parties accept a match, the
// two cases are linked and move together to the close, each party seeing the shared state on
// its own case and nothing of the other's private fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLogText } from "../../../ledger/index.ts";
import { ConflictError } from "../../../domain/index.ts";
import { openedStepTypes } from "../../ledger/test-support/opened-steps.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";

const WHO = [
  ["tcw", "tracing", "caseworker"], ["tver", "tracing", "verifier"], ["hcw", "holding", "caseworker"],
  ["hver", "holding", "verifier"], ["med", "mediator", "mediator"],
] as const;

const LEGAL = { legalBasis: { basis: "channel-agreement" as const, reference: "Synthetic test agreement" } };

export function registerCaseLinksContract(label: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`linked cases (${label})`, () => {
    const clock = { at: new Date("2026-03-01T10:00:00Z") };
    let store: Store;
    const ctx: Record<string, RequestContext> = {};
    let n = 0;
    const cid = (): string => `l-${n++}`;
    const step = (who: string, caseId: string, action: Record<string, unknown>) => store.cases.appendAction(ctx[who]!, caseId, action as never, { clientId: cid() });
    const status = async (who: string, id: string) => (await store.cases.get(ctx[who]!, id))!.status;

    beforeAll(async () => {
      store = await open(() => clock.at);
      await store.parties.ensure({ id: "tracing", name: "Tracing authority", kind: "tracing-authority" });
      await store.parties.ensure({ id: "holding", name: "Holding authority", kind: "holding-authority" });
      await store.parties.ensure({ id: "mediator", name: "Mediator", kind: "mediator" });
      for (const [username, partyId, role] of WHO) {
        const user = await store.users.create({ username, passwordHash: "not-a-real-hash", partyId, role });
        ctx[username] = { partyId, userId: user.id, role };
      }
      await store.ledger.ensureKeys();
    });
    afterAll(async () => {
      await store?.close();
    });

    // The tracing side's case for a child and the holding side's case for the same child, each
    // shared with the other side and the mediator, matched and accepted by both.
    async function agreedPair(given: [string, string], family: string, birthDate: string): Promise<{ t: string; h: string }> {
      const shares = (to: string) => [{ type: "share", partyId: to, scope: "participate" }, { type: "share", partyId: "mediator", scope: "participate" }] as never[];
      const t = (await store.cases.create(ctx.tcw!, {
        names: [{ given: given[0], family }], sex: "F", birthDate, birthPlace: "Маріуполь", ...LEGAL,
        family: [{ relation: "mother", given: "Олена", family, contact: { phone: "+380 50 111 22 33", address: "вул. Тиха 5" } }],
        notes: "The family's private note.",
      }, { clientId: cid(), followUps: shares("holding") })).id;
      const h = (await store.cases.create(ctx.hcw!, { names: [{ given: given[1], family }], sex: "F", birthDate, birthPlace: "Мариуполь", ...LEGAL, notes: "The holding side's own note." }, { clientId: cid(), followUps: shares("tracing") })).id;
      await store.matching.runPending();
      const found = (await store.matching.list(ctx.tver!, { status: "pending" })).items.find((c) => c.tracing.caseId === t && c.holding.caseId === h);
      expect(found, "a candidate for the pair").toBeDefined();
      for (const who of ["tver", "hver"]) await store.matching.decide(ctx[who]!, found!.id, { decision: "accept" });
      await store.matching.runPending();
      return { t, h };
    }

    async function confirmed(t: string): Promise<void> {
      await step("tcw", t, { type: "register" });
      await step("hcw", t, { type: "locate", location: "synthetic place" });
      const r = await store.reports.draft(ctx.tcw!, t, { kind: "identity", content: { identityEvidence: "records agree" } }, { clientId: cid() });
      for (const who of ["tver", "hver", "med"]) await store.reports.sign(ctx[who]!, r.id);
      await step("tver", t, { type: "verify-identity", reportRef: r.id });
      await step("med", t, { type: "confirm-by-mediator", reportRef: r.id });
      await step("tcw", t, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } });
    }

    it("links the two cases once both parties accept, each party seeing the link on its own case only", async () => {
      const { t, h } = await agreedPair(["Олена", "Елена"], "Шевчук", "2013-02-03");
      expect((await store.cases.get(ctx.tcw!, t))!.linkedCase).toBe(h);
      expect((await store.cases.get(ctx.hcw!, h))!.linkedCase).toBe(t);
      // The other side's view of a case shows its state, not which of its own cases it is linked to.
      expect((await store.cases.get(ctx.hcw!, t))!.linkedCase).toBeUndefined();
      // Running the agreement again links nothing twice.
      await store.matching.runPending();
      const linkSteps = (await store.cases.history(ctx.tcw!, t)).filter((e) => e.type === "link-case");
      expect(linkSteps).toHaveLength(1);
      // Nobody may link or follow by hand.
      await expect(step("tcw", t, { type: "link-case", linkedCase: h })).rejects.toThrow(/may not take/);
      await expect(step("hcw", h, { type: "follow-linked", linkedCase: t, step: "close", status: "closed" })).rejects.toThrow(/may not take/);
    });

    it("moves the other party's case through verification, batch, handover, post-return check and close", async () => {
      const { t, h } = await agreedPair(["Марія", "Мария"], "Бондаренко", "2012-08-09");
      expect(await status("hcw", h)).toBe("reported");
      await confirmed(t);
      expect(await status("hcw", h)).toBe("confirmed-by-mediator");
      const { batch } = await store.batches.create(ctx.med!, { name: "Group", from: "holding", to: "tracing", plannedDate: "2026-04-01", handoverPoint: "synthetic crossing" }, { clientId: cid() });
      await store.batches.addChild(ctx.med!, batch.id, t);
      const held = (await store.cases.get(ctx.hcw!, h))!;
      expect([held.status, held.batchId]).toEqual(["scheduled", batch.id]);
      // The holding side's own case cannot join a second time: the child is in the batch already.
      await expect(store.batches.addChild(ctx.med!, batch.id, h)).rejects.toThrow(ConflictError);
      for (const to of ["confirmed", "in-transit"] as const) await store.batches.transition(ctx.med!, batch.id, { to }, { clientId: cid() });
      for (const who of ["hcw", "tcw"]) await store.batches.confirmHandover(ctx[who]!, batch.id, t);
      expect(await status("hcw", h)).toBe("reunited");
      await step("tcw", t, { type: "add-note", text: "Reunited at the family's new flat." });
      const pr = await store.reports.draft(ctx.tcw!, t, { kind: "post-return", content: { identityEvidence: "same child", welfareCheck: "settled, at school" } }, { clientId: cid() });
      for (const who of ["tver", "hver", "med"]) await store.reports.sign(ctx[who]!, pr.id);
      await step("tver", t, { type: "verify-post-return", reportRef: pr.id });
      await step("tcw", t, { type: "close" });
      expect(await status("tcw", t)).toBe("closed");
      expect(await status("hcw", h)).toBe("closed");

      // Each followed step is on the holding side's case, in its own history and signed log.
      const history = await store.cases.history(ctx.hcw!, h);
      const follows = history.filter((e) => e.type === "follow-linked").map((e) => e.action as { step: string; status: string });
      expect(follows.map((f) => `${f.step}>${f.status}`)).toEqual([
        "verify-identity>identity-verified", "confirm-by-mediator>confirmed-by-mediator", "schedule>scheduled",
        "confirm-handover>scheduled", "confirm-handover>scheduled", "reunite>reunited", "verify-post-return>post-return-verified", "close>closed",
      ]);
      const text = JSON.stringify(history);
      for (const secret of ["+380 50 111 22 33", "вул. Тиха", "private note", "new flat"]) expect(text).not.toContain(secret);
      // And the tracing side sees nothing of the holding side's notes on its shared view.
      expect(JSON.stringify(await store.cases.get(ctx.tcw!, h))).not.toContain("holding side's own note");

      const lines: string[] = [];
      for await (const line of store.ledger.exportLines()) lines.push(line);
      expect((await verifyLogText(lines.join("\n") + "\n")).ok).toBe(true);
      expect((await openedStepTypes(store, lines, h)).filter((s) => s === "follow-linked")).toHaveLength(8);
    });

    it("keeps a child out of a batch when the refusal is recorded on the other party's case", async () => {
      const { t, h } = await agreedPair(["Софія", "София"], "Кравець", "2011-04-05");
      await confirmed(t);
      await step("hcw", h, { type: "record-views", views: "does not want to leave", stance: "refuses-return", heardBy: "a psychologist" });
      const { batch } = await store.batches.create(ctx.med!, { name: "Group", from: "holding", to: "tracing", plannedDate: "2026-04-01", handoverPoint: "synthetic crossing" }, { clientId: cid() });
      const e = await store.batches.addChild(ctx.med!, batch.id, t).then(() => null, (x: unknown) => x);
      expect((e as { missingStep?: string }).missingStep).toBe("child-refused");
    });

    it("takes both cases back to confirmed-by-mediator when their batch is cancelled", async () => {
      const { t, h } = await agreedPair(["Дарина", "Дарина"], "Ткаченко", "2010-06-07");
      await confirmed(t);
      const { batch } = await store.batches.create(ctx.med!, { name: "Group", from: "holding", to: "tracing", plannedDate: "2026-04-01", handoverPoint: "synthetic crossing" }, { clientId: cid() });
      await store.batches.addChild(ctx.med!, batch.id, t);
      await store.batches.transition(ctx.med!, batch.id, { to: "cancelled", reason: "called off" }, { clientId: cid() });
      for (const [who, id] of [["tcw", t], ["hcw", h]] as const) {
        const c = (await store.cases.get(ctx[who]!, id))!;
        expect([c.status, c.batchId]).toEqual(["confirmed-by-mediator", undefined]);
      }
    });

    it("follows both ways, resumes a case on hold to the shared state, and stops following a case closed for good", async () => {
      const { t, h } = await agreedPair(["Ірина", "Ирина"], "Мельник", "2014-11-12");
      await step("hcw", h, { type: "hold", reason: "awaiting documents" });
      await confirmed(t);
      expect(await status("hcw", h)).toBe("on-hold");
      await step("hcw", h, { type: "resume", reason: "documents arrived" });
      expect(await status("hcw", h)).toBe("confirmed-by-mediator");
      // A step on the holding side's case is followed on the tracing side's.
      await step("med", h, { type: "schedule", date: "2026-04-01" });
      expect(await status("tcw", t)).toBe("scheduled");
      // The tracing side's case closed for good (the child declined) follows no more.
      await step("med", t, { type: "decline", by: "child", reason: "the child does not want to go" });
      await step("med", h, { type: "unschedule", batchId: "none", reason: "the child declined" });
      expect(await status("hcw", h)).toBe("confirmed-by-mediator");
      expect(await status("tcw", t)).toBe("declined-by-child");
    });
  });
}
