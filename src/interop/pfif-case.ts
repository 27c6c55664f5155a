import type { CaseInput, PersonNameInput, Sex } from "../domain/case-details.ts";
import type { CaseView, HistoryEntry } from "../domain/case-view.ts";
import { isPartialDate } from "../domain/partial-date.ts";
import type { PfifNote, PfifPerson } from "./pfif.ts";

// What a case and a PFIF person record share: the child's name at birth (full name, given,
// family, the patronymic as the middle of the full name), sex, date of birth; and a case's
// notes as PFIF notes. Nothing else leaves: contact details, caseworker notes' authors' users,
// consent and separation stay in the registry.

const SEX_TO_PFIF: Readonly<Partial<Record<Sex, string>>> = { M: "male", F: "female", X: "other" };
const SEX_FROM_PFIF: Readonly<Record<string, Sex>> = { male: "M", female: "F", other: "X" };

/** Record ids are domain/unique_id; a party writes under its own domain. */
export function personRecordId(domain: string, caseId: string): string {
  return `${domain}/case.${caseId}`;
}

function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}

// PFIF links two person records believed to be the same person by a note naming the other in
// linked_person_record_id. A case links to the other party's case for the same child once both
// sides accepted the match, and to the case it duplicates; the link leaves only when the
// exporting party may see the other record too (else its id would say what it may not see).
function linkNotes(view: CaseView, id: string, opts: { domain: string; now: Date; mayLink: (caseId: string) => boolean }): PfifNote[] {
  const links: [string | undefined, string, string][] = [
    [view.linkedCase, "matched", "Both parties accepted the match: these records are the same child."],
    [view.duplicateOf, "duplicate", "This record is a duplicate of the linked record."],
  ];
  return links
    .filter(([other]) => other !== undefined && other !== view.id && opts.mayLink(other))
    .map(([other, kind, text]) => ({
      note_record_id: `${opts.domain}/case.${view.id}.${kind}`,
      person_record_id: id,
      linked_person_record_id: personRecordId(opts.domain, other!),
      entry_date: utc(opts.now.toISOString()),
      source_date: utc(view.updatedAt),
      text,
    }));
}

/** The case as the exporting party sees it (its view already applied by the store). */
export function caseToPfif(
  view: CaseView,
  history: readonly HistoryEntry[],
  opts: { domain: string; sourceName: string; now: Date; mayLink?: (caseId: string) => boolean },
): { person: PfifPerson; notes: PfifNote[] } {
  const name = view.names.find((n) => n.kind === "birth") ?? view.names[0];
  const id = personRecordId(opts.domain, view.id);
  const full = name === undefined ? undefined : [name.given, name.patronymic, name.family].filter((x) => x !== undefined).join(" ");
  const person: PfifPerson = {
    person_record_id: id,
    entry_date: utc(opts.now.toISOString()),
    source_name: opts.sourceName,
    source_date: utc(view.updatedAt),
    ...(full ? { full_name: full } : {}),
    ...(name?.given ? { given_name: name.given } : {}),
    ...(name?.family ? { family_name: name.family } : {}),
    ...(SEX_TO_PFIF[view.sex] ? { sex: SEX_TO_PFIF[view.sex] } : {}),
    ...(view.birthDate ? { date_of_birth: view.birthDate } : {}),
  };
  const notes: PfifNote[] = [];
  for (const h of history) {
    if (h.action?.type !== "add-note") continue;
    notes.push({
      note_record_id: `${opts.domain}/case.${view.id}.${h.sequence}`,
      person_record_id: id,
      entry_date: utc(opts.now.toISOString()),
      author_name: h.actor.partyId,
      source_date: utc(h.at),
      text: h.action.text,
    });
  }
  notes.push(...linkNotes(view, id, { domain: opts.domain, now: opts.now, mayLink: opts.mayLink ?? (() => false) }));
  return { person, notes };
}

/** A PFIF person as a case's details, or every problem that keeps it out. */
export function pfifToCaseInput(p: PfifPerson, today: string): { ok: true; input: CaseInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  let given = p.given_name;
  let family = p.family_name;
  let patronymic: string | undefined;
  const words = (p.full_name ?? "").split(/\s+/).filter(Boolean);
  if (given === undefined && family === undefined && words.length > 0) {
    given = words[0];
    if (words.length > 1) family = words[words.length - 1];
    if (words.length > 2) patronymic = words.slice(1, -1).join(" ");
  } else if (words.length > 2 && words[0] === given && words[words.length - 1] === family) {
    patronymic = words.slice(1, -1).join(" ");
  }
  const name: PersonNameInput = { ...(given ? { given } : {}), ...(family ? { family } : {}), ...(patronymic ? { patronymic } : {}) };
  if (!name.given && !name.family) problems.push("full_name: no name to record");
  const input: CaseInput = { names: [name], sex: p.sex === undefined ? "unknown" : SEX_FROM_PFIF[p.sex] ?? "unknown" };
  if (p.date_of_birth !== undefined) {
    if (!isPartialDate(p.date_of_birth)) problems.push(`date_of_birth: not a real date: "${p.date_of_birth}"`);
    else if (p.date_of_birth.slice(0, 10) > today) problems.push(`date_of_birth: in the future: "${p.date_of_birth}"`);
    else input.birthDate = p.date_of_birth;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}

/** PFIF's expiry_date: a record past it is to be deleted, so it is never imported. */
export function isExpired(p: PfifPerson, now: Date): boolean {
  return p.expiry_date !== undefined && Date.parse(p.expiry_date) <= now.getTime();
}
