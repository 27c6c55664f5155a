import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { CaseRowChecker } from "./case-table.ts";
import type { AcceptedCaseRow, CaseTableOptions, RejectedCaseRow } from "./case-table.ts";

export type { AcceptedCaseRow, RejectedCaseRow } from "./case-table.ts";

export interface ParsedCaseCsv {
  readonly header: readonly string[];
  readonly accepted: readonly AcceptedCaseRow[];
  readonly rejected: readonly RejectedCaseRow[];
}

interface RawRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Parses a whole cases CSV held in memory. A bad header throws; a bad row is rejected with its line number. */
export function parseCaseCsv(text: string, options: CaseTableOptions = {}): ParsedCaseCsv {
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as RawRecord[];
  const first = records[0];
  if (first === undefined) throw new Error("the file is empty: it needs a header row");
  const header = first.record;
  const checker = new CaseRowChecker(header, options);
  const accepted: AcceptedCaseRow[] = [];
  const rejected: RejectedCaseRow[] = [];
  for (const { record, info, raw } of records.slice(1)) {
    // info.lines is where the record ends; a quoted field may span lines, and the raw text
    // also carries the empty lines skipped before it.
    const body = raw.replace(/^(?:\r?\n)+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    const result = checker.check({ line, fields: record });
    if ("accepted" in result) accepted.push(result.accepted);
    else rejected.push(result.rejected);
  }
  return { header, accepted, rejected };
}

/** The rejected rows as CSV: the line number and reason first, then the row as it was. */
export function rejectedCsv(header: readonly string[], rejected: readonly RejectedCaseRow[], withHeader = true): string {
  const rows = rejected.map((r) => [String(r.line), r.reason, ...r.fields]);
  return stringify(withHeader ? [["line", "reason", ...header], ...rows] : rows);
}
