// Keys retired and replaced, each change signed into the log.
import { sql } from "kysely";
import { keyRevoked, keyRotated, type KeyRecord } from "../../ledger/index.ts";
import { appendEntry } from "./record-action.ts";
import { createKey, currentKey, partyKey, recordOf, signerOf } from "./ledger-keys.ts";
import { lockLedger, type LedgerState } from "./ledger-state.ts";

export async function rotateKey(st: LedgerState, partyId: string, userId?: string): Promise<KeyRecord> {
  const { db, now } = st.deps;
  return db.transaction().execute(async (tx) => {
    await lockLedger(tx);
    const old = await currentKey(tx, partyId, userId ?? null);
    if (!old) throw new Error(`no current key for ${userId ?? partyId}`);
    const party = userId === undefined ? old : await partyKey(st, tx, partyId);
    await sql`update ledger_keys set retired_at = ${now()} where id = ${old.id}`.execute(tx);
    const next = await createKey(st, tx, partyId, userId ?? null, false);
    await appendEntry(st, tx, {
      id: `key-rotation:${old.id}`,
      type: keyRotated.type,
      typeVersion: keyRotated.version,
      subject: userId === undefined ? `party:${partyId}` : `user:${userId}`,
      party: partyId,
      time: now().toISOString(),
      payload: { replaces: old.id, key: recordOf(next) },
    }, [signerOf(st, party), signerOf(st, next)]);
    return recordOf(next);
  });
}

export async function revokeUserKey(st: LedgerState, partyId: string, userId: string, reason: string): Promise<void> {
  const { db, now } = st.deps;
  await db.transaction().execute(async (tx) => {
    await lockLedger(tx);
    const key = await currentKey(tx, partyId, userId);
    if (!key) throw new Error(`no current key for ${userId}`);
    await sql`update ledger_keys set retired_at = ${now()} where id = ${key.id}`.execute(tx);
    await appendEntry(st, tx, {
      id: `key-revocation:${key.id}`,
      type: keyRevoked.type,
      typeVersion: keyRevoked.version,
      subject: `user:${userId}`,
      party: partyId,
      time: now().toISOString(),
      payload: { key: key.id, reason },
    }, [signerOf(st, await partyKey(st, tx, partyId))]);
  });
}
