// Party and personal signing keys, their secrets sealed with the store's encryption key (a new
// personal key is announced in the log: record-action.ts). Callers hold the ledger's lock.
import { sql } from "kysely";
import { fromHex, generateKeyPair, keyRecord, toHex, type KeyRecord, type Signer } from "../../ledger/index.ts";
import { nodeSigner } from "../../ledger-node/index.ts";
import type { Tx } from "../types.ts";
import type { LedgerState } from "./ledger-state.ts";

// Roles whose people sign with their own key as well as their party's.
export const PERSONAL_KEY_ROLES = new Set(["verifier", "mediator"]);

export interface KeyRow {
  id: string;
  party_id: string;
  user_id: string | null;
  public_key: string;
  sealed_secret: Uint8Array;
  anchor: boolean;
  retired_at: Date | null;
}

const sealAad = (keyId: string): string => `ledger-key:${keyId}`;

export function recordOf(row: KeyRow): KeyRecord {
  return keyRecord(fromHex(row.public_key), row.party_id, row.user_id ?? undefined);
}

export function signerOf(st: LedgerState, row: KeyRow): Signer {
  let signer = st.signers.get(row.id);
  if (!signer) {
    const secret = fromHex(st.deps.box.open(row.sealed_secret, sealAad(row.id)), 32);
    signer = nodeSigner(secret, row.party_id, row.user_id ?? undefined);
    if (signer.key.id !== row.id) throw new Error(`ledger key ${row.id} does not match its secret`);
    st.signers.set(row.id, signer);
  }
  return signer;
}

export async function currentKey(tx: Tx, partyId: string, userId: string | null): Promise<KeyRow | undefined> {
  const rows = await sql<KeyRow>`select * from ledger_keys
    where party_id = ${partyId} and coalesce(user_id, '') = ${userId ?? ""} and retired_at is null`.execute(tx);
  return rows.rows[0];
}

export async function createKey(st: LedgerState, tx: Tx, partyId: string, userId: string | null, anchor: boolean): Promise<KeyRow> {
  const { secretKey, publicKey } = generateKeyPair();
  const record = keyRecord(publicKey, partyId, userId ?? undefined);
  const sealed = st.deps.box.seal(toHex(secretKey), sealAad(record.id));
  const rows = await sql<KeyRow>`insert into ledger_keys (id, party_id, user_id, public_key, sealed_secret, anchor)
    values (${record.id}, ${partyId}, ${userId}, ${record.publicKey}, ${Buffer.from(sealed)}, ${anchor}) returning *`.execute(tx);
  return rows.rows[0]!;
}

/** The party's key, created as a trust anchor when the party has none. Caller holds the lock. */
export async function partyKey(st: LedgerState, tx: Tx, partyId: string): Promise<KeyRow> {
  return (await currentKey(tx, partyId, null)) ?? createKey(st, tx, partyId, null, true);
}
