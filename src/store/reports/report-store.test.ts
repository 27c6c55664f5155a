import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openedStepTypes } from "../ledger/test-support/opened-steps.ts";
import { ConflictError } from "../../domain/index.ts";
import { verifyLogText, verifySignedReport } from "../../ledger/index.ts";
import { openStore } from "../open-store.ts";
import type { RequestContext } from "../types.ts";
import type { Store } from "../store.ts";

// The whole joint-verification path of one child, as the log must record it.
describe("verification reports and the lifecycle steps that need them", () => {
  let store: Store;
  const ctx: Record<string, RequestContext> = {};
  let caseId = "";
  let n = 0;
  const cid = (): string => `c-${n++}`;
  const step = (who: string, type: string, extra: Record<string, unknown> = {}) =>
    store.cases.appendAction(ctx[who]!, caseId, { type, ...extra } as never, { clientId: cid() });

  beforeAll(async () => {
    store = await openStore({ signedReportsRequired: true });
    await store.parties.ensure({ id: "tracing", name: "Tracing authority", kind: "tracing-authority" });
    await store.parties.ensure({ id: "holding", name: "Holding authority", kind: "holding-authority" });
    await store.parties.ensure({ id: "mediator", name: "Mediator", kind: "mediator" });
    for (const [username, partyId, role] of [
      ["tcw", "tracing", "caseworker"], ["tver", "tracing", "verifier"], ["hcw", "holding", "caseworker"],
      ["hver", "holding", "verifier"], ["med", "mediator", "mediator"],
    ] as const) {
      const user = await store.users.create({ username, passwordHash: "not-a-real-hash", partyId, role });
      ctx[username] = { partyId, userId: user.id, role };
    }
    await store.ledger.ensureKeys();
    // Cases registered by both parties.
    caseId = (await store.cases.create(ctx.tcw!, { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07", consent: { forTracing: true, forSharing: true, givenBy: "guardian" } }, { clientId: cid() })).id;
    await store.cases.create(ctx.hcw!, { names: [{ given: "Александр", family: "Коваленко" }], sex: "M", birthDate: "2014-07-03", legalBasis: { basis: "channel-agreement", reference: "Synthetic agreement" } }, { clientId: cid() });
    // The matching engine proposes the pair; each party accepts it for its own side, and only
    // then is identity agreed (the agreement is an action on both cases, so it is logged too).
    const matching = store.matching;
    await matching.runPending();
    const [candidate] = (await matching.list(ctx.tcw!, { status: "pending" })).items;
    expect(candidate?.tracing.caseId).toBe(caseId);
    expect((await matching.decide(ctx.tcw!, candidate!.id, { decision: "accept" })).agreedNow).toBe(false);
    expect((await matching.decide(ctx.hver!, candidate!.id, { decision: "accept" })).agreedNow).toBe(true);
    await matching.runPending();
    await store.shares.grant(ctx.tcw!, caseId, "holding", "participate");
    await store.shares.grant(ctx.tcw!, caseId, "mediator", "participate");
    await step("tcw", "register");
    await step("hcw", "locate", { location: "synthetic location" });
  });
  afterAll(async () => {
    await store?.close();
  });

  it("takes each step only once the report it needs is signed, and the log then verifies", async () => {
    const reports = store.reports;
    await expect(step("tver", "verify-identity")).rejects.toThrow(ConflictError);

    const report = await reports.draft(ctx.tcw!, caseId, {
      kind: "identity",
      language: "uk",
      content: { identityEvidence: "birth record and the holding side's record match", viewsAndConsent: "the child wishes to return" },
    }, { clientId: "r-1" });
    expect(report.stage).toBe("drafted");
    await expect(reports.sign(ctx.med!, report.id)).rejects.toThrow(/after both verifiers/);
    await expect(reports.sign(ctx.tcw!, report.id)).rejects.toThrow(/verifier/);
    expect((await reports.sign(ctx.hver!, report.id)).stage).toBe("signed");
    await expect(step("tver", "verify-identity")).rejects.toThrow(ConflictError);
    expect((await reports.sign(ctx.tver!, report.id)).stage).toBe("jointly-signed");
    await expect(reports.sign(ctx.tver!, report.id)).rejects.toThrow(/already signed/);

    await step("tver", "verify-identity", { reportRef: report.id });
    await expect(step("med", "confirm-by-mediator")).rejects.toThrow(ConflictError);
    expect((await reports.sign(ctx.med!, report.id)).stage).toBe("confirmed");
    await step("med", "confirm-by-mediator");
    await step("med", "schedule");
    await step("tcw", "reunite");

    await expect(step("tver", "verify-post-return")).rejects.toThrow(ConflictError);
    await expect(reports.draft(ctx.tcw!, caseId, { kind: "post-return", content: { identityEvidence: "same child" } }, { clientId: "r-2" })).rejects.toThrow(/welfare/);
    const after = await reports.draft(ctx.tcw!, caseId, { kind: "post-return", content: { identityEvidence: "same child", welfareCheck: "well, at school" } }, { clientId: "r-2" });
    for (const who of ["tver", "hver", "med"]) await reports.sign(ctx[who]!, after.id);
    await step("tver", "verify-post-return");
    expect((await store.cases.get(ctx.tcw!, caseId))!.status).toBe("post-return-verified");

    // The signed report file verifies on its own.
    const file = JSON.parse(JSON.stringify(await reports.signed(ctx.hver!, report.id)));
    const checked = verifySignedReport(file);
    expect(checked.ok && checked.missingRoles).toEqual([]);
    expect(checked.ok && checked.signatures.map((s) => s.role).sort()).toEqual(["holding-verifier", "mediator", "tracing-verifier"]);
    expect(JSON.stringify(file)).toContain("birth record");

    // The exported log verifies, holds no personal data, and fails at any altered entry.
    const lines: string[] = [];
    for await (const line of store.ledger.exportLines()) lines.push(line);
    const text = lines.join("\n") + "\n";
    expect(text).not.toContain("Коваленко");
    expect(text).not.toContain("birth record");
    const ok = await verifyLogText(text);
    expect(ok.ok).toBe(true);
    const types = new Set(lines.slice(1).map((l) => (JSON.parse(l) as { entry?: { type: string } }).entry?.type).filter(Boolean));
    for (const t of ["case.step", "match.decided", "report.drafted", "report.signed", "key.added"]) {
      expect(types).toContain(t);
    }
    // The case is named by its commitment only; its opening shows its steps.
    expect(text).not.toContain(caseId);
    const steps = await openedStepTypes(store, lines, caseId);
    for (const t of ["report", "add-note", "verify-identity", "confirm-by-mediator", "verify-post-return"]) expect(steps).toContain(t);
    for (let i = 1; i < lines.length; i += 7) {
      const altered = [...lines];
      altered[i] = altered[i]!.replace(/"time":"2/, '"time":"1');
      if (altered[i] === lines[i]) continue;
      const bad = await verifyLogText(altered.join("\n") + "\n");
      expect(bad.ok).toBe(false);
    }
  });

  it("keeps a report from a party that may not see its case", async () => {
    const stranger = (await store.cases.create(ctx.hcw!, { names: [{ given: "Марія", family: "Іванова" }], sex: "F" }, { clientId: cid() })).id;
    await expect(store.reports.draft(ctx.tcw!, stranger, { kind: "identity", content: { identityEvidence: "x" } }, { clientId: "r-3" })).rejects.toThrow(/case/);
  });
});
