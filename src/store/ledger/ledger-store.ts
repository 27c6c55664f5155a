// The registry's signed log: every case action becomes a signed entry appended in the same
// transaction as the action, in a table the database itself keeps append-only. Party and
// verifier keys live here too, their secrets sealed with the store's encryption key.
import { sql } from "kysely";
import { consistencyPath, toHex, type EntryLine } from "../../ledger/index.ts";
import "../../ledger-node/index.ts";
import type { ActionSink } from "../types.ts";
import type { LedgerStore } from "./ledger-store-types.ts";
import { caseStepsOf } from "./case-steps.ts";
import { actionSink, appendEntry, signersFor, userKey } from "./record-action.ts";
import { exportLines } from "./export-lines.ts";
import { checkpoint, latestCheckpoint } from "./ledger-checkpoints.ts";
import { PERSONAL_KEY_ROLES, partyKey, recordOf, type KeyRow } from "./ledger-keys.ts";
import { ledgerState, lockLedger, logIdIn, sizeChecked, syncTree, type LedgerDeps, type LedgerState } from "./ledger-state.ts";
import { revokeUserKey, rotateKey } from "./key-rotation.ts";

export type { ConsistencyProof, InclusionProof, LedgerStore } from "./ledger-store-types.ts";
export type { LedgerDeps } from "./ledger-state.ts";

/**
 * The log and the action sink that writes every case action into it. openStore registers the
 * sink; the ledger itself is the store's `ledger` property.
 */
export function createLedgerStore(deps: LedgerDeps): { ledger: LedgerStore; recordAction: ActionSink } {
  const st = ledgerState(deps);
  return { ledger: ledgerOf(st), recordAction: actionSink(st) };
}

function ledgerOf(st: LedgerState): LedgerStore {
  const { db } = st.deps;
  const { tree } = st;
  return {
    logId: () => logIdIn(st, db),
    async ensureKeys() {
      await db.transaction().execute(async (tx) => {
        await lockLedger(tx);
        await logIdIn(st, tx);
        const parties = await tx.selectFrom("parties").select("id").orderBy("id").execute();
        for (const p of parties) await partyKey(st, tx, p.id);
        const users = await tx.selectFrom("users").select(["id", "party_id", "role"]).where("disabled", "=", false).orderBy("created_at").execute();
        for (const u of users) if (PERSONAL_KEY_ROLES.has(u.role)) await userKey(st, tx, u.party_id, u.id);
      });
    },
    async keys() {
      const rows = await sql<KeyRow>`select * from ledger_keys order by created_at, id`.execute(db);
      return rows.rows.map((r) => ({ ...recordOf(r), anchor: r.anchor, retired: r.retired_at !== null }));
    },
    size: () => syncTree(st),
    async entry(index) {
      const rows = await sql<{ line: string }>`select line from ledger_entries where idx = ${index}`.execute(db);
      return rows.rows[0] ? (JSON.parse(rows.rows[0].line) as EntryLine) : null;
    },
    async append(tx, input, who) {
      await lockLedger(tx);
      return appendEntry(st, tx, input, await signersFor(st, tx, who.partyId, who.userId));
    },
    async root(size) {
      const n = await sizeChecked(st, size);
      return toHex(tree.root(n));
    },
    async inclusionProof(index, size) {
      const n = await sizeChecked(st, size);
      if (!Number.isSafeInteger(index) || index < 0 || index >= n) throw new RangeError(`no entry ${index} in a log of size ${n}`);
      return { index, size: n, leafHash: toHex(tree.leafHash(index)), proof: tree.inclusionProof(index, n).map(toHex), root: toHex(tree.root(n)) };
    },
    async consistencyProof(from, to) {
      const n = await sizeChecked(st, to);
      if (!Number.isSafeInteger(from) || from < 1 || from > n) throw new RangeError(`no consistency proof from ${from} to ${n}`);
      return {
        from,
        to: n,
        fromRoot: toHex(tree.root(from)),
        toRoot: toHex(tree.root(n)),
        proof: consistencyPath(from, n, tree.rangeHash).map(toHex),
      };
    },
    rotateKey: (partyId, userId) => rotateKey(st, partyId, userId),
    revokeUserKey: (partyId, userId, reason) => revokeUserKey(st, partyId, userId, reason),
    latestCheckpoint: () => latestCheckpoint(st),
    checkpoint: (partyIds) => checkpoint(st, partyIds),
    caseSteps: (caseId) => caseStepsOf(db, st.deps, caseId),
    exportLines: (options) => exportLines(st, options),
  };
}
