// Sink 1 of every case action, from the event to SQL: the signers it needs (a person's key made
// and announced on first use), the signed entry and its insert into ledger_entries.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { buildEntry, canonicalJson, keyAdded, leafHash, signEntry, utf8, type EntryInput, type EntryLine, type Signer } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { ActionEvent, ActionSink, Tx } from "../types.ts";
import { actionEntry, appendActionsInBulk } from "./bulk-append.ts";
import { createKey, currentKey, partyKey, PERSONAL_KEY_ROLES, recordOf, signerOf, type KeyRow } from "./ledger-keys.ts";
import { lockLedger, logIdIn, type LedgerState } from "./ledger-state.ts";

/** The sink openStore registers: one action, or the many new cases of one import in bulk. */
export function actionSink(st: LedgerState): ActionSink {
  return Object.assign((tx: Tx, event: ActionEvent) => recordAction(st, tx, event), { batch: recordActions(st) });
}

// Sink 1 of every case action: its signed entry. Caseworkers' actions are signed by their
// party; verifiers and mediators sign as themselves too.
export async function recordAction(st: LedgerState, tx: Tx, event: ActionEvent): Promise<void> {
  await lockLedger(tx);
  const signWith = await signersFor(st, tx, event.actor.partyId, event.actor.userId, event.actor.role);
  const salt = randomBytes(32).toString("hex");
  await appendEntry(st, tx, actionEntry(event, salt, st.deps.caseSalt), signWith, salt);
}

// The same for the many new cases of one import, in bulk.
function recordActions(st: LedgerState) {
  return (tx: Tx, events: readonly ActionEvent[]) =>
    appendActionsInBulk(tx, events, {
      lock: lockLedger,
      logId: (q) => logIdIn(st, q),
      signersFor: (t, actor) => signersFor(st, t, actor.partyId, actor.userId, actor.role),
      sealSalt: (salt, id) => st.deps.box.seal(salt, `ledger-salt:${id}`),
      caseSalt: st.deps.caseSalt,
    });
}

// Appends one signed entry; idempotent on the entry's id. The caller holds the ledger's lock.
export async function appendEntry(
  st: LedgerState,
  tx: Tx,
  input: EntryInput,
  signWith: Signer[],
  salt?: string,
): Promise<{ index: number; line: EntryLine; created: boolean }> {
  // One round trip: the entry if it exists (idempotent append), else the next position.
  const found = await sql<{ line: string | null; n: string }>`select
      (select line from ledger_entries where entry_id = ${input.id}) as line,
      coalesce((select max(idx) + 1 from ledger_entries), 0) as n`.execute(tx);
  const existing = found.rows[0]!.line;
  if (existing !== null) {
    const line = JSON.parse(existing) as EntryLine;
    return { index: line.entry.index, line, created: false };
  }
  const index = Number(found.rows[0]!.n);
  const entry = buildEntry(await logIdIn(st, tx), index, input);
  const line = signEntry(entry, signWith);
  const text = canonicalJson(line);
  const sealedSalt = salt === undefined ? null : st.deps.box.seal(salt, `ledger-salt:${input.id}`);
  await sql`insert into ledger_entries (idx, entry_id, line, leaf_hash, payload_salt)
    values (${index}, ${input.id}, ${text}, ${Buffer.from(leafHash(utf8(text), nodeSha256))}, ${sealedSalt && Buffer.from(sealedSalt)})`.execute(tx);
  return { index, line, created: true };
}

/** A person's key; a new one is announced in the log, signed by the party and by itself. */
export async function userKey(st: LedgerState, tx: Tx, partyId: string, userId: string): Promise<KeyRow> {
  const existing = await currentKey(tx, partyId, userId);
  if (existing) return existing;
  const party = await partyKey(st, tx, partyId);
  const row = await createKey(st, tx, partyId, userId, false);
  await appendEntry(st, tx, {
    id: `key:${row.id}`,
    type: keyAdded.type,
    typeVersion: keyAdded.version,
    subject: `user:${userId}`,
    party: partyId,
    time: st.deps.now().toISOString(),
    payload: { key: recordOf(row) },
  }, [signerOf(st, party), signerOf(st, row)]);
  return row;
}

export async function signersFor(st: LedgerState, tx: Tx, partyId: string, userId: string | undefined, role?: string): Promise<Signer[]> {
  const personal = userId !== undefined && (role === undefined || PERSONAL_KEY_ROLES.has(role));
  // One round trip in the common case: the party's current key and the person's.
  const rows = await sql<KeyRow>`select * from ledger_keys where party_id = ${partyId} and retired_at is null
    and (user_id is null or user_id = ${personal ? userId : null})`.execute(tx);
  const party = rows.rows.find((r) => r.user_id === null) ?? (await partyKey(st, tx, partyId));
  const out = [signerOf(st, party)];
  if (personal) out.push(signerOf(st, rows.rows.find((r) => r.user_id === userId) ?? (await userKey(st, tx, partyId, userId))));
  return out;
}
