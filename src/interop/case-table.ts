import { CASE_CSV_COLUMNS, parseCaseCsvRow } from "./case-csv.ts";
import type { CaseCsvRow, CaseRowOptions } from "./case-csv.ts";
import { HeaderError, mapHeader, rowByColumn } from "./column-mapping.ts";
import type { ColumnMapping, MappedHeader } from "./column-mapping.ts";
import type { TableRow } from "./table-source.ts";
import type { CaseInput } from "../domain/case-details.ts";

export interface AcceptedCaseRow {
  readonly line: number;
  readonly recordId: string;
  readonly input: CaseInput;
  // The row as it was, for the rejected file should a later check refuse it.
  readonly fields?: readonly string[];
}

export interface RejectedCaseRow {
  readonly line: number;
  readonly fields: readonly string[];
  readonly reason: string;
}

export interface CaseChunk {
  readonly accepted: readonly AcceptedCaseRow[];
  readonly rejected: readonly RejectedCaseRow[];
}

export interface CaseTableOptions extends CaseRowOptions {
  readonly mapping?: ColumnMapping | undefined;
  /** Pad rows shorter than the header with empty cells (workbooks leave trailing empty cells out). */
  readonly padShortRows?: boolean;
}

/** The cases header of a file, resolved against our columns and the mapping (throws HeaderError). */
export function mapCaseHeader(header: readonly string[], mapping: ColumnMapping | undefined): MappedHeader {
  return mapHeader(header, CASE_CSV_COLUMNS, mapping, { all: ["record_id"], oneOf: ["given_name", "family_name"] });
}

/**
 * Checks rows of a cases file one at a time: every problem of a row is listed, a record id met
 * twice in the file is rejected the second time (with the line it was first used on).
 */
export class CaseRowChecker {
  private readonly firstLineOf = new Map<string, number>();
  private readonly header: MappedHeader;
  private readonly options: CaseTableOptions;
  private readonly width: number;

  constructor(header: readonly string[], options: CaseTableOptions = {}) {
    this.header = mapCaseHeader(header, options.mapping);
    this.width = header.length;
    this.options = options;
  }

  check(row: TableRow): { accepted: AcceptedCaseRow } | { rejected: RejectedCaseRow } {
    const { line, fields } = row;
    if (row.error !== undefined) return { rejected: { line, fields, reason: row.error } };
    let trimmed = fields;
    if (trimmed.length > this.width && trimmed.slice(this.width).every((f) => f.trim() === "")) trimmed = trimmed.slice(0, this.width);
    // Workbooks leave a row's trailing empty cells out; in delimited text a short row is a broken one.
    if (trimmed.length < this.width && this.options.padShortRows === true) {
      trimmed = [...trimmed, ...Array.from({ length: this.width - trimmed.length }, () => "")];
    }
    if (trimmed.length !== this.width) {
      return { rejected: { line, fields, reason: `expected ${this.width} fields, found ${fields.length}` } };
    }
    const parsed = parseCaseCsvRow(rowByColumn(trimmed, this.header, this.options.mapping) as CaseCsvRow, this.options);
    if (!parsed.ok) return { rejected: { line, fields, reason: parsed.reason } };
    const earlier = this.firstLineOf.get(parsed.recordId);
    if (earlier !== undefined) {
      return { rejected: { line, fields, reason: `record_id: "${parsed.recordId}" already used on line ${earlier}` } };
    }
    this.firstLineOf.set(parsed.recordId, line);
    return { accepted: { line, recordId: parsed.recordId, input: parsed.input, fields } };
  }
}

/**
 * Reads a cases table in chunks of up to `chunkSize` accepted rows, each with the rows rejected
 * since the last: the caller imports a chunk in one transaction and writes its rejected rows.
 * The header row is `rows`' first; an unusable header throws HeaderError before any chunk.
 */
export async function* caseChunks(
  rows: AsyncIterable<TableRow>,
  options: CaseTableOptions & { readonly chunkSize: number },
  onHeader?: (header: readonly string[]) => void,
): AsyncGenerator<CaseChunk> {
  let checker: CaseRowChecker | undefined;
  let accepted: AcceptedCaseRow[] = [];
  let rejected: RejectedCaseRow[] = [];
  for await (const row of rows) {
    if (checker === undefined) {
      if (row.error !== undefined) throw new HeaderError(`line ${row.line}: the header row: ${row.error}`);
      checker = new CaseRowChecker(row.fields, options);
      onHeader?.(row.fields);
      continue;
    }
    const result = checker.check(row);
    if ("accepted" in result) accepted.push(result.accepted);
    else rejected.push(result.rejected);
    if (accepted.length >= options.chunkSize) {
      yield { accepted, rejected };
      accepted = [];
      rejected = [];
    }
  }
  if (checker === undefined) throw new Error("the file is empty: it needs a header row");
  if (accepted.length > 0 || rejected.length > 0) yield { accepted, rejected };
}
