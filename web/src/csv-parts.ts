// A CSV file cut into parts of whole records (a quoted field may hold line breaks), each part
// with the header, so a large file goes to the server in steps the page can show progress for.

export interface CsvPart {
  text: string;
  /** For each record's first line in `text` (the header is line 1): its line in the whole file. */
  lines: Map<number, number>;
  records: number;
}

/** The records of `text` after the header, each with the line it starts on (1-based). */
export function splitRecords(text: string): { header: string; records: { text: string; line: number }[] } {
  const body = text.replace(/^\uFEFF/, "");
  const out: { text: string; line: number }[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i <= body.length; i++) {
    const ch = body[i];
    if (ch === '"') quoted = !quoted;
    if (i === body.length || (ch === "\n" && !quoted)) {
      const record = body.slice(start, i).replace(/\r$/, "");
      if (record.trim() !== "") out.push({ text: record, line: startLine });
      start = i + 1;
      startLine = line + 1;
    }
    if (ch === "\n") line++;
  }
  const [header, ...records] = out;
  return { header: header?.text ?? "", records };
}

/** Parts of at most `size` records, each starting with the header. */
export function csvParts(text: string, size: number): CsvPart[] {
  const { header, records } = splitRecords(text);
  const parts: CsvPart[] = [];
  for (let i = 0; i < records.length; i += size) {
    const chunk = records.slice(i, i + size);
    const lines = new Map<number, number>();
    let at = 2;
    for (const r of chunk) {
      lines.set(at, r.line);
      at += r.text.split("\n").length;
    }
    parts.push({ text: [header, ...chunk.map((r) => r.text)].join("\n") + "\n", lines, records: chunk.length });
  }
  return parts;
}
