import { CaseInputSchema, CONSENT_GIVERS, RELATIONS, SEPARATION_CATEGORIES, SEXES } from "../domain/case-details.ts";
import type { CaseInput, FamilyMemberInput, PersonNameInput } from "../domain/case-details.ts";
import { isPartialDate } from "../domain/partial-date.ts";

// The column layout of `homeward import cases FILE.csv` (documented in docs/import-cases.md).
// Names match the matching engine's child-record preset where they overlap, so one export
// serves both. Every column but `record_id` and one of the names is optional.
export const CASE_CSV_COLUMNS = [
  "record_id",
  "given_name",
  "family_name",
  "patronymic",
  "name_lang",
  "new_given_name",
  "new_family_name",
  "sex",
  "birth_date",
  "birth_date_estimated",
  "birth_place",
  "separation_category",
  "separation_date",
  "separation_place",
  "last_known_location",
  "mother_name",
  "father_name",
  "guardian_relation",
  "guardian_name",
  "guardian_phone",
  "guardian_email",
  "guardian_address",
  "consent_tracing",
  "consent_sharing",
  "consent_given_by",
  "child_views",
  "notes",
] as const;
export type CaseCsvColumn = (typeof CASE_CSV_COLUMNS)[number];
export type CaseCsvRow = Partial<Record<CaseCsvColumn, string>>;

export type ParsedCaseRow =
  | { readonly ok: true; readonly recordId: string; readonly input: CaseInput }
  | { readonly ok: false; readonly reason: string };

export class CaseCsvHeaderError extends Error {}

/** Checks the header once, before any row: an unknown column is a typo that would silently drop data. */
export function checkCaseCsvHeader(header: readonly string[]): void {
  const known = new Set<string>(CASE_CSV_COLUMNS);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length > 0) {
    throw new CaseCsvHeaderError(`unknown column(s): ${unknown.join(", ")}; expected some of: ${CASE_CSV_COLUMNS.join(", ")}`);
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new CaseCsvHeaderError(`column ${h} appears twice`);
    seen.add(h);
  }
  if (!seen.has("record_id")) throw new CaseCsvHeaderError("the header needs a record_id column");
  if (!seen.has("given_name") && !seen.has("family_name")) {
    throw new CaseCsvHeaderError("the header needs a given_name or a family_name column");
  }
}

const SEX_ALIASES: Readonly<Record<string, (typeof SEXES)[number]>> = {
  m: "M", male: "M", ч: "M", м: "M",
  f: "F", female: "F", ж: "F",
  x: "X",
  unknown: "unknown", u: "unknown",
};

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "так", "да"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "ні", "нет"]);

class RowError extends Error {
  readonly column: string;
  constructor(column: string, message: string) {
    super(`${column}: ${message}`);
    this.column = column;
  }
}

function text(row: CaseCsvRow, column: CaseCsvColumn): string | undefined {
  const raw = row[column];
  if (raw === undefined) return undefined;
  const trimmed = raw.normalize("NFC").trim();
  return trimmed === "" ? undefined : trimmed;
}

function bool(row: CaseCsvRow, column: CaseCsvColumn): boolean | undefined {
  const value = text(row, column)?.toLowerCase();
  if (value === undefined) return undefined;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new RowError(column, `expected yes or no, got "${value}"`);
}

