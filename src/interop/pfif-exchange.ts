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
  // The ids first: a link to another record leaves only when that record is exported too.
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.cases.list(ctx, { limit: 500, offset });
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < 500) break;
  }
  // A record imported with an expiry_date is not passed on once it has expired; before, its
  // expiry goes with it.
  const expiries = await store.pfifRecords.expiries(ids);
  const expired = (id: string) => expiries.has(id) && Date.parse(expiries.get(id)!) <= now.getTime();
  const visible = new Set(ids.filter((id) => !expired(id)));
  for (const [i, id] of ids.entries()) {
    const view = visible.has(id) ? await store.cases.get(ctx, id) : null;
    if (view !== null) {
      const history = await store.cases.history(ctx, id);
      const out = caseToPfif(view, history, { domain: opts.domain, sourceName: `Homeward (${ctx.partyId})`, now, mayLink: (other) => visible.has(other) });
      const expiry = expiries.get(id);
      persons.push(expiry === undefined ? out.person : { ...out.person, expiry_date: `${expiry.slice(0, 19)}Z` });
      notes.push(...out.notes);
    }
    if ((i + 1) % 500 === 0 || i + 1 === ids.length) opts.onProgress?.(i + 1, ids.length);
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

export const PFIF_LINK_MARK = "[PFIF link]";

/**
 * A note's linked_person_record_id says its author believes two records are the same person. From
 * a feed that is a claim, not a decision: it is kept on the case as a flag naming the other case,
 * for a person to review (and mark one record a duplicate of the other if so), never as a merge.
 * The linked record must be one this import holds: a link to a record Homeward does not have
 * could not be reviewed.
 */
function linkOf(n: PfifNote, caseId: string, caseOf: ReadonlyMap<string, string>): { ok: true; text: string } | { ok: false; problem: string } {
  const linkedId = n.linked_person_record_id;
  if (linkedId === undefined) return { ok: true, text: "" };
  const linked = caseOf.get(linkedId);
  if (linked === undefined) return { ok: false, problem: `linked_person_record_id: "${linkedId}" is not a person imported from this file; a link is kept only between records Homeward holds` };
  if (linked === caseId) return { ok: false, problem: "linked_person_record_id: links the person to itself" };
  return { ok: true, text: `\n\n${PFIF_LINK_MARK} The note's author believes this record and person record ${linkedId} (case ${linked}) are the same child. Review both; mark one a duplicate of the other if they are.` };
}

/**
 * Imports persons as cases of the party and their notes as notes on those cases, each
 * idempotent by its PFIF record id. Expired persons and records with problems are reported,
 * never imported; a note linking two persons of the file is kept as a flag for review (see linkOf).
 */
export async function importPfif(store: Store, ctx: RequestContext, xml: string, now = new Date()): Promise<PfifImportResult> {
  const doc = readPfif(xml);
  const rejected: PfifProblem[] = [...doc.rejected];
  const today = now.toISOString().slice(0, 10);
  const rows: ImportRow[] = [];
  const recordOf: string[] = [];
  const expiryOf = new Map<string, string>();
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
    if (p.expiry_date !== undefined) expiryOf.set(id, p.expiry_date);
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
    await store.pfifRecords.remember(ctx, result.ids.map((caseId, j) => {
      const expiryDate = expiryOf.get(recordOf[i + j]!);
      return { caseId, recordId: recordOf[i + j]!, ...(expiryDate === undefined ? {} : { expiryDate }) };
    }));
  }
  let notesAdded = 0;
  for (const n of doc.notes) {
    const where = `note ${n.note_record_id}`;
    const caseId = caseOf.get(n.person_record_id!);
    if (caseId === undefined) {
      rejected.push({ record: where, problems: [`person_record_id: "${n.person_record_id}" is not a person imported from this file`] });
      continue;
    }
    const link = linkOf(n, caseId, caseOf);
    if (!link.ok) {
      rejected.push({ record: where, problems: [link.problem] });
      continue;
    }
    if (n.note_record_id!.length > MAX_ID) {
      rejected.push({ record: where, problems: [`note_record_id: longer than ${MAX_ID} characters`] });
      continue;
    }
    const result = await store.cases.appendAction(ctx, caseId, { type: "add-note", text: `${n.text!}${link.text}` }, { clientId: `pfif-note:${n.note_record_id}` });
    if (!result.replayed) notesAdded++;
  }
  return { created, existing, notesAdded, rejected };
}

