import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { MerkleTree, type Signer } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { Db, Tx } from "../types.ts";

// Arbitrary constant naming the ledger's append lock among advisory locks.
const LEDGER_LOCK = 7_305_514_023;

export interface LedgerDeps {
  db: Db;
  box: SealedBox;
  // The case's salt for its commitments in the log (src/ledger/case-commitment.ts).
  caseSalt: (caseId: string) => string;
  now: () => Date;
}

// What one process remembers of the log: opened signers, the Merkle tree caught up so far, the log's id.
export interface LedgerState {
  deps: LedgerDeps;
  signers: Map<string, Signer>;
  tree: MerkleTree;
  treeSync: Promise<void>;
  logId: string | undefined;
}

export function ledgerState(deps: LedgerDeps): LedgerState {
  return { deps, signers: new Map(), tree: new MerkleTree({ hash: nodeSha256 }), treeSync: Promise.resolve(), logId: undefined };
}

export async function lockLedger(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`.execute(tx);
}

export async function logIdIn(st: LedgerState, q: Db | Tx): Promise<string> {
  if (st.logId) return st.logId;
  const row = await sql<{ log_id: string }>`select log_id from ledger_meta where id = 1`.execute(q);
  if (row.rows[0]) return (st.logId = row.rows[0].log_id);
  const id = `homeward-${randomBytes(8).toString("hex")}`;
  await sql`insert into ledger_meta (id, log_id) values (1, ${id}) on conflict (id) do nothing`.execute(q);
  const again = await sql<{ log_id: string }>`select log_id from ledger_meta where id = 1`.execute(q);
  return (st.logId = again.rows[0]!.log_id);
}

// Catches this process's tree up with the entries committed (by it or by others), one call at a time.
export async function syncTree(st: LedgerState, q: Db | Tx = st.deps.db): Promise<number> {
  const { tree } = st;
  const run = st.treeSync.then(async () => {
    for (;;) {
      const rows = await sql<{ idx: string; leaf_hash: Uint8Array }>`select idx, leaf_hash from ledger_entries
        where idx >= ${tree.size} order by idx limit 100000`.execute(q);
      if (rows.rows.length === 0) break;
      for (const r of rows.rows) {
        if (Number(r.idx) !== tree.size) throw new Error(`ledger entries are not contiguous at ${tree.size}`);
        tree.appendLeafHash(new Uint8Array(r.leaf_hash));
      }
      if (rows.rows.length < 100000) break;
    }
  });
  st.treeSync = run.catch(() => undefined);
  await run;
  return tree.size;
}

export async function sizeChecked(st: LedgerState, size: number | undefined): Promise<number> {
  const current = await syncTree(st);
  const n = size ?? current;
  if (!Number.isSafeInteger(n) || n < 0 || n > current) throw new RangeError(`the log has no size ${n} (it has ${current} entries)`);
  return n;
}
