// Dates of birth are often known only to the year or month: "2014", "2014-03", "2014-03-07".

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parsePartialDate(text: string): PartialDateParts | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return null;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

// Earliest and latest calendar days the partial date can stand for, as [y, m, d] triples.
export function partialDateBounds(p: PartialDateParts): { earliest: [number, number, number]; latest: [number, number, number] } {
  const em = p.month ?? 1;
  const lm = p.month ?? 12;
  return {
    earliest: [p.year, em, p.day ?? 1],
    latest: [p.year, lm, p.day ?? daysInMonth(p.year, lm)],
  };
}

function completedYears(birth: [number, number, number], now: Date): number {
  const [y, m, d] = birth;
  const ny = now.getUTCFullYear();
  const nm = now.getUTCMonth() + 1;
  const nd = now.getUTCDate();
  let age = ny - y;
  if (nm < m || (nm === m && nd < d)) age -= 1;
  return age;
}

export interface AgeRange {
  // Age if born on the latest possible day: the age the person has certainly reached.
  min: number;
  // Age if born on the earliest possible day.
  max: number;
}

export function ageRange(birthDate: string, now: Date): AgeRange | null {
  const p = parsePartialDate(birthDate);
  if (!p) return null;
  const { earliest, latest } = partialDateBounds(p);
  return { min: Math.max(0, completedYears(latest, now)), max: Math.max(0, completedYears(earliest, now)) };
}

export const ADULT_AGE = 18;

// Conservative: a case counts as adult only once the person has certainly turned 18, i.e. even
// if born on the latest day the partial date allows. `possiblyAdult` flags the uncertain band.
export function adultStatus(birthDate: string | undefined, now: Date): { adult: boolean; possiblyAdult: boolean; age: AgeRange | null } {
  if (!birthDate) return { adult: false, possiblyAdult: false, age: null };
  const age = ageRange(birthDate, now);
  if (!age) return { adult: false, possiblyAdult: false, age: null };
  return { adult: age.min >= ADULT_AGE, possiblyAdult: age.max >= ADULT_AGE, age };
}
