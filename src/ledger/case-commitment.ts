// Blinding a case in the log. Everyone can verify every entry (signatures, hashes, the tree),
// but an entry about a case names it only by a salted commitment: SHA-256 over a domain, the
// case's 32-byte secret salt and the case id. Without the salt the commitment says nothing (the
// salt is random to whoever lacks it, so no guess of a case id can be tested); with the opening
// (case id and salt), handed by the registry only to parties entitled to the case and to
// auditors, anyone finds the case's entries and checks that they are the case's. The type of
// the step, its sequence and the acting person travel in the payload, which the log holds only
// as a hash: a party that may not see the case learns that some party acted at some time.
import { z } from "zod";
import { concatBytes, fromHex, isHex, toHex, utf8 } from "./bytes.ts";
import { defineEntryType } from "./entry-types.ts";
import type { EntryInput } from "./entry.ts";
import { hex32, type EntryLine } from "./schemas.ts";
import { hashCanonical, sha256 as defaultSha256, type Sha256 } from "./sha256.ts";

const SUBJECT_DOMAIN = utf8("homeward.case-subject.v1\n");
const ENTRY_DOMAIN = utf8("homeward.case-entry.v1\n");

/** How an entry names a case it blinds: `case:` and the commitment. */
export const BLINDED_SUBJECT_PREFIX = "case:c1:";
const ENTRY_ID_PREFIX = "case-entry:c1:";

/** What opens a case's commitments: the case id and its salt (32 bytes, lowercase hex). */
export interface CaseOpening {
  case: string;
  salt: string;
}

function saltBytes(salt: string): Uint8Array {
  if (!isHex(salt, 32)) throw new Error("a case salt is 32 bytes of lowercase hex");
  return fromHex(salt);
}

/** The commitment to a case: hex SHA-256(domain ‖ salt ‖ case id). */
export function caseCommitment(opening: CaseOpening, hash: Sha256 = defaultSha256): string {
  return toHex(hash(concatBytes(SUBJECT_DOMAIN, saltBytes(opening.salt), utf8(opening.case))));
}

/** The subject of an entry about the case. */
export function blindedCaseSubject(opening: CaseOpening, hash: Sha256 = defaultSha256): string {
  return BLINDED_SUBJECT_PREFIX + caseCommitment(opening, hash);
}

/**
 * The id of the entry for one of the case's steps (`part` tells apart several entries of one
 * step, such as a report's draft and its signatures). Unique per step, and linked to the case
 * only through the salt.
 */
export function blindedEntryId(opening: CaseOpening, part: string, hash: Sha256 = defaultSha256): string {
  const digest = hash(concatBytes(ENTRY_DOMAIN, saltBytes(opening.salt), utf8(opening.case), utf8("\n"), utf8(part)));
  return ENTRY_ID_PREFIX + toHex(digest);
}

export function isBlindedSubject(subject: string): boolean {
  return subject.startsWith(BLINDED_SUBJECT_PREFIX) && isHex(subject.slice(BLINDED_SUBJECT_PREFIX.length), 32);
}

/**
 * A step of a case (report, register, locate, …) in the log. The payload names the case, the
 * step and the person; its hash is in the entry, the payload itself stays in the registry. The
 * per-entry salt keeps a guessed payload from being tested against the hash.
 */
export const caseStep = defineEntryType({
  type: "case.step",
  version: 1,
  payload: z.strictObject({
    case: z.string().min(1).max(200),
    sequence: z.number().int().positive(),
    action: z.looseObject({ type: z.string() }),
    actor: z.strictObject({ user: z.string().min(1).max(200), role: z.string().min(1).max(50) }),
    salt: hex32,
  }),
});
export type CaseStepPayload = z.infer<typeof caseStep.payload>;

/**
 * The entry for a case's step, blinded. `user` goes into the entry only when the person's own key
 * signs it (a verifier's signature must name its signer; the key names the person anyway).
 */
export function caseStepEntry(
  opening: CaseOpening,
  step: { sequence: number; action: { type: string }; party: string; user: string; role: string; time: string; salt: string; personallySigned: boolean },
  hash: Sha256 = defaultSha256,
): EntryInput {
  const payload: CaseStepPayload = {
    case: opening.case,
    sequence: step.sequence,
    action: step.action,
    actor: { user: step.user, role: step.role },
    salt: step.salt,
  };
  return {
    id: blindedEntryId(opening, `step:${step.sequence}`, hash),
    type: caseStep.type,
    typeVersion: caseStep.version,
    subject: blindedCaseSubject(opening, hash),
    party: step.party,
    ...(step.personallySigned ? { user: step.user } : {}),
    time: step.time,
    payload,
  };
}

/** What checking an opened entry found: the step it is, or why it is not the case's. */
export type OpenedStep = { ok: true; sequence: number; type: string } | { ok: false; reason: string };

/**
 * Checks that `line` is the entry of the case's step with this payload: its subject and id open
 * with `opening`, and the payload (as the registry gives it to an entitled party) matches the hash.
 */
export function checkOpenedStep(line: EntryLine, opening: CaseOpening, payload: CaseStepPayload, hash: Sha256 = defaultSha256): OpenedStep {
  const e = line.entry;
  if (e.type !== caseStep.type || e.typeVersion !== caseStep.version) return { ok: false, reason: `entry ${e.index} is a ${e.type} entry, not a case step` };
  if (e.subject !== blindedCaseSubject(opening, hash)) return { ok: false, reason: `entry ${e.index} is not about case ${opening.case}` };
  if (payload.case !== opening.case) return { ok: false, reason: `the payload of entry ${e.index} names another case` };
  if (e.id !== blindedEntryId(opening, `step:${payload.sequence}`, hash)) return { ok: false, reason: `entry ${e.index} is not step ${payload.sequence} of the case` };
  const parsed = caseStep.payload.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: `the payload of entry ${e.index} is malformed` };
  if (hashCanonical(parsed.data, hash) !== e.payloadHash) return { ok: false, reason: `the payload of entry ${e.index} does not match its hash` };
  return { ok: true, sequence: payload.sequence, type: payload.action.type };
}

/** The entries about a case among `lines`: those whose subject opens with `opening`. */
export function entriesOfCase(lines: Iterable<EntryLine>, opening: CaseOpening, hash: Sha256 = defaultSha256): EntryLine[] {
  const subject = blindedCaseSubject(opening, hash);
  const out: EntryLine[] = [];
  for (const line of lines) if (line.entry.subject === subject) out.push(line);
  return out;
}

/** A report was drafted about a case (version 2: the case is named by its commitment only). */
export const reportDraftedBlinded = defineEntryType({
  type: "report.drafted",
  version: 2,
  payload: z.strictObject({
    report: z.string().min(1).max(200),
    reportHash: hex32,
    kind: z.enum(["identity", "post-return"]),
    case: hex32,
  }),
  publicPayload: true,
});

/**
 * A party's decision on a match candidate (version 2: the two cases are named by their
 * commitments, so that the log shows who matched whom only to those holding the openings).
 */
export const matchDecidedBlinded = defineEntryType({
  type: "match.decided",
  version: 2,
  payload: z.strictObject({
    candidate: z.string().min(1).max(200),
    side: z.enum(["tracing", "holding"]),
    decision: z.enum(["accept", "reject"]),
    tracingCase: hex32,
    holdingCase: hex32,
    status: z.enum(["pending", "agreed", "rejected"]),
  }),
  publicPayload: true,
});
