import type { Command } from "commander";
import { readFile, writeFile } from "node:fs/promises";
import { PfifFormatError } from "../interop/pfif.ts";
import { exportPfif, importPfif } from "../interop/pfif-exchange.ts";
import type { PfifImportResult } from "../interop/pfif-exchange.ts";
import { importContext } from "./import-command.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

interface ExportOpts { party: string; out: string; domain?: string; data: string }
interface ImportOpts { party: string; data: string }

export function registerPfifCommands(program: Command): void {
  const pfif = program.command("pfif").description("PFIF 1.4 (People Finder Interchange Format) person and note records");
  pfif
    .command("export")
    .description("write the cases the party may see, as its view of them allows, as PFIF 1.4 persons with their notes")
    .requiredOption("--party <id>", "the exporting party")
    .requiredOption("--out <file.xml>", "where to write the document")
    .option("--domain <name>", "the domain of the record ids (default: PARTY.homeward.local)")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: ExportOpts, cmd: Command) => {
      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          if ((await store.parties.get(opts.party)) === null) fail(cmd, `unknown party "${opts.party}"`);
          const ctx = await importContext(store, opts.party);
          const out = await exportPfif(store, ctx, {
            domain: opts.domain ?? `${opts.party}.homeward.local`,
            onProgress: (done, total) => process.stderr.write(`exported ${done}/${total} cases\r`),
          });
          await writeFile(opts.out, out.xml);
          process.stdout.write(`\nWrote ${out.persons} person(s) and ${out.notes} note(s) to ${opts.out}.\n`);
        } finally {
          await store.close();
        }
      });
    });
  pfif
    .command("import")
    .argument("<file.xml>", "a PFIF 1.4 document (UTF-8)")
    .description("import PFIF 1.4 persons as the party's cases and their notes as case notes; re-importing adds nothing twice. Exit code 2 when records were rejected.")
    .requiredOption("--party <id>", "the party the cases belong to")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (file: string, opts: ImportOpts, cmd: Command) => {
      const store = await openCliStore(opts.data);
      await reportErrors(cmd, async () => {
        try {
          if ((await store.parties.get(opts.party)) === null) fail(cmd, `unknown party "${opts.party}"`);
          let text: string;
          try {
            text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(file));
          } catch (e) {
            fail(cmd, `${file}: ${e instanceof TypeError ? "not valid UTF-8 text" : (e as Error).message}`);
          }
          const ctx = await importContext(store, opts.party);
          let result: PfifImportResult;
          try {
            result = await importPfif(store, ctx, text);
          } catch (e) {
            if (e instanceof PfifFormatError) fail(cmd, `${file}: ${e.message}`);
            throw e;
          }
          for (const r of result.rejected) process.stderr.write(`rejected ${r.record}: ${r.problems.join("; ")}\n`);
          process.stdout.write(`Imported ${result.created} new case(s); ${result.existing} already imported; ${result.notesAdded} note(s) added; ${result.rejected.length} record(s) rejected.\n`);
          process.exitCode = result.rejected.length > 0 ? 2 : 0;
        } finally {
          await store.close();
        }
      });
    });
}
