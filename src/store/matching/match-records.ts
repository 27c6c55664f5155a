import type { CaseState, FamilyMember, PartyKind, PersonName, Separation, Sex } from "../../domain/index.ts";

// How a registry case becomes records for the matching model, and which of its fields the
// other party may see while verifying a candidate.

export type Side = "T" | "H";

/** The tracing side (families' reports, via the tracing authority or an NGO) or the holding side. */
export function sideOf(kind: PartyKind): Side | null {
  if (kind === "tracing-authority" || kind === "ngo") return "T";
  if (kind === "holding-authority") return "H";
  return null;
}

/** The side a case is matched on: its own (see case-side.ts), or its party's usual one for cases stored before sides were per case. */
export function caseSideOf(kind: PartyKind, state: Pick<CaseState, "side">): Side | null {
  if (sideOf(kind) === null) return null;
  const side = (state as Partial<CaseState>).side;
  if (side === "holding") return "H";
  if (side === "tracing") return "T";
  return sideOf(kind);
}

export type MatchRecord = Record<string, string | undefined>;

// A child renamed after deportation carries several names: each is compared, the best counts.
const MAX_VARIANTS = 6;

function personName(m: FamilyMember | undefined): string | undefined {
  if (!m) return undefined;
  const text = [m.given, m.family].filter((v) => v !== undefined && v !== "").join(" ");
  return text === "" ? undefined : text;
}

function sexValue(sex: Sex): string | undefined {
  return sex === "M" ? "m" : sex === "F" ? "f" : undefined;
}

/** One record per distinct name of the child, in the child preset's column layout. */
export function matchRecordsOf(state: CaseState): MatchRecord[] {
  const d = state.details;
  const mother = personName(d.family.find((m) => m.relation === "mother"));
  const father = personName(d.family.find((m) => m.relation === "father"));
  const seen = new Set<string>();
  const out: MatchRecord[] = [];
  for (const n of d.names) {
    const sig = `${n.given ?? ""}|${n.family ?? ""}|${n.patronymic ?? ""}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push({
      record_id: `${state.id}#${out.length}`,
      given_name: n.given,
      family_name: n.family,
      patronymic: n.patronymic,
      sex: sexValue(d.sex),
      birth_date: d.birthDate,
      birth_place: d.birthPlace,
      mother_name: mother,
      father_name: father,
    });
    if (out.length >= MAX_VARIANTS) break;
  }
  return out;
}

/** The case id a variant's record_id belongs to. */
export function caseIdOfRecord(recordId: string): string {
  const i = recordId.lastIndexOf("#");
  return i < 0 ? recordId : recordId.slice(0, i);
}

/**
 * What the other party sees of a record while verifying a candidate: names, sex, birth date and
 * place, a separation summary (no last known location) and the parents' names. Never contact
 * details, notes, health, consent or the child's views.
 */
export interface VerificationFields {
  caseId: string;
  names: { given?: string; family?: string; patronymic?: string; script: string; kind: string }[];
  sex: Sex;
  birthDate?: string;
  birthDateEstimated?: boolean;
  birthPlace?: string;
  separation?: { category: Separation["category"]; date?: string; place?: string };
  parents: { relation: "mother" | "father"; given?: string; family?: string; patronymic?: string }[];
}

function nameFields(n: PersonName) {
  const out: VerificationFields["names"][number] = { script: n.script, kind: n.kind };
  if (n.given !== undefined) out.given = n.given;
  if (n.family !== undefined) out.family = n.family;
  if (n.patronymic !== undefined) out.patronymic = n.patronymic;
  return out;
}

export function verificationFields(state: CaseState): VerificationFields {
  const d = state.details;
  const out: VerificationFields = { caseId: state.id, names: d.names.map(nameFields), sex: d.sex, parents: [] };
  if (d.birthDate !== undefined) out.birthDate = d.birthDate;
  if (d.birthDateEstimated !== undefined) out.birthDateEstimated = d.birthDateEstimated;
  if (d.birthPlace !== undefined) out.birthPlace = d.birthPlace;
  if (d.separation) {
    const s: NonNullable<VerificationFields["separation"]> = { category: d.separation.category };
    if (d.separation.date !== undefined) s.date = d.separation.date;
    if (d.separation.place !== undefined) s.place = d.separation.place;
    out.separation = s;
  }
  for (const m of d.family) {
    if (m.relation !== "mother" && m.relation !== "father") continue;
    const p: VerificationFields["parents"][number] = { relation: m.relation };
    if (m.given !== undefined) p.given = m.given;
    if (m.family !== undefined) p.family = m.family;
    if (m.patronymic !== undefined) p.patronymic = m.patronymic;
    out.parents.push(p);
  }
  return out;
}
