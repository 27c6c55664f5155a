import type { Command } from "commander";
import { readFile, writeFile } from "node:fs/promises";
import { PfifFormatError, readPfif, writePfif } from "../interop/pfif.ts";
import type { PfifNote, PfifPerson, PfifProblem } from "../interop/pfif.ts";
import { caseToPfif, isExpired, pfifToCaseInput } from "../interop/pfif-case.ts";
import type { ImportRow, RequestContext, Store } from "../store/index.ts";
import { importContext } from "./import-command.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

export interface PfifExportOptions {
  readonly domain: string;
  readonly now?: Date;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Every case the party may see, as its view of it allows (each read logged by the store). */
export async function exportPfif(store: Store, ctx: RequestContext, opts: PfifExportOptions): Promise<{ xml: string; persons: number; notes: number }> {
  const now = opts.now ?? new Date();
  const persons: PfifPerson[] = [];
  const notes: PfifNote[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.cases.list(ctx, { limit: 500, offset });
    for (const summary of page.items) {
      const view = await store.cases.get(ctx, summary.id);
      if (view === null) continue;
      const history = await store.cases.history(ctx, summary.id);
      const out = caseToPfif(view, history, { domain: opts.domain, sourceName: `Homeward (${ctx.partyId})`, now });
      persons.push(out.person);
      notes.push(...out.notes);
    }
    opts.onProgress?.(Math.min(offset + page.items.length, page.total), page.total);
    if (page.items.length < 500) break;
  }
  return { xml: writePfif({ persons, notes }), persons: persons.length, notes: notes.length };
}

export interface PfifImportResult {
  created: number;
  existing: number;
  notesAdded: number;
  rejected: PfifProblem[];
}

const MAX_ID = 190;

/**
 * Imports persons as cases of the party and their notes as notes on those cases, each
 * idempotent by its PFIF record id. Expired persons and records with problems are reported,
 * never imported; a note links to another person (a match claim) is reported, not recorded.
 */
export async function importPfif(store: Store, ctx: RequestContext, xml: string, now = new Date()): Promise<PfifImportResult> {
  const doc = readPfif(xml);
  const rejected: PfifProblem[] = [...doc.rejected];
  const today = now.toISOString().slice(0, 10);
  const rows: ImportRow[] = [];
  const recordOf: string[] = [];
  for (const p of doc.persons) {
    const id = p.person_record_id!;
    if (isExpired(p, now)) {
      rejected.push({ record: `person ${id}`, problems: [`expiry_date: expired on ${p.expiry_date}; an expired record is not kept`] });
      continue;
    }
    if (id.length > MAX_ID) {
      rejected.push({ record: `person ${id.slice(0, 40)}…`, problems: [`person_record_id: longer than ${MAX_ID} characters`] });
      continue;
    }
    const parsed = pfifToCaseInput(p, today);
    if (!parsed.ok) {
      rejected.push({ record: `person ${id}`, problems: parsed.problems });
      continue;
    }
    rows.push({ clientId: `pfif:${id}`, input: parsed.input });
    recordOf.push(id);
  }
  const caseOf = new Map<string, string>();
  let created = 0;
  let existing = 0;
  for (let i = 0; i < rows.length; i += 2000) {
    const result = await store.cases.importBatch(ctx, rows.slice(i, i + 2000));
    created += result.created;
    existing += result.existing;
    result.ids.forEach((caseId, j) => caseOf.set(recordOf[i + j]!, caseId));
  }
  let notesAdded = 0;
  for (const n of doc.notes) {
    const where = `note ${n.note_record_id}`;
    const caseId = caseOf.get(n.person_record_id!);
    if (caseId === undefined) {
      rejected.push({ record: where, problems: [`person_record_id: "${n.person_record_id}" is not a person imported from this file`] });
      continue;
    }
    if (n.linked_person_record_id !== undefined) {
      rejected.push({ record: where, problems: ["linked_person_record_id: links between records are decided by matching in Homeward, not imported"] });
      continue;
    }
    if (n.note_record_id!.length > MAX_ID) {
      rejected.push({ record: where, problems: [`note_record_id: longer than ${MAX_ID} characters`] });
      continue;
    }
    const result = await store.cases.appendAction(ctx, caseId, { type: "add-note", text: n.text! }, { clientId: `pfif-note:${n.note_record_id}` });
    if (!result.replayed) notesAdded++;
  }
  return { created, existing, notesAdded, rejected };
}

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
