import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { accessLogDigest, checkAccessLog } from "../ledger/index.ts";
import type { AccessLogCheck, AccessLogDigestPayload, AccessLogRow } from "../ledger/index.ts";
import { nodeSha256 } from "../ledger-node/index.ts";
import { readLines } from "./log-file.ts";

// `homeward log verify LOG --access-log FILE.csv --party P`: once the log itself is verified,
// the access-log export (GET /api/access-log/export) is checked against the party's digests
// in it. A deleted, altered or inserted row breaks the digest of its run, which is named.

const COLUMNS = ["id", "at", "user_id", "party_id", "role", "case_id", "case_party_id", "kind", "purpose"];

export async function readAccessLogCsv(path: string): Promise<AccessLogRow[]> {
  const records = parse(await readFile(path, "utf8"), { skip_empty_lines: true }) as string[][];
  const [header, ...rows] = records;
  if (header === undefined || COLUMNS.some((c, i) => header[i] !== c)) {
    throw new Error(`${path} is not an access-log export: its header must be ${COLUMNS.join(",")}`);
  }
  return rows.map((r, i) => {
    if (r.length !== COLUMNS.length || !/^\d+$/.test(r[0] ?? "")) throw new Error(`${path}: line ${i + 2} is not an access-log row`);
    return { id: r[0]!, at: r[1]!, userId: r[2]!, partyId: r[3]!, role: r[4]!, caseId: r[5]!, caseParty: r[6]!, kind: r[7]!, purpose: r[8] === "" ? null : r[8]! };
  });
}

/** The access-log digests a log file holds, with their entry indexes. Read after the log verified. */
export async function accessLogDigestsOf(logPath: string): Promise<{ entryIndex: number; payload: AccessLogDigestPayload }[]> {
  const out: { entryIndex: number; payload: AccessLogDigestPayload }[] = [];
  for await (const line of readLines(logPath)) {
    if (!line.includes(accessLogDigest.type)) continue;
    const value = JSON.parse(line) as { kind?: string; entry?: { index: number; type: string; typeVersion: number; body?: unknown } };
    const entry = value.entry;
    if (value.kind !== "entry" || entry?.type !== accessLogDigest.type || entry.typeVersion !== accessLogDigest.version) continue;
    out.push({ entryIndex: entry.index, payload: accessLogDigest.payload.parse(entry.body) });
  }
  return out;
}

export async function checkAccessLogExport(logPath: string, csvPath: string, party: string): Promise<AccessLogCheck> {
  return checkAccessLog(await accessLogDigestsOf(logPath), await readAccessLogCsv(csvPath), party, nodeSha256);
}

export function describeAccessLogCheck(check: AccessLogCheck, party: string): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  for (const m of check.mismatches) {
    lines.push(
      `access-log digest at entry ${m.entryIndex} (party ${party}, rows ${m.digest.from}..${m.digest.to}, ${m.digest.count} rows, digest ${m.digest.digest}) ` +
        `does not match the export: ${m.problem}`,
    );
  }
  if (check.mismatches.length === 0) {
    lines.push(`access log of ${party}: ${check.checked} digests match the export's ${check.rows - check.uncommitted} committed rows`);
  }
  if (check.uncommitted > 0) lines.push(`${check.uncommitted} newer row(s) are not committed to the log yet and could not be checked`);
  return { ok: check.mismatches.length === 0, lines };
}
