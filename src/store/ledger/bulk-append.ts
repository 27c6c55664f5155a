// Case actions as signed log entries: one at a time (record-action.ts) or many of one
// transaction at once, for bulk imports.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { blindedEntryId, buildEntry, canonicalJson, caseStepEntry, leafHash, signEntry, utf8, type CaseOpening, type EntryInput, type Signer } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { ActionEvent, Tx } from "../types.ts";

// Rows per multi-row statement in bulk appends (5 parameters a row, well under the protocol's limit).
const BATCH_ROWS = 500;

// Roles whose people sign with their own key as well as their party's (see ledger-keys.ts).
const PERSONAL_KEY_ROLES = new Set(["verifier", "mediator"]);

const openingOf = (caseId: string, caseSalt: (caseId: string) => string): CaseOpening => ({ case: caseId, salt: caseSalt(caseId) });

/** The id of the entry of a case's step: linked to the case only through its salt. */
export function actionEntryId(event: ActionEvent, caseSalt: (caseId: string) => string): string {
  return blindedEntryId(openingOf(event.caseId, caseSalt), `step:${event.sequence}`, nodeSha256);
}

/**
 * A case's step in the log, blinded (src/ledger/case-commitment.ts): the entry names the case by
 * its salted commitment, and the step, the case and the person travel only in the hashed
 * payload; those entitled to the case get the opening from the registry (caseSteps).
 */
export function actionEntry(event: ActionEvent, salt: string, caseSalt: (caseId: string) => string): EntryInput {
  return caseStepEntry(openingOf(event.caseId, caseSalt), {
    sequence: event.sequence,
    action: event.action,
    party: event.actor.partyId,
    user: event.actor.userId,
    role: event.actor.role,
    time: event.at,
    salt,
    personallySigned: PERSONAL_KEY_ROLES.has(event.actor.role),
  }, nodeSha256);
}

export interface BulkAppendDeps {
  lock(tx: Tx): Promise<void>;
  logId(tx: Tx): Promise<string>;
  /** Caseworkers' actions are signed by their party; verifiers and mediators sign as themselves too. */
  signersFor(tx: Tx, actor: ActionEvent["actor"]): Promise<Signer[]>;
  sealSalt(salt: string, entryId: string): Uint8Array;
  caseSalt(caseId: string): string;
}

async function nextIndex(tx: Tx): Promise<number> {
  const next = await sql<{ n: string }>`select coalesce(max(idx) + 1, 0) as n from ledger_entries`.execute(tx);
  return Number(next.rows[0]!.n);
}

/**
 * Many actions of one transaction (a bulk import) signed and appended at once: the lock and
 * each actor's keys are taken once, entries already in the log are skipped as in appendLocked,
 * and the rest are written with multi-row inserts, in the events' order.
 */
export async function appendActionsInBulk(tx: Tx, events: readonly ActionEvent[], deps: BulkAppendDeps): Promise<void> {
  if (events.length === 0) return;
  await deps.lock(tx);
  const signersByActor = new Map<string, Signer[]>();
  const ids = events.map((e) => actionEntryId(e, deps.caseSalt));
  const present = new Set<string>();
  for (let i = 0; i < ids.length; i += BATCH_ROWS) {
    const rows = await sql<{ entry_id: string }>`select entry_id from ledger_entries
      where entry_id in (${sql.join(ids.slice(i, i + BATCH_ROWS))})`.execute(tx);
    for (const r of rows.rows) present.add(r.entry_id);
  }
  let index = await nextIndex(tx);
  const logId = await deps.logId(tx);
  const values: ReturnType<typeof sql>[] = [];
  for (const event of events) {
    const id = actionEntryId(event, deps.caseSalt);
    if (present.has(id)) continue;
    present.add(id);
    const actorKey = `${event.actor.partyId}\n${event.actor.userId}\n${event.actor.role}`;
    let signWith = signersByActor.get(actorKey);
    if (signWith === undefined) {
      signWith = await deps.signersFor(tx, event.actor);
      // A new personal key is announced in the log first, so the next position moves.
      index = Math.max(index, await nextIndex(tx));
      signersByActor.set(actorKey, signWith);
    }
    const salt = randomBytes(32).toString("hex");
    const text = canonicalJson(signEntry(buildEntry(logId, index, actionEntry(event, salt, deps.caseSalt)), signWith));
    const sealedSalt = Buffer.from(deps.sealSalt(salt, id));
    values.push(sql`(${index}, ${id}, ${text}, ${Buffer.from(leafHash(utf8(text), nodeSha256))}, ${sealedSalt})`);
    index++;
  }
  for (let i = 0; i < values.length; i += BATCH_ROWS) {
    await sql`insert into ledger_entries (idx, entry_id, line, leaf_hash, payload_salt)
      values ${sql.join(values.slice(i, i + BATCH_ROWS))}`.execute(tx);
  }
}
