// Checks a case's steps in the signed log here, in the reader's browser, with the same pure
// ledger code as the command line: the server's word is not needed for a "verified" mark.
import { blindedCaseSubject, blindedEntryId, checkOpenedStep, type CaseOpening, type CaseStepPayload } from "../../src/ledger/case-commitment.ts";
import { canonicalJson } from "../../src/ledger/canonical-json.ts";
import { fromHex, utf8 } from "../../src/ledger/bytes.ts";
import { verifySignature } from "../../src/ledger/ed25519.ts";
import { entryMessage } from "../../src/ledger/entry.ts";
import { leafHash, verifyInclusion } from "../../src/ledger/merkle.ts";
import { entryLineSchema } from "../../src/ledger/schemas.ts";

export interface StepToCheck {
  index: number;
  sequence: number;
  payload?: Record<string, unknown>;
}

export interface PublicKey {
  id: string;
  party: string;
  publicKey: string;
}

export type StepVerdict = { ok: true } | { ok: false; reason: string };

/**
 * One step: the log's line at `step.index` is this case's step (its subject and id open with the
 * case's opening; with the payload, the payload matches the hash), every signature on it is by a
 * key of the acting party and verifies, and the inclusion proof leads to the log's root.
 */
export function checkCaseStep(
  input: unknown,
  opening: CaseOpening,
  step: StepToCheck,
  keys: ReadonlyMap<string, PublicKey>,
  proof: { size: number; root: string; hashes: readonly string[] },
): StepVerdict {
  const parsed = entryLineSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: `entry ${step.index} is malformed` };
  const line = parsed.data;
  const e = line.entry;
  if (e.index !== step.index) return { ok: false, reason: `the log answered entry ${e.index} for entry ${step.index}` };
  if (step.payload !== undefined) {
    const opened = checkOpenedStep(line, opening, step.payload as unknown as CaseStepPayload);
    if (!opened.ok) return opened;
    if (opened.sequence !== step.sequence) return { ok: false, reason: `entry ${e.index} is step ${opened.sequence}, not ${step.sequence}` };
  } else {
    if (e.subject !== blindedCaseSubject(opening)) return { ok: false, reason: `entry ${e.index} is not about this case` };
    if (e.id !== blindedEntryId(opening, `step:${step.sequence}`)) return { ok: false, reason: `entry ${e.index} is not step ${step.sequence} of this case` };
  }
  const message = entryMessage(canonicalJson(e));
  for (const s of line.sigs) {
    const key = keys.get(s.key);
    if (key === undefined) return { ok: false, reason: `entry ${e.index} is signed by an unknown key` };
    if (key.party !== e.party) return { ok: false, reason: `entry ${e.index} is signed by a key of ${key.party}, not of ${e.party}` };
    if (!verifySignature(fromHex(s.sig), message, fromHex(key.publicKey))) return { ok: false, reason: `a signature on entry ${e.index} does not verify` };
  }
  const leaf = leafHash(utf8(canonicalJson(line)));
  const included = verifyInclusion(e.index, proof.size, leaf, proof.hashes.map((h) => fromHex(h)), fromHex(proof.root));
  return included.ok ? { ok: true } : { ok: false, reason: `entry ${e.index} is not in the log: ${included.reason}` };
}
