import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { checkCaseCsvHeader, parseCaseCsvRow } from "./case-csv.ts";
import type { CaseCsvRow } from "./case-csv.ts";
import type { CaseInput } from "../domain/case-details.ts";

export interface AcceptedCaseRow {
  readonly line: number;
  readonly recordId: string;
  readonly input: CaseInput;
}

export interface RejectedCaseRow {
  readonly line: number;
  readonly fields: readonly string[];
  readonly reason: string;
}

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

/** Parses a whole cases CSV. A bad header throws; a bad row is rejected with its line number. */
export function parseCaseCsv(text: string): ParsedCaseCsv {
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as RawRecord[];
  const first = records[0];
  if (first === undefined) throw new Error("the file is empty: it needs a header row");
  const header = first.record.map((h) => h.trim().toLowerCase());
  checkCaseCsvHeader(header);

  const accepted: AcceptedCaseRow[] = [];
  const rejected: RejectedCaseRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info, raw } of records.slice(1)) {
    // info.lines is where the record ends; a quoted field may span lines, and the raw text
    // also carries the empty lines skipped before it.
    const body = raw.replace(/^(?:\r?\n)+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      rejected.push({ line, fields: record, reason: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const row: CaseCsvRow = {};
    header.forEach((column, i) => {
      (row as Record<string, string>)[column] = record[i] ?? "";
    });
    const parsed = parseCaseCsvRow(row);
    if (!parsed.ok) {
      rejected.push({ line, fields: record, reason: parsed.reason });
      continue;
    }
    const earlier = firstLineOf.get(parsed.recordId);
    if (earlier !== undefined) {
      rejected.push({ line, fields: record, reason: `record_id: "${parsed.recordId}" already used on line ${earlier}` });
      continue;
    }
    firstLineOf.set(parsed.recordId, line);
    accepted.push({ line, recordId: parsed.recordId, input: parsed.input });
  }
  return { header, accepted, rejected };
}

/** The rejected rows as CSV: the line number and reason first, then the row as it was. */
export function rejectedCsv(header: readonly string[], rejected: readonly RejectedCaseRow[]): string {
  const rows = rejected.map((r) => [String(r.line), r.reason, ...r.fields]);
  return stringify([["line", "reason", ...header], ...rows]);
}
