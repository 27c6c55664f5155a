import { CaseInputSchema, CONSENT_GIVERS, RELATIONS, SEPARATION_CATEGORIES, SEXES } from "../domain/case-details.ts";
import type { CaseInput, FamilyMemberInput, PersonNameInput } from "../domain/case-details.ts";
import { mapHeader } from "./column-mapping.ts";
import { unsafeTextReason } from "../domain/safe-text.ts";
import { dateProblems, parseLocalDate } from "./local-date.ts";
import type { DateOrder } from "./local-date.ts";

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
  | { readonly ok: false; readonly reason: string; readonly problems: readonly string[] };

export { HeaderError as CaseCsvHeaderError } from "./column-mapping.ts";

/** Checks the header once, before any row: an unknown column is a typo that would silently drop data. */
export function checkCaseCsvHeader(header: readonly string[]): void {
  mapHeader(header, CASE_CSV_COLUMNS, undefined, { all: ["record_id"], oneOf: ["given_name", "family_name"] });
}

const SEX_ALIASES: Readonly<Record<string, (typeof SEXES)[number]>> = {
  m: "M", male: "M", ч: "M", м: "M", чол: "M", муж: "M",
  f: "F", female: "F", ж: "F", жін: "F", жен: "F",
  x: "X",
  unknown: "unknown", u: "unknown",
};

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "так", "да"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "ні", "нет"]);

export interface CaseRowOptions {
  /** The day imports are checked against (birth dates after it are refused), YYYY-MM-DD. */
  readonly today?: string;
  /** Day and month order of dates like 03.07.2014 (default: day first). */
  readonly dateOrder?: DateOrder;
}

/** Every problem of a row, each naming its column, so one pass over the reject file fixes them all. */
class Problems {
  readonly list: string[] = [];
  readonly columns = new Set<string>();
  add(column: string, message: string): undefined {
    if (!this.columns.has(column)) this.list.push(`${column}: ${message}`);
    this.columns.add(column);
    return undefined;
  }
}

function text(row: CaseCsvRow, column: CaseCsvColumn): string | undefined {
  const raw = row[column];
  if (raw === undefined) return undefined;
  const trimmed = raw.normalize("NFC").trim();
  return trimmed === "" ? undefined : trimmed;
}

function bool(row: CaseCsvRow, column: CaseCsvColumn, problems: Problems): boolean | undefined {
  const value = text(row, column)?.toLowerCase();
  if (value === undefined) return undefined;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return problems.add(column, `expected yes or no, got "${value}"`);
}

const DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY, MM.YYYY or \"7 березня 2014\" (a real date)";

/** ISO partial dates, plus the local forms official documents on both sides use; throws when neither. */
export function csvDate(value: string, column: string, order: DateOrder = "dmy"): string {
  const iso = parseLocalDate(value, order);
  if (iso === undefined) throw new Error(`${column}: expected ${DATE_FORMS}, got "${value}"`);
  return iso;
}

function dateIn(row: CaseCsvRow, column: CaseCsvColumn, problems: Problems, order: DateOrder): string | undefined {
  const value = text(row, column);
  if (value === undefined) return undefined;
  return parseLocalDate(value, order) ?? problems.add(column, `expected ${DATE_FORMS}, got "${value}"`);
}

function oneOf<T extends string>(row: CaseCsvRow, column: CaseCsvColumn, allowed: readonly T[], problems: Problems): T | undefined {
  const value = text(row, column)?.toLowerCase().replaceAll("_", "-");
  if (value === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === value);
  return hit ?? problems.add(column, `expected one of ${allowed.join(", ")}, got "${value}"`);
}

/** "Given [Patronymic] Family": the first word is the given name, the last the family name. */
function personFromText(value: string): { given?: string; family?: string; patronymic?: string } {
  const words = value.split(/\s+/).filter(Boolean);
  if (words.length === 1) return { given: words[0]! };
  if (words.length === 2) return { given: words[0]!, family: words[1]! };
  return { given: words[0]!, patronymic: words.slice(1, -1).join(" "), family: words[words.length - 1]! };
}

function namesOf(row: CaseCsvRow, problems: Problems): PersonNameInput[] {
  const lang = text(row, "name_lang");
  const names: PersonNameInput[] = [];
  const given = text(row, "given_name");
  const familyName = text(row, "family_name");
  const patronymic = text(row, "patronymic");
  if (given === undefined && familyName === undefined) problems.add("given_name", "a given_name or a family_name is required");
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
  return names;
}

function familyOf(row: CaseCsvRow, problems: Problems): FamilyMemberInput[] {
  const family: FamilyMemberInput[] = [];
  const mother = text(row, "mother_name");
  if (mother !== undefined) family.push({ relation: "mother", ...personFromText(mother) });
  const father = text(row, "father_name");
  if (father !== undefined) family.push({ relation: "father", ...personFromText(father) });
  const guardianName = text(row, "guardian_name");
  const phone = text(row, "guardian_phone");
  const email = text(row, "guardian_email");
  const address = text(row, "guardian_address");
  const relation = oneOf(row, "guardian_relation", RELATIONS, problems);
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
  return family;
}

