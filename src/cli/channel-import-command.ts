import type { Command } from "commander";
import { readFile, rm, writeFile } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import { importClientId } from "../interop/case-csv.ts";
import { CaseCsvHeaderError } from "../interop/case-csv.ts";
import { parseChannelCsv } from "../interop/channel-csv.ts";
import type { AcceptedChannelRow, ChannelCsvKind } from "../interop/channel-csv.ts";
import { rejectedCsv } from "../interop/parse-case-csv.ts";
import type { DisclosureInput, TracingRequestInput } from "../domain/index.ts";
import type { Store } from "../store/index.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";
import { importContext, rejectedPathFor } from "./import-command.ts";

// `homeward import disclosures FILE.csv --party P` and `import tracing-requests`: the columns of
// docs/import-channel.md. Rows are written in transactions of 500, each all or none; re-running
// adds nothing (record_id names a row); rejected rows go to FILE.rejected.csv with their line.

const CHUNK = 500;

function inputOf(row: AcceptedChannelRow): DisclosureInput | TracingRequestInput {
  return { ...row.input, ...(row.disclosure ?? {}), ...(row.to ? { to: row.to } : {}), ...(row.mediator ? { mediator: row.mediator } : {}) } as DisclosureInput;
}

async function runChannelImport(file: string, kind: ChannelCsvKind, partyId: string, store: Store, cmd: Command): Promise<void> {
  const parsed = parseChannelCsv(await readFile(file, "utf8"), kind);
  const rejectedPath = rejectedPathFor(file);
  if (parsed.rejected.length > 0) await writeFile(rejectedPath, rejectedCsv(parsed.header, parsed.rejected));
  else await rm(rejectedPath, { force: true });
  if ((await store.parties.get(partyId)) === null) fail(cmd, `no party "${partyId}" (add it with \`homeward party add\`)`);
  const ctx = await importContext(store, partyId);
  const bar = new SingleBar({ format: `${kind} {bar} {value}/{total} rows`, hideCursor: true });
  if (process.stderr.isTTY) bar.start(parsed.accepted.length, 0);
  let created = 0;
  let existing = 0;
  for (let i = 0; i < parsed.accepted.length; i += CHUNK) {
    const chunk = parsed.accepted.slice(i, i + CHUNK);
    const items = chunk.map((row) => ({ clientId: importClientId(`${kind}:${row.recordId}`), input: inputOf(row) }));
    const result = kind === "disclosure"
      ? await store.disclosures.createMany(ctx, items as { clientId: string; input: DisclosureInput }[])
      : await store.tracingRequests.createMany(ctx, items as { clientId: string; input: TracingRequestInput }[]);
    created += result.created;
    existing += result.existing;
    if (process.stderr.isTTY) bar.update(i + chunk.length);
  }
  if (process.stderr.isTTY) bar.stop();
  console.log(`${created} created, ${existing} already imported, ${parsed.rejected.length} rejected${parsed.rejected.length > 0 ? ` (see ${rejectedPath})` : ""}`);
  if (parsed.rejected.length > 0) process.exitCode = 2;
}

export function registerChannelImportCommands(program: Command): void {
  const imports = program.commands.find((c) => c.name() === "import") ?? program.command("import").description("bulk imports");
  for (const [name, kind, what] of [
    ["disclosures", "disclosure", "children the party holds (case columns plus biography, placement_*, service_N_*, name_change_N_*, citizenship_N*, to, mediator)"],
    ["tracing-requests", "tracing-request", "children the party seeks (case columns plus to and mediator)"],
  ] as const) {
    imports
      .command(name)
      .argument("<file>", "CSV with a header row; columns in docs/import-channel.md")
      .description(`import ${what}; each row becomes the party's case with its ${kind}, shared with the addressees. Exit code 2 when rows were rejected.`)
      .requiredOption("--party <id>", "the party disclosing or requesting")
      .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
      .action(async (file: string, opts: { party: string; data: string }, cmd: Command) => {
        const store = await openCliStore(opts.data);
        await reportErrors(cmd, async () => {
          try {
            await runChannelImport(file, kind, opts.party, store, cmd);
          } catch (e) {
            if (e instanceof CaseCsvHeaderError) fail(cmd, `${file}: ${e.message}`);
            if (e instanceof Error && "code" in e && e.code === "ENOENT") fail(cmd, `${file}: no such file`);
            throw e;
          } finally {
            await store.close();
          }
        });
      });
  }
}
