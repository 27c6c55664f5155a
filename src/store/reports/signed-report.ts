import { sql } from "kysely";
import { ConflictError } from "../../domain/index.ts";
import { canonicalJson, leafHash, REPORT_FORMAT, toHex, utf8, type SignedReport } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { ReportsDeps, ReportView } from "./report-types.ts";

// The self-contained file `homeward report verify` checks: the signed entries with their
// inclusion proofs up to a checkpoint (signed now if none covers them) and the keys they need.
export async function signedReport(deps: ReportsDeps, id: string, view: ReportView): Promise<SignedReport> {
  const { db, ledger } = deps;
  if (view.signatures.length === 0) throw new ConflictError("the report has no signatures yet");
  const last = Math.max(...view.signatures.map((s) => s.entryIndex));
  let cp = await ledger.latestCheckpoint();
  if (!cp || cp.checkpoint.size <= last) {
    const parties = (await sql<{ party_id: string }>`select distinct party_id from ledger_keys
      where user_id is null and retired_at is null order by party_id`.execute(db)).rows.map((r) => r.party_id);
    cp = await ledger.checkpoint(parties);
  }
  const size = cp.checkpoint.size;
  const signatures: SignedReport["signatures"] = [];
  for (const s of view.signatures) {
    const entry = (await ledger.entry(s.entryIndex))!;
    const proof = await ledger.inclusionProof(s.entryIndex, size);
    if (proof.leafHash !== toHex(leafHash(utf8(canonicalJson(entry)), nodeSha256))) throw new Error(`log entry ${s.entryIndex} does not match its leaf`);
    signatures.push({ entry, proof: proof.proof });
  }
  const needed = new Set([...signatures.flatMap((s) => s.entry.sigs.map((x) => x.key)), ...cp.sigs.map((x) => x.key)]);
  const keys = (await ledger.keys()).filter((k) => needed.has(k.id)).map(({ anchor: _a, retired: _r, ...k }) => k);
  return {
    kind: "signed-report",
    format: REPORT_FORMAT,
    log: await ledger.logId(),
    id,
    report: view.document as unknown as Record<string, unknown>,
    signatures,
    checkpoint: cp,
    keys,
  };
}
