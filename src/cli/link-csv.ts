import { parse } from "csv-parse/sync";

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvRecords {
  header: string[];
  rows: Record<string, string>[];
  problems: CsvProblem[];
}

/**
 * Reads a UTF-8 CSV with a header. Rows with the wrong number of columns, broken quoting or no
 * id are reported with their line number and left out; they are never dropped silently.
 */
export function readRecordsCsv(text: string, idColumn: string): CsvRecords {
  const problems: CsvProblem[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parse(body, {
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err) => {
      const e = err as { lines?: number; message?: string } | undefined;
      problems.push({ line: e?.lines ?? 0, message: e?.message ?? "unreadable row" });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) return { header: [], rows: [], problems: [...problems, { line: 1, message: "no header row" }] };
  const header = records[0]!.record.map((h) => h.trim());
  const rows: Record<string, string>[] = [];
  if (!header.includes(idColumn)) problems.push({ line: 1, message: `header has no "${idColumn}" column` });
  for (let k = 1; k < records.length; k++) {
    const { record, info } = records[k]!;
    if (record.length !== header.length) {
      problems.push({ line: info.lines, message: `expected ${header.length} columns, found ${record.length}` });
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((h, c) => (row[h] = record[c]!.trim()));
    if (!row[idColumn]) {
      problems.push({ line: info.lines, message: `empty ${idColumn}` });
      continue;
    }
    rows.push(row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { header, rows, problems };
}
