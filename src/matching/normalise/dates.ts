// Dates of birth as they arrive from both sides: ISO, DD.MM.YYYY, D/M/YYYY (day first: the
// convention in Ukraine and Russia), partial (2014, 03.2014), estimated (~2014, circa 2014,
// близько 2014, около 2014), with month names in Ukrainian, Russian or English.

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  /** the writer marked the date as approximate */
  readonly estimated: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// (?!\p{L}) ends a marker word: \b does not know Cyrillic letters.
const ESTIMATE_MARKERS = /^(?:~|≈|±|(?:circa|about|approx(?:imately)?|estimated|приблизно|близько|около|приблизительно|орієнтовно|ориентировочно)(?!\p{L})|(?:ca|c|approx|est|прибл)\.)\s*/iu;

// Month names in the nominative and genitive (березень, березня; март, марта; March, Mar).
const MONTH_NAMES: readonly string[] = [
  "січень січня январь января january jan",
  "лютий лютого февраль февраля february feb",
  "березень березня март марта march mar",
  "квітень квітня апрель апреля april apr",
  "травень травня май мая may",
  "червень червня июнь июня june jun",
  "липень липня июль июля july jul",
  "серпень серпня август августа august aug",
  "вересень вересня сентябрь сентября september sept sep",
  "жовтень жовтня октябрь октября october oct",
  "листопад листопада ноябрь ноября november nov",
  "грудень грудня декабрь декабря december dec",
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.split(" ").map((n) => [n, i + 1] as const)),
);

function monthFromWord(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.toLowerCase());
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function build(year: number, month: number | undefined, day: number | undefined, estimated: boolean): PartialDate | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === undefined) return day === undefined ? { year, estimated } : null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return { year, month, estimated };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, estimated };
}

/**
 * Parses a date of birth. Null when the text is not a date or names an impossible one
 * (31.02.2014). Two-digit years are rejected rather than guessed.
 */
export function parseDate(text: string): PartialDate | null {
  let s = text.normalize("NFKC").trim();
  let estimated = false;
  const marker = ESTIMATE_MARKERS.exec(s);
  if (marker !== null) {
    estimated = true;
    s = s.slice(marker[0].length).trim();
  }
  if (/\?$/.test(s)) {
    estimated = true;
    s = s.slice(0, -1).trim();
  }
  // Trailing "р." / "г." (year), "р.н." / "г.р." (year of birth), "року", "года".
  s = s.replace(/\s*(?:р\.\s*н\.|г\.\s*р\.|р\.|г\.|року|года|рік|год)$/iu, "").trim();
  let m: RegExpExecArray | null;
  // ISO and year-first: 2014-03-07, 2014/03/07, 2014.03.07, optionally with a time part.
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s))) {
    return build(+m[1]!, +m[2]!, +m[3]!, estimated);
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return build(+m[1]!, +m[2]!, +m[3]!, estimated);
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) return build(+m[1]!, +m[2]!, undefined, estimated);
  if ((m = /^(\d{4})$/.exec(s))) return build(+m[1]!, undefined, undefined, estimated);
  // Day first: 07.03.2014, 7/3/2014, 07-03-2014.
  if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s))) return build(+m[3]!, +m[2]!, +m[1]!, estimated);
  // Month and year: 03.2014, 3/2014.
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(s))) return build(+m[2]!, +m[1]!, undefined, estimated);
  // Month names: 7 березня 2014, 7 марта 2014 г., March 7, 2014, березень 2014.
  if ((m = /^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})$/u.exec(s))) {
    const month = monthFromWord(m[2]!);
    return month === undefined ? null : build(+m[3]!, month, +m[1]!, estimated);
  }
  if ((m = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(s))) {
    const month = monthFromWord(m[1]!);
    return month === undefined ? null : build(+m[3]!, month, +m[2]!, estimated);
  }
  if ((m = /^(\p{L}+)\.?,?\s+(\d{4})$/u.exec(s))) {
    const month = monthFromWord(m[1]!);
    return month === undefined ? null : build(+m[2]!, month, undefined, estimated);
  }
  return null;
}

/** ISO form of a (partial) date: 2014-03-07, 2014-03 or 2014; "~" prefix when estimated. */
export function formatDate(d: PartialDate): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const core = d.month === undefined ? `${d.year}` : d.day === undefined ? `${d.year}-${p(d.month)}` : `${d.year}-${p(d.month)}-${p(d.day)}`;
  return d.estimated ? `~${core}` : core;
}

/**
 * Agreement levels of two dates of birth, strongest first. Names, not scores: the model turns
 * them into weights.
 * - exact: both complete and equal
 * - day-month-swapped: same year, day and month exchanged (07.03 vs 03.07)
 * - within-days: both complete, at most NEAR_DAYS apart
 * - year-off: same day and month, years one apart
 * - digit-typo: both complete, YYYYMMDD differs in exactly one digit (17.03 vs 07.03)
 * - partial-compatible: at least one partial, and every part both give agrees
 * - estimate-compatible: at least one estimated, and the years are at most ESTIMATE_YEARS apart
 * - same-year: same year, otherwise different
 * - different
 * - missing: either side absent or unparseable
 */
export const DATE_LEVELS = [
  "exact",
  "day-month-swapped",
  "within-days",
  "year-off",
  "digit-typo",
  "partial-compatible",
  "estimate-compatible",
  "same-year",
  "different",
  "missing",
] as const;

export type DateLevel = (typeof DATE_LEVELS)[number];

export const NEAR_DAYS = 7;
export const ESTIMATE_YEARS = 1;

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

function digits(d: PartialDate): string {
  return `${d.year}${String(d.month).padStart(2, "0")}${String(d.day).padStart(2, "0")}`;
}

/** Compares two dates of birth (parsed, or as text) and names the level of agreement. */
export function compareDates(a: PartialDate | string | null | undefined, b: PartialDate | string | null | undefined): DateLevel {
  const x = typeof a === "string" ? parseDate(a) : (a ?? null);
  const y = typeof b === "string" ? parseDate(b) : (b ?? null);
  if (x === null || y === null) return "missing";
  const fullX = x.day !== undefined && x.month !== undefined;
  const fullY = y.day !== undefined && y.month !== undefined;
  if (fullX && fullY) {
    const [xm, xd, ym, yd] = [x.month!, x.day!, y.month!, y.day!];
    if (x.year === y.year && xm === ym && xd === yd) return "exact";
    if (x.year === y.year && xm === yd && xd === ym) return "day-month-swapped";
    if (Math.abs(dayNumber(x.year, xm, xd) - dayNumber(y.year, ym, yd)) <= NEAR_DAYS) return "within-days";
    if (xm === ym && xd === yd && Math.abs(x.year - y.year) === 1) return "year-off";
    const dx = digits(x);
    const dy = digits(y);
    let diff = 0;
    for (let i = 0; i < dx.length; i++) if (dx[i] !== dy[i]) diff++;
    if (diff === 1) return "digit-typo";
  } else {
    const monthOk = x.month === undefined || y.month === undefined || x.month === y.month;
    const dayOk = x.day === undefined || y.day === undefined || x.day === y.day;
    if (x.year === y.year && monthOk && dayOk) return "partial-compatible";
  }
  if ((x.estimated || y.estimated) && Math.abs(x.year - y.year) <= ESTIMATE_YEARS) return "estimate-compatible";
  if (x.year === y.year) return "same-year";
  return "different";
}
