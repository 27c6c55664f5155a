// Who read a child's record is kept in the registry's access log, a table an operator could
// edit. To make it tamper-evident without publishing it, runs of its rows are committed into
// the signed log as digests: a hash of the run, never a row's content. The rows are grouped by
// the party that owns the case read, so each party's auditor can check every read of its own
// children from its own export; the digest is signed with that party's key.
import { z } from "zod";
import { canonicalJson } from "./canonical-json.ts";
import { utf8, toHex } from "./bytes.ts";
import { sha256 } from "./sha256.ts";
import type { Sha256 } from "./sha256.ts";
import { hex32 } from "./schemas.ts";
import { defineEntryType } from "./entry-types.ts";

/** One access-log row as it is committed (and exported). */
export interface AccessLogRow {
  id: string;
  at: string;
  userId: string;
  partyId: string;
  role: string;
  caseId: string;
  caseParty: string;
  kind: string;
  purpose: string | null;
}

export const accessLogDigest = defineEntryType({
  type: "access-log.digest",
  version: 1,
  payload: z.strictObject({
    // The party whose cases were read: its key signs, its auditors check.
    party: z.string().min(1).max(63),
    // Row ids (ascending) of the first and the last row of the run, and how many rows it has.
    from: z.string().regex(/^\d{1,19}$/),
    to: z.string().regex(/^\d{1,19}$/),
    count: z.number().int().positive(),
    digest: hex32,
  }),
  publicPayload: true,
});

export type AccessLogDigestPayload = z.infer<typeof accessLogDigest.payload>;

const DOMAIN = "homeward.access-log.v1\n";

function rowText(row: AccessLogRow): string {
  return canonicalJson({
    id: row.id,
    at: row.at,
    userId: row.userId,
    partyId: row.partyId,
    role: row.role,
    caseId: row.caseId,
    caseParty: row.caseParty,
    kind: row.kind,
    // An export cannot tell an empty purpose from none: both hash as none.
    purpose: row.purpose === "" ? null : row.purpose,
  });
}

/** The digest of a run of rows (in ascending id order). */
export function digestRows(rows: readonly AccessLogRow[], hash: Sha256 = sha256): string {
  return toHex(hash(utf8(DOMAIN + rows.map(rowText).join("\n"))));
}

export interface DigestMismatch {
  /** The log entry holding the digest that no longer matches. */
  entryIndex: number;
  digest: AccessLogDigestPayload;
  found: number;
  problem: string;
}

export interface AccessLogCheck {
  checked: number;
  rows: number;
  mismatches: DigestMismatch[];
  /** Rows of the party after its last digest: not yet committed, so not yet checkable. */
  uncommitted: number;
}

/**
 * Checks an access-log export against the digests a verified log holds for `party`: every
 * digest must be reproduced by the export's rows of that party's cases in its id range.
 */
export function checkAccessLog(
  digests: readonly { entryIndex: number; payload: AccessLogDigestPayload }[],
  rows: readonly AccessLogRow[],
  party: string,
  hash: Sha256 = sha256,
): AccessLogCheck {
  const own = rows.filter((r) => r.caseParty === party).sort((a, b) => compareIds(a.id, b.id));
  const mismatches: DigestMismatch[] = [];
  let checked = 0;
  let lastTo = 0n;
  for (const { entryIndex, payload } of digests) {
    if (payload.party !== party) continue;
    checked++;
    const from = BigInt(payload.from);
    const to = BigInt(payload.to);
    if (to > lastTo) lastTo = to;
    const run = own.filter((r) => BigInt(r.id) >= from && BigInt(r.id) <= to);
    if (run.length === payload.count && digestRows(run, hash) === payload.digest) continue;
    const problem = run.length < payload.count
      ? `${payload.count - run.length} row(s) of this run are missing (deleted)`
      : run.length > payload.count
        ? `${run.length - payload.count} row(s) more than were committed (inserted)`
        : "a row of this run was altered";
    mismatches.push({ entryIndex, digest: payload, found: run.length, problem });
  }
  const uncommitted = own.filter((r) => BigInt(r.id) > lastTo).length;
  return { checked, rows: own.length, mismatches, uncommitted };
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
