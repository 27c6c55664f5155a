// The log as lines a verifier reads offline: header with the anchor keys, entries, checkpoints in place.
import { sql } from "kysely";
import { canonicalJson, LOG_FORMAT, type HeaderLine } from "../../ledger/index.ts";
import { checkpoint, checkpointLine, latestCheckpoint } from "./ledger-checkpoints.ts";
import { recordOf, type KeyRow } from "./ledger-keys.ts";
import { logIdIn, syncTree, type LedgerState } from "./ledger-state.ts";

export async function* exportLines(st: LedgerState, options: { finalCheckpoint?: boolean } = {}): AsyncGenerator<string> {
  const { db } = st.deps;
  if (options.finalCheckpoint ?? true) {
    const size = await syncTree(st);
    const latest = await latestCheckpoint(st);
    if (size > 0 && (!latest || latest.checkpoint.size < size)) {
      const parties = await sql<{ party_id: string }>`select distinct party_id from ledger_keys where user_id is null and retired_at is null order by party_id`.execute(db);
      await checkpoint(st, parties.rows.map((r) => r.party_id));
    }
  }
  const anchors = await sql<KeyRow>`select * from ledger_keys where anchor order by created_at, id`.execute(db);
  const header: HeaderLine = { kind: "header", format: LOG_FORMAT, log: await logIdIn(st, db), keys: anchors.rows.map(recordOf) };
  yield canonicalJson(header);
  const cps = await sql<{ size: string }>`select size from ledger_checkpoints order by size`.execute(db);
  const sizes = cps.rows.map((r) => Number(r.size));
  let c = 0;
  const emitCheckpoints = async function* (upTo: number): AsyncGenerator<string> {
    while (c < sizes.length && sizes[c]! <= upTo) {
      const line = await checkpointLine(st, sizes[c]!);
      if (line && line.checkpoint.size > 0) yield canonicalJson(line);
      c++;
    }
  };
  let from = 0;
  for (;;) {
    const rows = await sql<{ idx: string; line: string }>`select idx, line from ledger_entries
      where idx >= ${from} order by idx limit 10000`.execute(db);
    for (const r of rows.rows) {
      yield r.line;
      yield* emitCheckpoints(Number(r.idx) + 1);
    }
    if (rows.rows.length < 10000) break;
    from = Number(rows.rows.at(-1)!.idx) + 1;
  }
}
