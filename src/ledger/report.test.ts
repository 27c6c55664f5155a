import { describe, it, expect } from "vitest";
import { buildFixtureLog, FIXTURE_REPORT, seededSigner } from "./fixture-log.ts";
import { buildSignedReport, verifySignedReport, type SignedReport } from "./report.ts";

const fixture = buildFixtureLog();
const report = buildSignedReport(fixture.ledger, "report-1", FIXTURE_REPORT);
const copy = (): SignedReport => structuredClone(report);

describe("signed reports", () => {
  it("verifies a report signed by both verifiers and confirmed by the mediator", () => {
    const result = verifySignedReport(JSON.parse(JSON.stringify(report)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.signatures.map((s) => s.role)).toEqual(["tracing-verifier", "holding-verifier", "mediator"]);
    expect(result.missingRoles).toEqual([]);
    expect(result.checkpoint.cosigners).toEqual(["tracing-authority", "holding-authority", "mediator"]);
    expect(result.verificationCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });

  it("lists the roles whose signatures are missing", () => {
    const partial = copy();
    partial.signatures = partial.signatures.filter((s) => (s.entry.entry.body as { role: string }).role !== "mediator");
    const result = verifySignedReport(partial);
    expect(result.ok && result.missingRoles).toEqual(["mediator"]);
  });

  it("rejects a report whose content was changed after signing", () => {
    const changed = copy();
    changed.report = { ...changed.report, findings: "altered" };
    const result = verifySignedReport(changed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/report was changed/);
  });

  it("rejects a signature entry that is not in the log", () => {
    const changed = copy();
    const proof = changed.signatures[1]!.proof;
    proof[0] = proof[0]!.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    const result = verifySignedReport(changed);
    expect(!result.ok && result.reason).toMatch(/not in the log/);
  });

  it("rejects a signature that does not verify", () => {
    const changed = copy();
    changed.signatures[0]!.entry.entry.time = "2031-01-01T00:00:00.000Z";
    const result = verifySignedReport(changed);
    expect(!result.ok && result.reason).toMatch(/does not verify/);
  });

  it("trusts only pinned keys when keys are pinned", () => {
    const stranger = seededSigner("stranger", "mediator");
    const pinned = report.keys.filter((k) => k.party !== "mediator" || k.user !== undefined).concat(stranger.key);
    const result = verifySignedReport(report, { pinnedKeys: pinned });
    expect(!result.ok && result.reason).toMatch(/unknown key/);
    expect(verifySignedReport(report, { pinnedKeys: report.keys }).ok).toBe(true);
  });
});
