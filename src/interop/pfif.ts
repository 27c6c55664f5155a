import { XMLBuilder, XMLParser } from "fast-xml-parser";

/** The XML namespace of PFIF 1.4 (People Finder Interchange Format). */
export const PFIF_NS = "http://zesty.ca/pfif/1.4";

// Field order as the specification lists them; writers keep it, readers accept any order.
export const PERSON_FIELDS = [
  "person_record_id", "entry_date", "expiry_date", "author_name", "author_email", "author_phone",
  "source_name", "source_date", "source_url", "full_name", "given_name", "family_name",
  "alternate_names", "description", "sex", "date_of_birth", "age", "home_street",
  "home_neighborhood", "home_city", "home_state", "home_postal_code", "home_country", "photo_url",
  "profile_urls",
] as const;
export const NOTE_FIELDS = [
  "note_record_id", "person_record_id", "linked_person_record_id", "entry_date", "author_name",
  "author_email", "author_phone", "source_date", "author_made_contact", "status",
  "email_of_found_person", "phone_of_found_person", "last_known_location", "text", "photo_url",
] as const;
export const NOTE_STATUSES = ["information_sought", "is_note_author", "believed_alive", "believed_missing", "believed_dead"] as const;

export type PfifPerson = Partial<Record<(typeof PERSON_FIELDS)[number], string>>;
export type PfifNote = Partial<Record<(typeof NOTE_FIELDS)[number], string>>;

export interface PfifDocument {
  readonly persons: readonly PfifPerson[];
  /** Notes, each naming its person by person_record_id; written nested in that person when present. */
  readonly notes: readonly PfifNote[];
}

/** A record the reader refused: which one (by position and id) and every problem it has. */
export interface PfifProblem {
  readonly record: string;
  readonly problems: readonly string[];
}

export class PfifFormatError extends Error {}

const RECORD_ID = /^[A-Za-z0-9.-]+\/\S+$/;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const BIRTH = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function checkPerson(p: PfifPerson): string[] {
  const out: string[] = [];
  if (!p.person_record_id) out.push("person_record_id: required");
  else if (!RECORD_ID.test(p.person_record_id)) out.push(`person_record_id: expected domain/unique_id, got "${p.person_record_id}"`);
  if (!p.full_name && !p.given_name && !p.family_name) out.push("full_name: required (or given_name / family_name)");
  for (const f of ["entry_date", "expiry_date", "source_date"] as const) {
    if (p[f] !== undefined && !UTC_TIME.test(p[f])) out.push(`${f}: expected YYYY-MM-DDThh:mm:ssZ (UTC), got "${p[f]}"`);
  }
  if (p.sex !== undefined && !["female", "male", "other"].includes(p.sex)) out.push(`sex: expected female, male or other, got "${p.sex}"`);
  if (p.date_of_birth !== undefined && !BIRTH.test(p.date_of_birth)) out.push(`date_of_birth: expected YYYY, YYYY-MM or YYYY-MM-DD, got "${p.date_of_birth}"`);
  if (p.age !== undefined && !/^\d{1,3}(-\d{1,3})?$/.test(p.age)) out.push(`age: expected a number or a range like 10-12, got "${p.age}"`);
  return out;
}

function checkNote(n: PfifNote): string[] {
  const out: string[] = [];
  if (!n.note_record_id) out.push("note_record_id: required");
  else if (!RECORD_ID.test(n.note_record_id)) out.push(`note_record_id: expected domain/unique_id, got "${n.note_record_id}"`);
  if (!n.person_record_id) out.push("person_record_id: required");
  if (n.linked_person_record_id !== undefined && !RECORD_ID.test(n.linked_person_record_id)) {
    out.push(`linked_person_record_id: expected domain/unique_id, got "${n.linked_person_record_id}"`);
  }
  if (!n.text) out.push("text: required");
  for (const f of ["entry_date", "source_date"] as const) {
    if (n[f] !== undefined && !UTC_TIME.test(n[f])) out.push(`${f}: expected YYYY-MM-DDThh:mm:ssZ (UTC), got "${n[f]}"`);
  }
  if (n.status !== undefined && !(NOTE_STATUSES as readonly string[]).includes(n.status)) out.push(`status: expected one of ${NOTE_STATUSES.join(", ")}, got "${n.status}"`);
  if (n.author_made_contact !== undefined && !["true", "false"].includes(n.author_made_contact)) out.push(`author_made_contact: expected true or false, got "${n.author_made_contact}"`);
  return out;
}

