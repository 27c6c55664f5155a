import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { CsvError } from "csv-parse";
import iconv from "iconv-lite";
import { detectDelimiter } from "./detect-delimiter.ts";
import type { Delimiter } from "./detect-delimiter.ts";
import { detectEncoding } from "./detect-encoding.ts";
import { StrictTextDecoder } from "./strict-text-decoder.ts";
import type { TextEncoding } from "./strict-text-decoder.ts";
import type { TableRow, TableSource } from "./table-source.ts";

const SAMPLE_BYTES = 64 * 1024;

export interface DelimitedOptions {
  readonly encoding?: TextEncoding | undefined;
  readonly delimiter?: Delimiter | undefined;
}

interface RawRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

async function readSample(path: string): Promise<{ sample: Uint8Array; size: number }> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const sample = new Uint8Array(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    return { sample: sample.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** Where a record starts: csv-parse says where it ends, and a quoted field may span lines. */
function startLine(r: RawRecord): number {
  const body = r.raw.replace(/^(?:\r?\n)+/, "").replace(/\r?\n$/, "");
  return r.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Opens a delimited text file (CSV, semicolon- or tab-separated) for streaming: the encoding and
 * delimiter are detected from its first 64 KiB unless given, the text is decoded strictly (a
 * byte that is not text in the encoding stops the read, naming its line), and records come one
 * at a time with the line they start on. A record whose quoting is broken comes as a row with
 * an error, so the caller can reject it and read on.
 */
export async function openDelimited(path: string, options: DelimitedOptions = {}): Promise<TableSource> {
  const { sample, size } = await readSample(path);
  const detected = detectEncoding(sample, sample.length === size);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = options.encoding === undefined || options.encoding === detected.encoding ? detected.bomLength : 0;
  const sampleText = iconv.decode(Buffer.from(sample.subarray(bomLength)), encoding);
  const delimiter = options.delimiter ?? detectDelimiter(sampleText);
  let bytesRead = bomLength;
  const decoder = new StrictTextDecoder(encoding);

  async function* text(): AsyncGenerator<string> {
    if (size <= bomLength) return;
    const stream = createReadStream(path, { start: bomLength, highWaterMark: 1 << 20 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      const decoded = decoder.write(chunk);
      if (decoded !== "") yield decoded;
    }
    const rest = decoder.end();
    if (rest !== "") yield rest;
  }

  async function* rows(): AsyncGenerator<TableRow> {
    const skipped: TableRow[] = [];
    const parser = parse({
      info: true,
      raw: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      // A record with broken quoting is kept whole, as the raw text the parser gave up on (which
      // may run on over the lines after it), so the reject file loses nothing.
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        const lines = (err as (CsvError & { lines?: number }) | undefined)?.lines ?? 0;
        skipped.push({ line: lines, fields: raw === undefined ? [] : [raw], error: `the record cannot be read: ${err?.message ?? "unknown error"}` });
      },
    });
    const input = Readable.from(text());
    input.on("error", (e) => parser.destroy(e));
    input.pipe(parser);
    // The parser reports a skipped record as soon as it meets it, before the records already
    // parsed ahead of it are read here: put it back in its place by line.
    for await (const r of parser as AsyncIterable<RawRecord>) {
      const line = startLine(r);
      while (skipped.length > 0 && skipped[0]!.line < line) yield skipped.shift()!;
      yield { line, fields: r.record };
    }
    while (skipped.length > 0) yield skipped.shift()!;
  }

  const how = options.encoding === undefined ? ` (${detected.how})` : " (given)";
  return {
    format: "delimited",
    description: `${encoding}${how}, delimiter ${delimiter === "\t" ? "tab" : `"${delimiter}"`}`,
    totalBytes: size,
    bytesRead: () => bytesRead,
    rows: rows(),
  };
}