/** ISO partial dates, plus the DD.MM.YYYY form official documents on both sides use. */
export function csvDate(value: string, column: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}` : value;
  if (!isPartialDate(iso)) throw new RowError(column, `expected YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY (a real date), got "${value}"`);
  return iso;
}

function oneOf<T extends string>(row: CaseCsvRow, column: CaseCsvColumn, allowed: readonly T[]): T | undefined {
  const value = text(row, column)?.toLowerCase().replaceAll("_", "-");
  if (value === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === value);
  if (hit === undefined) throw new RowError(column, `expected one of ${allowed.join(", ")}, got "${value}"`);
  return hit;
}

/** "Given [Patronymic] Family": the first word is the given name, the last the family name. */
function personFromText(value: string): { given?: string; family?: string; patronymic?: string } {
  const words = value.split(/\s+/).filter(Boolean);
  if (words.length === 1) return { given: words[0]! };
  if (words.length === 2) return { given: words[0]!, family: words[1]! };
  return { given: words[0]!, patronymic: words.slice(1, -1).join(" "), family: words[words.length - 1]! };
}

function buildInput(row: CaseCsvRow): CaseInput {
  const lang = text(row, "name_lang");
  const names: PersonNameInput[] = [];
  const given = text(row, "given_name");
  const familyName = text(row, "family_name");
  const patronymic = text(row, "patronymic");
  if (given === undefined && familyName === undefined) throw new RowError("given_name", "a given_name or a family_name is required");
  names.push({
    ...(given === undefined ? {} : { given }),
    ...(familyName === undefined ? {} : { family: familyName }),
    ...(patronymic === undefined ? {} : { patronymic }),
    ...(lang === undefined ? {} : { lang }),
    kind: "birth",
  });
  const newGiven = text(row, "new_given_name");
  const newFamily = text(row, "new_family_name");
  if (newGiven !== undefined || newFamily !== undefined) {
    names.push({
      given: newGiven ?? given,
      family: newFamily ?? familyName,
      ...(lang === undefined ? {} : { lang }),
      kind: "new-after-deportation",
    });
  }

  const sexText = text(row, "sex")?.toLowerCase();
  let sex: (typeof SEXES)[number] = "unknown";
  if (sexText !== undefined) {
    const mapped = SEX_ALIASES[sexText];
    if (mapped === undefined) throw new RowError("sex", `expected M, F, X or unknown, got "${sexText}"`);
    sex = mapped;
  }

  const input: CaseInput = { names, sex };
  const birthDate = text(row, "birth_date");
  if (birthDate !== undefined) input.birthDate = csvDate(birthDate, "birth_date");
  const estimated = bool(row, "birth_date_estimated");
  if (estimated !== undefined) input.birthDateEstimated = estimated;
  const birthPlace = text(row, "birth_place");
  if (birthPlace !== undefined) input.birthPlace = birthPlace;

  const category = oneOf(row, "separation_category", SEPARATION_CATEGORIES);
  const sepDate = text(row, "separation_date");
  const sepPlace = text(row, "separation_place");
  const lastKnown = text(row, "last_known_location");
  if (category !== undefined || sepDate !== undefined || sepPlace !== undefined || lastKnown !== undefined) {
    input.separation = {
      category: category ?? "other",
      ...(sepDate === undefined ? {} : { date: csvDate(sepDate, "separation_date") }),
      ...(sepPlace === undefined ? {} : { place: sepPlace }),
      ...(lastKnown === undefined ? {} : { lastKnownLocation: lastKnown }),
    };
  }

  const family: FamilyMemberInput[] = [];
  const mother = text(row, "mother_name");
  if (mother !== undefined) family.push({ relation: "mother", ...personFromText(mother) });
  const father = text(row, "father_name");
  if (father !== undefined) family.push({ relation: "father", ...personFromText(father) });
  const guardianName = text(row, "guardian_name");
  const phone = text(row, "guardian_phone");
  const email = text(row, "guardian_email");
  const address = text(row, "guardian_address");
  const relation = oneOf(row, "guardian_relation", RELATIONS);
  if (guardianName !== undefined || phone !== undefined || email !== undefined || address !== undefined || relation !== undefined) {
    const contact = {
      ...(phone === undefined ? {} : { phone }),
      ...(email === undefined ? {} : { email }),
      ...(address === undefined ? {} : { address }),
    };
    family.push({
      relation: relation ?? "legal-guardian",
      ...(guardianName === undefined ? {} : personFromText(guardianName)),
      legalGuardian: true,
      ...(Object.keys(contact).length > 0 ? { contact } : {}),
    });
  }
  if (family.length > 0) input.family = family;

  const forTracing = bool(row, "consent_tracing");
  const forSharing = bool(row, "consent_sharing");
  const givenBy = oneOf(row, "consent_given_by", CONSENT_GIVERS);
  if (forTracing !== undefined || forSharing !== undefined || givenBy !== undefined) {
    if (givenBy === undefined) throw new RowError("consent_given_by", "say who gave the consent: guardian or person");
    input.consent = { forTracing: forTracing ?? false, forSharing: forSharing ?? false, givenBy };
  }
  const views = text(row, "child_views");
  if (views !== undefined) input.childViews = views;
  const notes = text(row, "notes");
  if (notes !== undefined) input.notes = notes;
  return input;
}

// Maps a domain field path back to the CSV column a caseworker can fix.
const FIELD_TO_COLUMN: readonly (readonly [RegExp, CaseCsvColumn])[] = [
  [/^names\.0\.given/, "given_name"],
  [/^names\.0\.family/, "family_name"],
  [/^names\.0\.patronymic/, "patronymic"],
  [/^names\.0\.lang/, "name_lang"],
  [/^names\.1\.given/, "new_given_name"],
  [/^names\.1\.family/, "new_family_name"],
  [/^names\.0/, "given_name"],
  [/^birthPlace/, "birth_place"],
  [/^separation\.place/, "separation_place"],
  [/^separation\.lastKnownLocation/, "last_known_location"],
  [/^family\.\d+\.contact\.email/, "guardian_email"],
  [/^family\.\d+\.contact\.phone/, "guardian_phone"],
  [/^family\.\d+\.contact\.address/, "guardian_address"],
  [/^childViews/, "child_views"],
  [/^notes/, "notes"],
];

function columnFor(path: string): string {
  return FIELD_TO_COLUMN.find(([re]) => re.test(path))?.[1] ?? path;
}

/** Turns one CSV record into a case input, or says which column is wrong and why. Never throws. */
export function parseCaseCsvRow(row: CaseCsvRow): ParsedCaseRow {
  const recordId = text(row, "record_id");
  if (recordId === undefined) return { ok: false, reason: "record_id: required (it makes re-importing the file safe)" };
  if (recordId.length > 100) return { ok: false, reason: "record_id: at most 100 characters" };
  let input: CaseInput;
  try {
    input = buildInput(row);
  } catch (e) {
    if (e instanceof RowError) return { ok: false, reason: e.message };
    throw e;
  }
  const checked = CaseInputSchema.safeParse(input);
  if (!checked.success) {
    const reason = checked.error.issues.map((i) => `${columnFor(i.path.join("."))}: ${i.message}`).join("; ");
    return { ok: false, reason };
  }
  return { ok: true, recordId, input };
}

/** The client id of an imported row: the same record id of the same party is the same case. */
export function importClientId(recordId: string): string {
  return `csv-import:${recordId}`;
}
