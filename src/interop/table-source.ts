/** One record of a spreadsheet or delimited file, with the line (or sheet row) it starts on. */
export interface TableRow {
  readonly line: number;
  readonly fields: readonly string[];
  /** Set when the record itself could not be read (broken quoting): reject it, read on. */
  readonly error?: string;
}

/** A file opened for streaming: rows one at a time, the header first, and how far it has read. */
export interface TableSource {
  readonly format: "delimited" | "xlsx";
  /** How the file is being read, for the import's summary (encoding and how it was told, delimiter). */
  readonly description: string;
  readonly totalBytes: number;
  bytesRead(): number;
  readonly rows: AsyncGenerator<TableRow>;
}

/** A file that cannot be read at all: not text in its encoding, not a workbook. */
export class TableReadError extends Error {}
