import { CaseCsvHeaderError } from "./case-csv.ts";
import type { CaseRowOptions } from "./case-csv.ts";
import type { RejectedCaseRow } from "./case-table.ts";
import { checkChannelCsvHeader, parseChannelRow } from "./channel-csv.ts";
import type { AcceptedChannelRow, ChannelCsvKind } from "./channel-csv.ts";
import { HeaderError, normaliseHeader } from "./column-mapping.ts";
import type { ColumnMapping } from "./column-mapping.ts";
import type { TableRow } from "./table-source.ts";

// Disclosures and tracing requests from any spreadsheet the case import reads (a workbook, or
// delimited text in any of its encodings and delimiters), with the same saved column mappings:
// the columns of docs/import-channel.md after the mapping's renames, checked row by row.

export interface ChannelChunk {
  readonly accepted: readonly AcceptedChannelRow[];
  readonly rejected: readonly RejectedCaseRow[];
}

export interface ChannelTableOptions extends CaseRowOptions {
  readonly mapping?: ColumnMapping | undefined;
  readonly padShortRows?: boolean;
  readonly chunkSize: number;
}

/** Our column at each position of the file's header (undefined: left out by the mapping). Throws HeaderError. */
export function mapChannelHeader(header: readonly string[], kind: ChannelCsvKind, mapping: ColumnMapping | undefined): (string | undefined)[] {
  const renamed = new Map(Object.entries(mapping?.columns ?? {}).map(([from, to]) => [normaliseHeader(from), to]));
  const columns = header.map((cell) => {
    const key = normaliseHeader(cell);
    return renamed.has(key) ? (renamed.get(key) ?? undefined) : key;
  });
  const named = columns.filter((c): c is string => c !== undefined);
  const twice = named.find((c, i) => named.indexOf(c) !== i);
  if (twice !== undefined) throw new HeaderError(`column ${twice} appears twice`);
  try {
    checkChannelCsvHeader(named, kind);
  } catch (e) {
    if (e instanceof CaseCsvHeaderError) throw new HeaderError(`${e.message} (or map them with --mapping FILE.json)`);
    throw e;
  }
  return columns;
}

function rowOf(fields: readonly string[], columns: readonly (string | undefined)[], mapping: ColumnMapping | undefined): Record<string, string> {
  const row: Record<string, string> = {};
  columns.forEach((column, i) => {
    if (column === undefined) return;
    const value = fields[i] ?? "";
    const words = mapping?.values[column];
    row[column] = (words === undefined ? undefined : (words[value.trim()] ?? words[value.trim().toLowerCase()])) ?? value;
  });
  return row;
}

/**
 * Reads a disclosures or tracing-requests table in chunks of up to `chunkSize` accepted rows, each
 * with the rows rejected since the last (with their line and reason). The header is `rows`' first.
 */
export async function* channelChunks(
  rows: AsyncIterable<TableRow>,
  kind: ChannelCsvKind,
  options: ChannelTableOptions,
  onHeader?: (header: readonly string[]) => void,
): AsyncGenerator<ChannelChunk> {
  let columns: (string | undefined)[] | undefined;
  const firstLineOf = new Map<string, number>();
  let accepted: AcceptedChannelRow[] = [];
  let rejected: RejectedCaseRow[] = [];
  for await (const { line, fields, error } of rows) {
    if (columns === undefined) {
      if (error !== undefined) throw new HeaderError(`line ${line}: the header row: ${error}`);
      columns = mapChannelHeader(fields, kind, options.mapping);
      onHeader?.(fields);
      continue;
    }
    const width = columns.length;
    let cells = fields;
    if (cells.length > width && cells.slice(width).every((f) => f.trim() === "")) cells = cells.slice(0, width);
    // Workbooks leave a row's trailing empty cells out; in delimited text a short row is a broken one.
    if (cells.length < width && options.padShortRows === true) cells = [...cells, ...Array.from({ length: width - cells.length }, () => "")];
    const parsed = error !== undefined ? { ok: false as const, reason: error }
      : cells.length !== width ? { ok: false as const, reason: `expected ${width} fields, found ${fields.length}` }
      : parseChannelRow(rowOf(cells, columns, options.mapping), kind, options);
    if (!parsed.ok) rejected.push({ line, fields, reason: parsed.reason });
    else {
      const earlier = firstLineOf.get(parsed.row.recordId);
      if (earlier !== undefined) rejected.push({ line, fields, reason: `record_id: "${parsed.row.recordId}" already used on line ${earlier}` });
      else {
        firstLineOf.set(parsed.row.recordId, line);
        accepted.push({ line, ...parsed.row, fields });
      }
    }
    if (accepted.length >= options.chunkSize) {
      yield { accepted, rejected };
      accepted = [];
      rejected = [];
    }
  }
  if (columns === undefined) throw new HeaderError("the file is empty: it needs a header row");
  if (accepted.length > 0 || rejected.length > 0) yield { accepted, rejected };
}