function buildInput(row: CaseCsvRow, problems: Problems, order: DateOrder): CaseInput {
  const names = namesOf(row, problems);
  const sexText = text(row, "sex")?.toLowerCase();
  let sex: (typeof SEXES)[number] = "unknown";
  if (sexText !== undefined) {
    const mapped = SEX_ALIASES[sexText.replace(/\.$/, "")];
    if (mapped === undefined) problems.add("sex", `expected M, F, X or unknown, got "${sexText}"`);
    else sex = mapped;
  }

  const input: CaseInput = { names, sex };
  const birthDate = dateIn(row, "birth_date", problems, order);
  if (birthDate !== undefined) input.birthDate = birthDate;
  const estimated = bool(row, "birth_date_estimated", problems);
  if (estimated !== undefined) input.birthDateEstimated = estimated;
  const birthPlace = text(row, "birth_place");
  if (birthPlace !== undefined) input.birthPlace = birthPlace;

  const category = oneOf(row, "separation_category", SEPARATION_CATEGORIES, problems);
  const sepDate = dateIn(row, "separation_date", problems, order);
  const sepPlace = text(row, "separation_place");
  const lastKnown = text(row, "last_known_location");
  if (category !== undefined || sepDate !== undefined || sepPlace !== undefined || lastKnown !== undefined) {
    input.separation = {
      category: category ?? "other",
      ...(sepDate === undefined ? {} : { date: sepDate }),
      ...(sepPlace === undefined ? {} : { place: sepPlace }),
      ...(lastKnown === undefined ? {} : { lastKnownLocation: lastKnown }),
    };
  }

  const family = familyOf(row, problems);
  if (family.length > 0) input.family = family;

  const forTracing = bool(row, "consent_tracing", problems);
  const forSharing = bool(row, "consent_sharing", problems);
  const givenBy = oneOf(row, "consent_given_by", CONSENT_GIVERS, problems);
  const anyConsent = ["consent_tracing", "consent_sharing", "consent_given_by"].some((c) => text(row, c as CaseCsvColumn) !== undefined);
  if (anyConsent) {
    if (givenBy === undefined) {
      if (!problems.columns.has("consent_given_by")) problems.add("consent_given_by", "say who gave the consent: guardian or person");
    } else input.consent = { forTracing: forTracing ?? false, forSharing: forSharing ?? false, givenBy };
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
  [/^birthDate/, "birth_date"],
  [/^sex/, "sex"],
  [/^separation\.date/, "separation_date"],
  [/^consent\.givenBy/, "consent_given_by"],
  [/^consent\.forTracing/, "consent_tracing"],
  [/^consent\.forSharing/, "consent_sharing"],
  [/^separation\.place/, "separation_place"],
  [/^separation\.lastKnownLocation/, "last_known_location"],
  [/^family\.\d+\.contact\.email/, "guardian_email"],
  [/^family\.\d+\.contact\.phone/, "guardian_phone"],
  [/^family\.\d+\.contact\.address/, "guardian_address"],
  [/^childViews/, "child_views"],
  [/^notes/, "notes"],
];

/** The CSV column of a domain field path (`consent.givenBy`, `names.0.given`, or `names[0].given`). */
export function columnFor(path: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  return FIELD_TO_COLUMN.find(([re]) => re.test(dotted))?.[1] ?? path;
}

/** Turns one CSV record into a case input, or lists every column that is wrong and why. Never throws. */
export function parseCaseCsvRow(row: CaseCsvRow, options: CaseRowOptions = {}): ParsedCaseRow {
  const problems = new Problems();
  const recordId = text(row, "record_id");
  if (recordId === undefined) problems.add("record_id", "required (it makes re-importing the file safe)");
  else if (recordId.length > 100) problems.add("record_id", "at most 100 characters");
  else if (unsafeTextReason(recordId) !== null) problems.add("record_id", unsafeTextReason(recordId)!);
  const input = buildInput(row, problems, options.dateOrder ?? "dmy");
  const checked = CaseInputSchema.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) problems.add(columnFor(issue.path.join(".")), issue.message);
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const p of dateProblems({ birthDate: input.birthDate, separationDate: input.separation?.date }, today)) {
    problems.add(p.field, p.message);
  }
  if (problems.list.length > 0 || recordId === undefined) {
    return { ok: false, reason: problems.list.join("; "), problems: problems.list };
  }
  return { ok: true, recordId, input };
}

/** The client id of an imported row: the same record id of the same party is the same case. */
export function importClientId(recordId: string): string {
  return `csv-import:${recordId}`;
}
