import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toHex } from "./bytes.ts";
import {
  BLINDED_SUBJECT_PREFIX,
  blindedCaseSubject,
  blindedEntryId,
  caseCommitment,
  caseStepEntry,
  checkOpenedStep,
  entriesOfCase,
  isBlindedSubject,
  type CaseOpening,
  type CaseStepPayload,
} from "./case-commitment.ts";
import { fixtureParties } from "./fixture-log.ts";
import { keyAdded } from "./entry-types.ts";
import { Ledger } from "./ledger.ts";
import { verifyLogText } from "./log-verifier.ts";
import { sha256 } from "./sha256.ts";

const salt = (n: number): string => toHex(sha256(new Uint8Array([n])));
const CASE_A = "3f1c2b4a-1111-4222-8333-444455556666";
const CASE_B = "9a8b7c6d-aaaa-4bbb-8ccc-ddddeeeeffff";
const A: CaseOpening = { case: CASE_A, salt: salt(1) };
const B: CaseOpening = { case: CASE_B, salt: salt(2) };

function buildLog() {
  const p = fixtureParties();
  const ledger = new Ledger({ log: "blinded", keys: [p.tracing.key, p.holding.key, p.mediator.key] });
  const payloads = new Map<number, CaseStepPayload>();
  ledger.append(
    { id: "key-verifier-t", type: keyAdded.type, typeVersion: 1, subject: "party:tracing-authority", party: "tracing-authority", time: "2025-12-31T00:00:00Z", payload: { key: p.tracingVerifier.key } },
    [p.tracing, p.tracingVerifier],
  );
  const steps: [CaseOpening, string, string, "caseworker" | "verifier", boolean][] = [
    [A, "report", "user-tracing-caseworker", "caseworker", false],
    [A, "register", "user-tracing-caseworker", "caseworker", false],
    [B, "report", "user-holding-caseworker", "caseworker", false],
    [A, "locate", "verifier-t", "verifier", true],
  ];
  const seq = new Map<string, number>();
  for (const [i, [opening, type, user, role, personal]] of steps.entries()) {
    const sequence = (seq.get(opening.case) ?? 0) + 1;
    seq.set(opening.case, sequence);
    const party = opening === A ? p.tracing : p.holding;
    const input = caseStepEntry(opening, {
      sequence,
      action: { type },
      party: party.key.party,
      user,
      role,
      time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      salt: salt(100 + i),
      personallySigned: personal,
    });
    const { index } = ledger.append(input, personal ? [party, p.tracingVerifier] : [party]);
    payloads.set(index, input.payload as CaseStepPayload);
  }
  ledger.checkpoint("2026-01-02T00:00:00Z", [p.tracing, p.holding, p.mediator]);
  return { ledger, payloads };
}

describe("case commitments in the log", () => {
  it("keep the log verifiable by anyone", async () => {
    const { ledger } = buildLog();
    const result = await verifyLogText(ledger.exportText());
    expect(result.ok).toBe(true);
  });

  it("reveal no case id, step type or caseworker in the export", () => {
    const text = buildLog().ledger.exportText();
    for (const secret of [CASE_A, CASE_B, "register", "locate", "user-tracing-caseworker", "user-holding-caseworker"]) {
      expect(text).not.toContain(secret);
    }
    // A verifier's own signature names them (the key is theirs): only then is the person in the entry.
    expect(text).toContain("verifier-t");
  });

  it("let the holder of an opening find the case's entries and check each step's payload", () => {
    const { ledger, payloads } = buildLog();
    const mine = entriesOfCase(ledger.entryLines(), A);
    expect(mine.map((l) => l.entry.index)).toEqual([1, 2, 4]);
    expect(mine.map((l) => checkOpenedStep(l, A, payloads.get(l.entry.index)!))).toEqual([
      { ok: true, sequence: 1, type: "report" },
      { ok: true, sequence: 2, type: "register" },
      { ok: true, sequence: 3, type: "locate" },
    ]);
    expect(entriesOfCase(ledger.entryLines(), B).map((l) => l.entry.index)).toEqual([3]);
  });

  it("refuse a wrong opening, another case's payload or a changed payload", () => {
    const { ledger, payloads } = buildLog();
    const line = ledger.entry(2);
    const payload = payloads.get(2)!;
    expect(checkOpenedStep(line, { case: CASE_A, salt: salt(9) }, payload).ok).toBe(false);
    expect(checkOpenedStep(line, B, payload).ok).toBe(false);
    expect(checkOpenedStep(line, A, { ...payload, action: { type: "withdraw" } }).ok).toBe(false);
    expect(checkOpenedStep(line, A, { ...payload, sequence: 3 }).ok).toBe(false);
    expect(checkOpenedStep(ledger.entry(3), A, payloads.get(3)!).ok).toBe(false);
  });

  it("give unrelated commitments for other salts and cases, and one id per step", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (c1, c2, s1, s2) => {
        const a = { case: c1, salt: salt(s1) };
        const b = { case: c2, salt: salt(s2) };
        const same = c1 === c2 && s1 === s2;
        expect(caseCommitment(a) === caseCommitment(b)).toBe(same);
        expect(isBlindedSubject(blindedCaseSubject(a))).toBe(true);
        expect(blindedCaseSubject(a).startsWith(BLINDED_SUBJECT_PREFIX)).toBe(true);
        expect(blindedEntryId(a, "step:1") === blindedEntryId(a, "step:2")).toBe(false);
        expect(blindedEntryId(a, "step:1") === blindedEntryId(b, "step:1")).toBe(same);
      }),
    );
  });

  it("refuses a salt that is not 32 bytes of hex", () => {
    expect(() => caseCommitment({ case: CASE_A, salt: "00" })).toThrow(/32 bytes/);
  });
});
