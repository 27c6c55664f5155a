import type { Command } from "commander";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { SingleBar } from "cli-progress";
import { CaseCsvHeaderError, importClientId } from "../interop/case-csv.ts";
import { parseCaseCsv, rejectedCsv } from "../interop/parse-case-csv.ts";
import type { ImportResult, RequestContext, Store } from "../store/index.ts";
import { DEFAULT_DATA_DIR, describeStore, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

/** `cases.csv` → `cases.rejected.csv`, beside the input. */
export function rejectedPathFor(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.rejected${ext || ".csv"}`);
}

// Imports act as a per-party account that cannot log in, so the case history says who wrote the rows.
async function importContext(store: Store, partyId: string): Promise<RequestContext> {
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
}

export function registerImportCommands(program: Command): void {
  const imports = program.command("import").description("bulk imports");
  imports
    .command("cases")
    .argument("<file>", "UTF-8 CSV with a header row; columns in docs/import-cases.md")
    .description(
      "import cases for a party from CSV, in one transaction: all valid rows or none. " +
      "Invalid rows go to FILE.rejected.csv with their line number and reason; re-importing the same rows adds nothing " +
      "(record_id identifies a row). Exit code 2 when rows were rejected.",
    )
    .requiredOption("--party <id>", "the party the cases belong to")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .option("--dry-run", "validate and write the rejected rows, import nothing")
    .action(async (file: string, opts: ImportOptions, cmd: Command) => {
      let parsed;
      try {
        parsed = parseCaseCsv(await readFile(file, "utf8"));
      } catch (e) {
        if (e instanceof CaseCsvHeaderError || (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("CSV_"))) {
          fail(cmd, `${file}: ${e.message}`);
        }
        if (e instanceof Error && "code" in e && e.code === "ENOENT") fail(cmd, `${file}: no such file`);
        throw e;
      }
      const rejectedPath = rejectedPathFor(file);
      if (parsed.rejected.length > 0) await writeFile(rejectedPath, rejectedCsv(parsed.header, parsed.rejected));
      else await rm(rejectedPath, { force: true });
      const read = parsed.accepted.length + parsed.rejected.length;
      process.stderr.write(`${file}: ${read} rows, ${parsed.accepted.length} valid, ${parsed.rejected.length} rejected\n`);
      if (parsed.rejected.length > 0) process.stderr.write(`rejected rows written to ${rejectedPath}\n`);
      if (opts.dryRun) {
        process.exitCode = parsed.rejected.length > 0 ? 2 : 0;
        return;
      }

      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          if ((await store.parties.get(opts.party)) === null) {
            await store.close();
            fail(cmd, `unknown party "${opts.party}"`);
          }
          const ctx = await importContext(store, opts.party);
          process.stderr.write(`importing into ${describeStore(store, opts.data)}, party ${opts.party}, in one transaction\n`);
          const bar = new SingleBar({
            stream: process.stderr,
            format: "importing [{bar}] {percentage}% | {value}/{total} rows | {duration}s",
            noTTYOutput: true,
            notTTYSchedule: 250,
            etaBuffer: 50,
          });
          bar.start(parsed.accepted.length, 0);
          // Each imported row's action passes through the action sinks inside the import's
          // transaction (after the case rows are written, with its signed log entry): counting
          // them there shows progress before anything is committed.
          let written = 0;
          const step = Math.max(1, Math.floor(parsed.accepted.length / 50));
          const stopCounting = store.onAction(async (_tx, event) => {
            if (event.actor.userId !== ctx.userId || event.action.type !== "report") return;
            bar.update(++written);
            // The database may keep the event loop busy for the whole transaction, so the bar's
            // own timer would not fire: draw it here every 2% of the rows.
            if (written % step === 0) bar.render();
          });
          let result: ImportResult;
          try {
            result = await store.cases.importBatch(
              ctx,
              parsed.accepted.map((r) => ({ clientId: importClientId(r.recordId), input: r.input })),
            );
          } finally {
            stopCounting();
          }
          bar.update(parsed.accepted.length);
          bar.stop();
          process.stdout.write(
            `Imported ${result.created} new case(s); ${result.existing} already imported; ${parsed.rejected.length} rejected.\n`,
          );
          if (parsed.rejected.length > 0) process.exitCode = 2;
        } finally {
          await store.close();
        }
      });
    });
}
