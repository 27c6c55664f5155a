import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { importClientId } from "../interop/case-csv.ts";
import { channelChunks } from "../interop/channel-table.ts";
import type { AcceptedChannelRow, ChannelCsvKind } from "../interop/channel-csv.ts";
import { HeaderError } from "../interop/column-mapping.ts";
import type { Delimiter } from "../interop/detect-delimiter.ts";
import { EncodingDetectionError } from "../interop/detect-encoding.ts";
import type { DateOrder } from "../interop/local-date.ts";
import { openTable } from "../interop/open-table.ts";
import { TextEncodingError, encodingNamed } from "../interop/strict-text-decoder.ts";
import type { TextEncoding } from "../interop/strict-text-decoder.ts";
import { TableReadError } from "../interop/table-source.ts";
import { ValidationError } from "../domain/index.ts";
import type { DisclosureInput, TracingRequestInput } from "../domain/index.ts";
import type { ImportResult, RequestContext, Store } from "../store/index.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";
import { RejectFile, chunkOption, delimiterOption, encodingOption, importContext, loadMapping, rejectedPathFor } from "./import-command.ts";

// `homeward import disclosures FILE --party P` and `import tracing-requests`: the columns of
// docs/import-channel.md, from the same spreadsheets the case import reads (XLSX, or delimited
// text in any detected encoding and delimiter, with --mapping for foreign headers). Rows are
// written in transactions of --chunk-size, each all or none; re-running adds nothing (record_id
// names a row); rejected rows go to FILE.rejected.csv with their line.

interface ChannelImportOptions {
  party: string;
  data: string;
  dryRun?: boolean;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  mapping?: string;
  dateOrder?: DateOrder;
  chunkSize: number;
}

function inputOf(row: AcceptedChannelRow): DisclosureInput | TracingRequestInput {
  return { ...row.input, ...(row.disclosure ?? {}), ...(row.to ? { to: row.to } : {}), ...(row.mediator ? { mediator: row.mediator } : {}) } as DisclosureInput;
}

/** One chunk in one transaction; a row the registry refuses (its path names it) is rejected and the rest tried again. */
async function importChunk(store: Store, ctx: RequestContext, kind: ChannelCsvKind, rows: readonly AcceptedChannelRow[], rejects: RejectFile): Promise<ImportResult> {
  let remaining = [...rows];
  for (;;) {
    const items = remaining.map((row) => ({ clientId: importClientId(`${kind}:${row.recordId}`), input: inputOf(row) }));
    try {
      return kind === "disclosure"
        ? await store.disclosures.createMany(ctx, items as { clientId: string; input: DisclosureInput }[])
        : await store.tracingRequests.createMany(ctx, items as { clientId: string; input: TracingRequestInput }[]);
    } catch (e) {
      const at = e instanceof ValidationError ? /^rows\.(\d+)\.?(.*)$/.exec(e.path ?? "") : null;
      const row = at === null ? undefined : remaining[Number(at[1])];
      if (row === undefined) throw e;
      await rejects.write([{ line: row.line, fields: row.fields ?? [], reason: `${at![2] === "" ? "row" : at![2]}: ${(e as Error).message.replace(/^[^:]*: /, "")}` }]);
      remaining = remaining.filter((r) => r !== row);
      if (remaining.length === 0) return { created: 0, existing: 0, ids: [] };
    }
  }
}

