import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { createWriteStream } from "node:fs";
import type { WriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { SingleBar } from "cli-progress";
import { importClientId } from "../interop/case-csv.ts";
import { caseChunks } from "../interop/case-table.ts";
import type { AcceptedCaseRow, RejectedCaseRow } from "../interop/case-table.ts";
import { ColumnMappingSchema, HeaderError } from "../interop/column-mapping.ts";
import type { ColumnMapping } from "../interop/column-mapping.ts";
import { DELIMITERS } from "../interop/detect-delimiter.ts";
import type { Delimiter } from "../interop/detect-delimiter.ts";
import { EncodingDetectionError } from "../interop/detect-encoding.ts";
import type { DateOrder } from "../interop/local-date.ts";
import { openTable } from "../interop/open-table.ts";
import { checkCaseRows } from "../interop/check-case-rows.ts";
import { rejectedCsv } from "../interop/parse-case-csv.ts";
import { TextEncodingError, encodingNamed } from "../interop/strict-text-decoder.ts";
import type { TextEncoding } from "../interop/strict-text-decoder.ts";
import { TableReadError } from "../interop/table-source.ts";
import type { TableSource } from "../interop/table-source.ts";
import { ValidationError } from "../domain/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { DEFAULT_DATA_DIR, describeStore, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

/** `cases.csv` → `cases.rejected.csv`, beside the input (a workbook's rejected rows are CSV too). */
export function rejectedPathFor(file: string): string {
  const ext = extname(file);
  const out = ext === "" || ext.toLowerCase() === ".xlsx" ? ".csv" : ext;
  return join(dirname(file), `${basename(file, ext)}.rejected${out}`);
}

// Imports act as a per-party account that cannot log in, so the case history says who wrote the rows.
export async function importContext(store: Store, partyId: string): Promise<RequestContext> {
  const username = `cli-import.${partyId}`;
  let user = await store.users.findByUsername(username);
  if (user === null) {
    const created = await store.users.create({
      username,
      // Not an argon2 hash: no password can ever match it.
      passwordHash: "!no-login:csv-import",
      partyId,
      role: "caseworker",
      displayName: "CSV import (command line)",
    });
    await store.users.setDisabled(created.id, true);
    user = { ...created, passwordHash: "" };
  }
  return { partyId, userId: user.id, role: "caseworker", purpose: "import" };
}

interface ImportOptions {
  party: string;
  data: string;
  dryRun?: boolean;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  mapping?: string;
  dateOrder?: DateOrder;
  chunkSize: number;
}

/** Appends rejected rows to the reject file as they come, creating it on the first. */
export class RejectFile {
  private out: WriteStream | undefined;
  private header: readonly string[] = [];
  readonly path: string;
  count = 0;
  constructor(path: string) {
    this.path = path;
  }
  setHeader(header: readonly string[]): void {
    this.header = header;
  }
  async write(rows: readonly RejectedCaseRow[]): Promise<void> {
    if (rows.length === 0) return;
    const first = this.out === undefined;
    this.out ??= createWriteStream(this.path);
    this.count += rows.length;
    if (!this.out.write(rejectedCsv(this.header, rows, first))) await new Promise<void>((r) => this.out!.once("drain", () => r()));
  }
  async close(): Promise<void> {
    if (this.out === undefined) await rm(this.path, { force: true });
    else await new Promise<void>((resolve, reject) => this.out!.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}

/**
 * Imports one chunk in one transaction. A row the store refuses on a rule the file could not
 * check (the path names it) is moved to the rejected rows and the rest is tried again.
 */
async function importChunk(store: Store, ctx: RequestContext, rows: AcceptedCaseRow[], rejects: RejectFile) {
  let remaining = rows;
  for (;;) {
    try {
      return await store.cases.importBatch(ctx, remaining.map((r) => ({ clientId: importClientId(r.recordId), input: r.input })));
    } catch (e) {
      const at = e instanceof ValidationError ? /^rows\.(\d+)\.?(.*)$/.exec(e.path ?? "") : null;
      const row = at === null ? undefined : remaining[Number(at[1])];
      if (row === undefined) throw e;
      const field = at![2] === "" ? "row" : at![2];
      await rejects.write([{ line: row.line, fields: row.fields ?? [], reason: `${field}: ${e instanceof Error ? e.message.replace(/^[^:]*: /, "") : String(e)}` }]);
      remaining = remaining.filter((r) => r !== row);
      if (remaining.length === 0) return { created: 0, existing: 0, ids: [] };
    }
  }
}

function progressBar(source: TableSource): SingleBar {
  const bar = new SingleBar({
    stream: process.stderr,
    format: "importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}",
    noTTYOutput: true,
    notTTYSchedule: 1000,
    etaBuffer: 20,
    etaAsynchronousUpdate: true,
  });
  bar.start(Math.max(1, source.totalBytes), 0, { rows: 0, rate: 0 });
  return bar;
}

export async function loadMapping(path: string | undefined, cmd: Command): Promise<ColumnMapping | undefined> {
  if (path === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    fail(cmd, `${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = ColumnMappingSchema.safeParse(json);
  if (!parsed.success) fail(cmd, `${path}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

async function runImport(file: string, opts: ImportOptions, cmd: Command, store: Store): Promise<void> {
  const party = await store.parties.get(opts.party);
  if (party === null) {
    const known = (await store.parties.list()).map((p) => p.id);
    fail(cmd, `unknown party "${opts.party}"${known.length ? ` (known: ${known.join(", ")})` : ""}; add it with \`homeward party add\``);
  }
  const mapping = await loadMapping(opts.mapping, cmd);
  const source = await openTable(file, {
    encoding: opts.encoding ?? (mapping?.encoding === undefined ? undefined : encodingNamed(mapping.encoding)),
    delimiter: opts.delimiter ?? mapping?.delimiter,
  });
  process.stderr.write(`${file}: ${source.description}\n`);
  // The same rules the registry applies, as this party, so a dry run says what an import would do.
  const actor = { userId: `cli-import.${party.id}`, partyId: party.id, partyKind: party.kind, role: "caseworker" as const };
  const ctx = opts.dryRun ? undefined : await importContext(store, opts.party);
  if (ctx !== undefined) {
    process.stderr.write(`importing into ${describeStore(store, opts.data)}, party ${opts.party}, ${opts.chunkSize} rows a transaction\n`);
  }
  const rejects = new RejectFile(rejectedPathFor(file));
  const bar = progressBar(source);
  const started = performance.now();
  let read = 0;
  let created = 0;
  let existing = 0;
  try {
    const chunks = caseChunks(source.rows, {
      chunkSize: opts.chunkSize,
      mapping,
      dateOrder: opts.dateOrder ?? mapping?.dateOrder ?? "dmy",
      padShortRows: source.format === "xlsx",
    }, (header) => rejects.setHeader(header));
    for await (const parsed of chunks) {
      const chunk = checkCaseRows(parsed, actor, new Date());
      read += chunk.accepted.length + chunk.rejected.length;
      await rejects.write(chunk.rejected);
      if (ctx !== undefined && chunk.accepted.length > 0) {
        const result = await importChunk(store, ctx, [...chunk.accepted], rejects);
        created += result.created;
        existing += result.existing;
      }
      const seconds = (performance.now() - started) / 1000;
      bar.update(source.bytesRead(), { rows: read, rate: Math.round(read / Math.max(seconds, 0.001)) });
    }
    bar.update(Math.max(1, source.totalBytes), { rows: read });
  } finally {
    bar.stop();
    await rejects.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const valid = read - rejects.count;
  // maxRSS is in KiB: the peak shows the import stayed in bounded memory however large the file.
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(
    `${file}: ${read} rows, ${valid} valid, ${rejects.count} rejected, in ${seconds.toFixed(1)} s ` +
      `(${Math.round(read / Math.max(seconds, 0.001))} rows/s, peak memory ${peak} MiB)\n`,
  );
  if (rejects.count > 0) process.stderr.write(`rejected rows written to ${rejects.path}\n`);
  if (opts.dryRun) process.stdout.write(`Dry run: ${valid} row(s) would be imported; ${rejects.count} rejected.\n`);
  else process.stdout.write(`Imported ${created} new case(s); ${existing} already imported; ${rejects.count} rejected.\n`);
  process.exitCode = rejects.count > 0 ? 2 : 0;
}

export function encodingOption(value: string): TextEncoding {
  const e = encodingNamed(value);
  if (e === undefined) throw new InvalidArgumentError("one of utf-8, utf-16le, utf-16be, windows-1251, koi8-u, ibm866");
  return e;
}

export function delimiterOption(value: string): Delimiter {
  const d = value === "tab" || value === "\\t" ? "\t" : value;
  if (!(DELIMITERS as readonly string[]).includes(d)) throw new InvalidArgumentError('one of "," ";" "tab" "|"');
  return d as Delimiter;
}

export function chunkOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError("a whole number from 1 to 100000");
  return n;
}

export function registerImportCommands(program: Command): void {
  const imports = program.command("import").description("bulk imports");
  imports
    .command("cases")
    .argument("<file>", "CSV, semicolon- or tab-separated text, or an XLSX workbook, with a header row; columns in docs/import-cases.md")
    .description(
      "import cases for a party from a spreadsheet, streaming, in transactions of --chunk-size rows: a killed import " +
      "leaves whole chunks and a re-run resumes it. Invalid rows go to FILE.rejected.csv with their line number and every " +
      "problem; re-importing the same rows adds nothing (record_id identifies a row). Exit code 2 when rows were rejected.",
    )
    .requiredOption("--party <id>", "the party the cases belong to")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .option("--dry-run", "check everything a real run checks (the party too) and write the rejected rows; import nothing")
    .option("--encoding <name>", "the file's text encoding, when detection should not decide (utf-8, utf-16le, utf-16be, windows-1251, koi8-u, ibm866)", encodingOption)
    .option("--delimiter <char>", 'the field delimiter (",", ";", "tab", "|"), when detection should not decide', delimiterOption)
    .option("--mapping <file.json>", "a saved column mapping for files whose headers are not ours (docs/import-cases.md)")
    .option("--date-order <order>", "dmy (default) or mdy: how to read dates like 03.07.2014", (v: string) => {
      if (v !== "dmy" && v !== "mdy") throw new InvalidArgumentError("dmy or mdy");
      return v;
    })
    .option("--chunk-size <rows>", "rows per transaction", chunkOption, 2000)
    .action(async (file: string, opts: ImportOptions, cmd: Command) => {
      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          await runImport(file, opts, cmd, store);
        } catch (e) {
          if (e instanceof HeaderError || e instanceof TextEncodingError || e instanceof EncodingDetectionError || e instanceof TableReadError) {
            fail(cmd, `${file}: ${e.message}`);
          }
          if (e instanceof Error && "code" in e && e.code === "ENOENT") fail(cmd, `${file}: no such file`);
          if (e instanceof Error && e.message === "the file is empty: it needs a header row") fail(cmd, `${file}: ${e.message}`);
          throw e;
        } finally {
          await store.close();
        }
      });
    });
}
