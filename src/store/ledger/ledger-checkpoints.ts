// Signed checkpoints: the log's size and root, signed by the parties' keys.
import { sql } from "kysely";
import { signCheckpoint, toHex, type CheckpointLine, type Signer } from "../../ledger/index.ts";
import { partyKey, signerOf } from "./ledger-keys.ts";
import { lockLedger, logIdIn, syncTree, type LedgerState } from "./ledger-state.ts";

export async function checkpointLine(st: LedgerState, size: number): Promise<CheckpointLine | null> {
  const { db } = st.deps;
  const cp = await sql<{ size: string; root: string; time: string }>`select size, root, time from ledger_checkpoints where size = ${size}`.execute(db);
  if (!cp.rows[0]) return null;
  const sigs = await sql<{ key_id: string; sig: string }>`select key_id, sig from ledger_checkpoint_signatures
    where size = ${size} order by created_at, key_id`.execute(db);
  const row = cp.rows[0];
  return {
    kind: "checkpoint",
    checkpoint: { log: await logIdIn(st, db), size: Number(row.size), root: row.root, time: row.time },
    sigs: sigs.rows.map((s) => ({ key: s.key_id, sig: s.sig })),
  };
}

export async function latestCheckpoint(st: LedgerState): Promise<CheckpointLine | null> {
  const rows = await sql<{ size: string }>`select size from ledger_checkpoints order by size desc limit 1`.execute(st.deps.db);
  return rows.rows[0] ? checkpointLine(st, Number(rows.rows[0].size)) : null;
}

// A checkpoint of the whole log, signed by each of `partyIds`; signing the same size again adds signatures.
export async function checkpoint(st: LedgerState, partyIds: readonly string[]): Promise<CheckpointLine> {
  const { db, now } = st.deps;
  const { tree } = st;
  return db.transaction().execute(async (tx) => {
    await lockLedger(tx);
    const n = Number((await sql<{ n: string }>`select coalesce(max(idx) + 1, 0) as n from ledger_entries`.execute(tx)).rows[0]!.n);
    // The lock keeps appends out while this process's tree catches up with what others committed.
    await syncTree(st, tx);
    if (tree.size !== n) throw new Error(`the log's tree has ${tree.size} entries, the table ${n}`);
    const root = toHex(tree.root(n));
    const log = await logIdIn(st, tx);
    const existing = await sql<{ root: string; time: string }>`select root, time from ledger_checkpoints where size = ${n}`.execute(tx);
    const time = existing.rows[0]?.time ?? now().toISOString();
    if (existing.rows[0] && existing.rows[0].root !== root) throw new Error(`split view: a checkpoint of size ${n} has another root`);
    if (!existing.rows[0]) await sql`insert into ledger_checkpoints (size, root, time) values (${n}, ${root}, ${time})`.execute(tx);
    const signersNow: Signer[] = [];
    for (const partyId of partyIds) signersNow.push(signerOf(st, await partyKey(st, tx, partyId)));
    const signed = signCheckpoint({ log, size: n, root, time }, signersNow);
    for (const s of signed.sigs) {
      await sql`insert into ledger_checkpoint_signatures (size, key_id, sig) values (${n}, ${s.key}, ${s.sig})
        on conflict (size, key_id) do nothing`.execute(tx);
    }
    return signed;
  }).then(async (cp) => (await checkpointLine(st, cp.checkpoint.size))!);
}