async function runChannelImport(file: string, kind: ChannelCsvKind, opts: ChannelImportOptions, store: Store, cmd: Command): Promise<void> {
  if ((await store.parties.get(opts.party)) === null) fail(cmd, `no party "${opts.party}" (add it with \`homeward party add\`)`);
  const mapping = await loadMapping(opts.mapping, cmd);
  const source = await openTable(file, {
    encoding: opts.encoding ?? (mapping?.encoding === undefined ? undefined : encodingNamed(mapping.encoding)),
    delimiter: opts.delimiter ?? mapping?.delimiter,
  });
  process.stderr.write(`${file}: ${source.description}\n`);
  const ctx = opts.dryRun ? undefined : await importContext(store, opts.party);
  const rejects = new RejectFile(rejectedPathFor(file));
  let read = 0;
  let created = 0;
  let existing = 0;
  try {
    const chunks = channelChunks(source.rows, kind, {
      chunkSize: opts.chunkSize,
      mapping,
      dateOrder: opts.dateOrder ?? mapping?.dateOrder ?? "dmy",
      padShortRows: source.format === "xlsx",
    }, (header) => rejects.setHeader(header));
    for await (const chunk of chunks) {
      read += chunk.accepted.length + chunk.rejected.length;
      await rejects.write(chunk.rejected);
      if (ctx !== undefined && chunk.accepted.length > 0) {
        const result = await importChunk(store, ctx, kind, chunk.accepted, rejects);
        created += result.created;
        existing += result.existing;
      }
      if (process.stderr.isTTY) process.stderr.write(`\r${kind}: ${read} rows read`);
    }
    if (process.stderr.isTTY) process.stderr.write("\n");
  } finally {
    await rejects.close();
  }
  const rejected = rejects.count;
  if (opts.dryRun) console.log(`Dry run: ${read - rejected} row(s) would be imported; ${rejected} rejected${rejected > 0 ? ` (see ${rejects.path})` : ""}`);
  else console.log(`${created} created, ${existing} already imported, ${rejected} rejected${rejected > 0 ? ` (see ${rejects.path})` : ""}`);
  process.exitCode = rejected > 0 ? 2 : 0;
}

export function registerChannelImportCommands(program: Command): void {
  const imports = program.commands.find((c) => c.name() === "import") ?? program.command("import").description("bulk imports");
  for (const [name, kind, what] of [
    ["disclosures", "disclosure", "children the party holds (case columns plus biography, placement_*, service_N_*, name_change_N_*, citizenship_N*, to, mediator)"],
    ["tracing-requests", "tracing-request", "children the party seeks (case columns plus to and mediator)"],
  ] as const) {
    imports
      .command(name)
      .argument("<file>", "CSV, semicolon- or tab-separated text, or an XLSX workbook, with a header row; columns in docs/import-channel.md")
      .description(`import ${what}; each row becomes the party's case with its ${kind}, shared with the addressees. Exit code 2 when rows were rejected.`)
      .requiredOption("--party <id>", "the party disclosing or requesting")
      .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
      .option("--dry-run", "check every row and write the rejected ones; import nothing")
      .option("--encoding <name>", "the file's text encoding, when detection should not decide (utf-8, utf-16le, utf-16be, windows-1251, koi8-u, ibm866)", encodingOption)
      .option("--delimiter <char>", 'the field delimiter (",", ";", "tab", "|"), when detection should not decide', delimiterOption)
      .option("--mapping <file.json>", "a saved column mapping for files whose headers are not ours (docs/import-cases.md)")
      .option("--date-order <order>", "dmy (default) or mdy: how to read dates like 03.07.2014", (v: string) => {
        if (v !== "dmy" && v !== "mdy") throw new InvalidArgumentError("dmy or mdy");
        return v;
      })
      .option("--chunk-size <rows>", "rows per transaction", chunkOption, 500)
      .action(async (file: string, opts: ChannelImportOptions, cmd: Command) => {
        const store = await openCliStore(opts.data);
        await reportErrors(cmd, async () => {
          try {
            await runChannelImport(file, kind, opts, store, cmd);
          } catch (e) {
            if (e instanceof HeaderError || e instanceof TextEncodingError || e instanceof EncodingDetectionError || e instanceof TableReadError) fail(cmd, `${file}: ${e.message}`);
            if (e instanceof Error && "code" in e && e.code === "ENOENT") fail(cmd, `${file}: no such file`);
            throw e;
          } finally {
            await store.close();
          }
        });
      });
  }
}
