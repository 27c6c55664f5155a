import { isPartialDate } from "../domain/partial-date.ts";

export type DateOrder = "dmy" | "mdy";

// Month names as documents on both sides write them: Ukrainian and Russian in the nominative
// ("березень") and genitive ("7 березня"), and English; matched on their first letters.
const MONTH_STEMS: readonly (readonly string[])[] = [
  ["січ", "янв", "jan"],
  ["лют", "фев", "feb"],
  ["берез", "мар", "mar"],
  ["квіт", "апр", "apr"],
  ["трав", "мая", "май", "may"],
  ["черв", "июн", "jun"],
  ["лип", "июл", "jul"],
  ["серп", "авг", "aug"],
  ["верес", "сен", "sep"],
  ["жовт", "окт", "oct"],
  ["листоп", "ноя", "nov"],
  ["груд", "дек", "dec"],
];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = MONTH_STEMS.findIndex((stems) => stems.some((s) => w.startsWith(s)));
  return i === -1 ? undefined : i + 1;
}

const pad = (n: string | number) => String(n).padStart(2, "0");

function checked(iso: string): string | undefined {
  return isPartialDate(iso) ? iso : undefined;
}

/**
 * A date as registers and spreadsheets write it, as an ISO partial date (YYYY, YYYY-MM or
 * YYYY-MM-DD), or undefined when it is not a real date in a form we read. Day and month come in
 * `order` when the form does not say (Ukraine and Russia write the day first); two-digit years are
 * refused, since the century of a child's birth cannot be guessed.
 */
export function parseLocalDate(raw: string, order: DateOrder = "dmy"): string | undefined {
  const value = raw.trim().replace(/\s*(р\.|г\.|року|года)$/u, "");
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(value);
  if (m) return checked([m[1], m[2], m[3]].filter((p) => p !== undefined).join("-"));
  m = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(value);
  if (m) return checked(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (m) {
    const [day, month] = order === "dmy" ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    return checked(`${m[3]}-${pad(month)}-${pad(day)}`);
  }
  m = /^(\d{1,2})[./-](\d{4})$/.exec(value);
  if (m) return checked(`${m[2]}-${pad(m[1]!)}`);
  m = /^(?:(\d{1,2})\s+)?(\p{L}+\.?),?\s+(\d{4})$/u.exec(value);
  if (m) {
    const month = monthOf(m[2]!);
    if (month === undefined) return undefined;
    return checked(m[1] === undefined ? `${m[3]}-${pad(month)}` : `${m[3]}-${pad(month)}-${pad(m[1])}`);
  }
  return undefined;
}

/** The first and last day a partial date may stand for. */
export function partialDateRange(iso: string): { readonly first: string; readonly last: string } {
  const [y, m, d] = iso.split("-");
  if (d !== undefined) return { first: iso, last: iso };
  if (m !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${pad(days)}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** Problems with a child's dates that no form can fix: a birth after today, a separation before birth. */
export function dateProblems(
  dates: { readonly birthDate?: string | undefined; readonly separationDate?: string | undefined },
  today: string,
): { readonly field: "birth_date" | "separation_date"; readonly message: string }[] {
  const problems: { field: "birth_date" | "separation_date"; message: string }[] = [];
  const birth = dates.birthDate === undefined ? undefined : partialDateRange(dates.birthDate);
  const separation = dates.separationDate === undefined ? undefined : partialDateRange(dates.separationDate);
  if (birth !== undefined && birth.first > today) {
    problems.push({ field: "birth_date", message: `${dates.birthDate} is in the future (today is ${today})` });
  }
  if (separation !== undefined && separation.first > today) {
    problems.push({ field: "separation_date", message: `${dates.separationDate} is in the future (today is ${today})` });
  }
  if (birth !== undefined && separation !== undefined && separation.last < birth.first) {
    problems.push({ field: "separation_date", message: `${dates.separationDate} is before the birth date ${dates.birthDate}` });
  }
  return problems;
}
