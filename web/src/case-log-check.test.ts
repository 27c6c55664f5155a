import { describe, expect, it } from "vitest";
import { toHex } from "../../src/ledger/bytes.ts";
import { caseStepEntry, type CaseOpening } from "../../src/ledger/case-commitment.ts";
import { fixtureParties } from "../../src/ledger/fixture-log.ts";
import { Ledger } from "../../src/ledger/ledger.ts";
import { sha256 } from "../../src/ledger/sha256.ts";
import { checkCaseStep, type PublicKey } from "./case-log-check";

const salt = (n: number): string => toHex(sha256(new Uint8Array([n])));
const A: CaseOpening = { case: "3f1c2b4a-1111-4222-8333-444455556666", salt: salt(1) };
const B: CaseOpening = { case: "9a8b7c6d-aaaa-4bbb-8ccc-ddddeeeeffff", salt: salt(2) };

// A log with two steps of case A and one of case B, as the registry writes them.
function buildLog() {
  const p = fixtureParties();
  const ledger = new Ledger({ log: "web-check", keys: [p.tracing.key, p.holding.key, p.mediator.key] });
  const steps = [[A, 1, "report"], [B, 1, "report"], [A, 2, "register"]] as const;
  const payloads: Record<string, unknown>[] = [];
  for (const [i, [opening, sequence, type]] of steps.entries()) {
    const party = opening === A ? p.tracing : p.holding;
    const input = caseStepEntry(opening, {
      sequence, action: { type }, party: party.key.party, user: "u", role: "caseworker",
      time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), salt: salt(10 + i), personallySigned: false,
    });
    ledger.append(input, [party]);
    payloads.push(input.payload as Record<string, unknown>);
  }
  const keys = new Map<string, PublicKey>(ledger.keys().map((k) => [k.id, k]));
  const proofOf = (index: number) => ({ size: ledger.size, root: toHex(ledger.tree.root()), hashes: ledger.tree.inclusionProof(index).map(toHex) });
  return { ledger, keys, payloads, proofOf };
}

describe("checking a case's steps in the browser", () => {
  it("verifies each step of the case, with its payload and without it", () => {
    const { ledger, keys, payloads, proofOf } = buildLog();
    expect(checkCaseStep(ledger.entry(0), A, { index: 0, sequence: 1, payload: payloads[0]! }, keys, proofOf(0))).toEqual({ ok: true });
    expect(checkCaseStep(ledger.entry(2), A, { index: 2, sequence: 2 }, keys, proofOf(2))).toEqual({ ok: true });
  });

  it("fails an entry of another case, a wrong sequence, a changed payload, a forged signature and a wrong root", () => {
    const { ledger, keys, payloads, proofOf } = buildLog();
    expect(checkCaseStep(ledger.entry(1), A, { index: 1, sequence: 1 }, keys, proofOf(1))).toMatchObject({ ok: false });
    expect(checkCaseStep(ledger.entry(2), A, { index: 2, sequence: 1 }, keys, proofOf(2))).toMatchObject({ ok: false });
    const changed = { ...payloads[2]!, action: { type: "withdraw" } };
    expect(checkCaseStep(ledger.entry(2), A, { index: 2, sequence: 2, payload: changed }, keys, proofOf(2))).toMatchObject({ ok: false, reason: expect.stringMatching(/hash/) });
    const line = ledger.entry(0);
    const forged = { ...line, sigs: [{ ...line.sigs[0]!, sig: "0".repeat(128) }] };
    expect(checkCaseStep(forged, A, { index: 0, sequence: 1 }, keys, proofOf(0))).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
    expect(checkCaseStep(line, A, { index: 0, sequence: 1 }, keys, { ...proofOf(0), root: "0".repeat(64) })).toMatchObject({ ok: false, reason: expect.stringMatching(/not in the log/) });
    expect(checkCaseStep(line, A, { index: 0, sequence: 1 }, new Map(), proofOf(0))).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown key/) });
  });

  it("refuses what is not an entry line", () => {
    const { keys, proofOf } = buildLog();
    expect(checkCaseStep({ kind: "entry" }, A, { index: 0, sequence: 1 }, keys, proofOf(0))).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed/) });
  });
});