function fieldsOf<K extends string>(node: unknown, fields: readonly K[], prefix: string): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  if (node === null || typeof node !== "object") return out;
  const rec = node as Record<string, unknown>;
  for (const f of fields) {
    const v = rec[`${prefix}${f}`];
    const text = Array.isArray(v) ? v[0] : v;
    if (typeof text === "string" || typeof text === "number" || typeof text === "boolean") {
      const trimmed = String(text).trim();
      if (trimmed !== "") out[f] = trimmed;
    }
  }
  return out;
}

function asList(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Reads a PFIF 1.4 document (any namespace prefix; the root must be in the PFIF 1.4 namespace).
 * Records with problems are returned apart, each with every problem; XML that is not a PFIF 1.4
 * document at all is a PfifFormatError. Notes nested in a person take its person_record_id.
 */
export function readPfif(xml: string): PfifDocument & { readonly rejected: readonly PfifProblem[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false });
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(xml, true) as Record<string, unknown>;
  } catch (e) {
    throw new PfifFormatError(`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const rootKey = Object.keys(tree).find((k) => k === "pfif" || k.endsWith(":pfif"));
  if (rootKey === undefined) throw new PfifFormatError("the root element must be pfif");
  const root = tree[rootKey];
  if (root === null || typeof root !== "object") throw new PfifFormatError("the pfif element is empty");
  const prefix = rootKey.includes(":") ? `${rootKey.split(":")[0]}:` : "";
  const nsAttr = prefix === "" ? "@xmlns" : `@xmlns:${prefix.slice(0, -1)}`;
  const ns = String((root as Record<string, unknown>)[nsAttr] ?? "").replace(/\/$/, "");
  if (ns !== PFIF_NS) throw new PfifFormatError(`expected the PFIF 1.4 namespace ${PFIF_NS}, got "${ns}"`);

  const persons: PfifPerson[] = [];
  const notes: PfifNote[] = [];
  const rejected: PfifProblem[] = [];
  const rootRec = root as Record<string, unknown>;
  const takeNote = (node: unknown, where: string, personId?: string) => {
    const note = fieldsOf(node, NOTE_FIELDS, prefix);
    if (personId !== undefined && note.person_record_id === undefined) note.person_record_id = personId;
    if (personId !== undefined && note.person_record_id !== personId) {
      rejected.push({ record: `${where} (${note.note_record_id ?? "no id"})`, problems: [`person_record_id: "${note.person_record_id}" differs from the enclosing person's "${personId}"`] });
      return;
    }
    const problems = checkNote(note);
    if (problems.length > 0) rejected.push({ record: `${where} (${note.note_record_id ?? "no id"})`, problems });
    else notes.push(note);
  };
  asList(rootRec[`${prefix}person`]).forEach((node, i) => {
    const person = fieldsOf(node, PERSON_FIELDS, prefix);
    const where = `person ${i + 1}`;
    const problems = checkPerson(person);
    if (problems.length > 0) rejected.push({ record: `${where} (${person.person_record_id ?? "no id"})`, problems });
    else persons.push(person);
    const nested = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[`${prefix}note`] : undefined;
    asList(nested).forEach((n, j) => takeNote(n, `${where}, note ${j + 1}`, person.person_record_id ?? ""));
  });
  asList(rootRec[`${prefix}note`]).forEach((n, j) => takeNote(n, `note ${j + 1}`));
  return { persons, notes, rejected };
}

/** Writes a PFIF 1.4 document: notes nested in their person when it is in the document. */
export function writePfif(doc: PfifDocument): string {
  const personIds = new Set(doc.persons.map((p) => p.person_record_id));
  const ordered = <K extends string>(rec: Partial<Record<K, string>>, fields: readonly K[]) =>
    Object.fromEntries(fields.filter((f) => rec[f] !== undefined).map((f) => [`pfif:${f}`, rec[f]]));
  const persons = doc.persons.map((p) => {
    const mine = doc.notes.filter((n) => n.person_record_id === p.person_record_id);
    return { ...ordered(p, PERSON_FIELDS), ...(mine.length > 0 ? { "pfif:note": mine.map((n) => ordered(n, NOTE_FIELDS)) } : {}) };
  });
  const loose = doc.notes.filter((n) => !personIds.has(n.person_record_id)).map((n) => ordered(n, NOTE_FIELDS));
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, indentBy: "  ", suppressEmptyNode: true });
  const body = builder.build({
    "pfif:pfif": { "@xmlns:pfif": PFIF_NS, ...(persons.length > 0 ? { "pfif:person": persons } : {}), ...(loose.length > 0 ? { "pfif:note": loose } : {}) },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
