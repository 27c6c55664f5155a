import { sql } from "kysely";
import { buildEntry, canonicalJson, leafHash, signEntry, utf8, type EntryInput, type EntryLine, type Signer } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { Tx } from "../types.ts";
import { logIdIn, type LedgerState } from "./ledger-state.ts";

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
