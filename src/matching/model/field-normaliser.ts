// The model needs only a handful of operations from normalisation. Keeping them behind this
// interface lets the model, its tests and other layouts (FEBRL, Latin-only data) plug in a
// different normaliser without touching scoring.

export type NameKind = "given" | "family" | "patronymic" | "person";

export interface PartialDate {
  year: number; // 0 = unknown
  month: number; // 0 = unknown
  day: number; // 0 = unknown
}

export interface PlaceRef {
  place: string;
  region: string; // "" when unknown
}

export interface FieldNormaliser {
  /** A comparable key: the same name in any script or Latin rendering gives the same key where possible. */
  nameKey(value: string, kind: NameKind): string;
  /** A canonical key shared by equivalent names (Ukrainian/Russian forms, diminutives, gendered surnames). */
  nameGroup(value: string, kind: NameKind): string;
  parseDate(value: string): PartialDate | null;
  place(value: string): PlaceRef | null;
  /** Plain text for generic string fields. */
  text(value: string): string;
}

const NON_LETTER = /[^\p{L}\p{N} ]+/gu;
const SPACES = /\s+/g;

export function simpleText(value: string): string {
  return value.normalize("NFC").toLowerCase().replace(NON_LETTER, " ").replace(SPACES, " ").trim();
}

/** Reads YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, DD/MM/YYYY, YYYY-MM and YYYY; anything else is null. */
export function parseSimpleDate(value: string): PartialDate | null {
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return checked(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return checked(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return checked(+m[1]!, +m[2]!, 0);
  m = /^(\d{4})$/.exec(s);
  if (m) return checked(+m[1]!, 0, 0);
  return null;
}

function checked(year: number, month: number, day: number): PartialDate | null {
  if (year < 1000 || year > 2999 || month > 12 || day > 31) {
    // A day-month swap that lands on month > 12 is still useful evidence: keep it swapped back.
    if (month > 12 && month <= 31 && day >= 1 && day <= 12) return { year, month: day, day: month };
    return null;
  }
  return { year, month, day };
}

/** Script-blind fallback: no transliteration, no name equivalents. Suitable for single-script data. */
export const simpleNormaliser: FieldNormaliser = {
  nameKey: (v) => simpleText(v),
  nameGroup: (v) => simpleText(v),
  parseDate: parseSimpleDate,
  place: (v) => {
    const t = simpleText(v);
    return t ? { place: t, region: "" } : null;
  },
  text: simpleText,
};
