import { readPfif, writePfif } from "./pfif.ts";
import type { PfifNote, PfifPerson, PfifProblem } from "./pfif.ts";
import { caseToPfif, isExpired, pfifToCaseInput } from "./pfif-case.ts";
import type { ImportRow, RequestContext, Store } from "../store/index.ts";

// PFIF 1.4 in and out of the store, through the caller's request context: the store's policy
// decides what each party sees, and logs every read; the CLI and the HTTP API share this.

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

