import type { FieldNormaliser, NameKind } from "./field-normaliser.ts";
import type { FieldSpec, LinkSettings } from "./settings-schema.ts";

/** Maps strings to small integers so comparisons and blocking work on integers, not strings. */
export class Interner {
  private readonly map = new Map<string, number>();
  readonly values: string[] = [];
  code(value: string): number {
    if (value === "") return -1;
    let c = this.map.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.map.set(value, c);
      this.values.push(value);
    }
    return c;
  }
  get size(): number {
    return this.values.length;
  }
}

/** Interners shared by the two tables being linked, so equal keys get equal codes on both sides. */
export interface SharedCodes {
  text: Interner[]; // per field
  group: Interner[]; // per field
  region: Interner[]; // per field
}

export function newSharedCodes(fieldCount: number): SharedCodes {
  const make = () => Array.from({ length: fieldCount }, () => new Interner());
  return { text: make(), group: make(), region: make() };
}

/** One field of one table, column-wise. Missing values are "" / -1 / 0. */
export interface PreparedField {
  spec: FieldSpec;
  raw: string[]; // the original value, for explanations
  text: string[]; // comparable text (name key, normalised string, place id)
  code: Int32Array; // interned text
  group: Int32Array; // interned equivalence group (names) or region (places)
  year: Int16Array;
  month: Int8Array;
  day: Int8Array;
  dayNumber: Int32Array; // days since 1970 for complete dates, NO_DAY otherwise
}

export const NO_DAY = -2147483648;

export interface PreparedTable {
  ids: string[];
  size: number;
  fields: PreparedField[];
}

export type RawRecord = Record<string, string | undefined>;

const NAME_KIND: Partial<Record<FieldSpec["type"], NameKind>> = {
  given_name: "given",
  family_name: "family",
  patronymic: "patronymic",
  person_name: "person",
};

export function fieldValue(spec: FieldSpec, row: RawRecord): string {
  if (spec.columns) {
    return spec.columns
      .map((c) => (row[c] ?? "").trim())
      .filter((v) => v !== "")
      .join(" ");
  }
  return (row[spec.column ?? spec.name] ?? "").trim();
}

/** Each field's raw values, column by column (trimmed; "" when missing). */
export function rawColumns(rows: readonly RawRecord[], settings: LinkSettings): string[][] {
  return settings.fields.map((spec) => {
    const out = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = fieldValue(spec, rows[i]!);
    return out;
  });
}

export function prepareTable(
  rows: readonly RawRecord[],
  settings: LinkSettings,
  normaliser: FieldNormaliser,
  codes: SharedCodes,
): PreparedTable {
  return prepareColumns(
    rows.map((r) => r[settings.idColumn] ?? ""),
    rawColumns(rows, settings),
    settings,
    normaliser,
    codes,
  );
}

/** prepareTable on raw values already laid out by field (see rawColumns); columns[f] becomes field f's raw. */
export function prepareColumns(
  ids: string[],
  columns: readonly string[][],
  settings: LinkSettings,
  normaliser: FieldNormaliser,
  codes: SharedCodes,
): PreparedTable {
  const n = ids.length;
  // Fields that are not dates share one set of (empty) date arrays, and fields without groups
  // one group array: nothing writes to them, and at a million records the unused arrays were
  // over 100 MB, each 64 MB of which sets off a full garbage collection.
  let noDates: Pick<PreparedField, "year" | "month" | "day" | "dayNumber"> | null = null;
  let noGroups: Int32Array | null = null;
  const fields = settings.fields.map((spec, f): PreparedField => {
    const column = columns[f]!;
    const dated = spec.type === "date";
    const grouped = spec.type === "place" || NAME_KIND[spec.type] !== undefined;
    const dates = dated
      ? { year: new Int16Array(n), month: new Int8Array(n), day: new Int8Array(n), dayNumber: new Int32Array(n).fill(NO_DAY) }
      : (noDates ??= { year: new Int16Array(n), month: new Int8Array(n), day: new Int8Array(n), dayNumber: new Int32Array(n).fill(NO_DAY) });
    const pf: PreparedField = {
      spec,
      raw: column,
      text: new Array<string>(n),
      code: new Int32Array(n).fill(-1),
      group: grouped ? new Int32Array(n).fill(-1) : (noGroups ??= new Int32Array(n).fill(-1)),
      ...dates,
    };
    const textCodes = codes.text[f]!;
    const groupCodes = codes.group[f]!;
    const regionCodes = codes.region[f]!;
    const kind = NAME_KIND[spec.type];
    // Values repeat heavily (common names, dates, places): each distinct value is normalised
    // once and later records copy the first record's result.
    const firstWith = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const raw = column[i]!;
      pf.text[i] = "";
      if (raw === "") continue;
      const first = firstWith.get(raw);
      if (first !== undefined) {
        pf.text[i] = pf.text[first]!;
        pf.code[i] = pf.code[first]!;
        if (grouped) pf.group[i] = pf.group[first]!;
        if (dated) {
          pf.year[i] = pf.year[first]!;
          pf.month[i] = pf.month[first]!;
          pf.day[i] = pf.day[first]!;
          pf.dayNumber[i] = pf.dayNumber[first]!;
        }
        continue;
      }
      firstWith.set(raw, i);
      if (kind) {
        const key = normaliser.nameKey(raw, kind);
        pf.text[i] = key;
        pf.code[i] = textCodes.code(key);
        pf.group[i] = key === "" ? -1 : groupCodes.code(normaliser.nameGroup(raw, kind));
      } else if (spec.type === "date") {
        const d = normaliser.parseDate(raw);
        if (!d) continue;
        pf.year[i] = d.year;
        pf.month[i] = d.month;
        pf.day[i] = d.day;
        const iso = `${d.year}-${d.month}-${d.day}`;
        pf.text[i] = iso;
        pf.code[i] = textCodes.code(iso);
        if (d.year && d.month && d.day) pf.dayNumber[i] = Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
      } else if (spec.type === "place") {
        const p = normaliser.place(raw);
        if (!p) continue;
        pf.text[i] = p.place;
        pf.code[i] = textCodes.code(p.place);
        pf.group[i] = regionCodes.code(p.region);
      } else if (spec.type === "sex") {
        const t = normaliser.text(raw);
        const c = t[0];
        // Ukrainian/Russian "ч"/"м" (male), "ж" (female) and Latin m/f all fold to one code.
        const norm = c === "m" || c === "ч" || c === "м" ? "m" : c === "f" || c === "ж" || c === "w" ? "f" : t;
        pf.text[i] = norm;
        pf.code[i] = textCodes.code(norm);
      } else {
        const t = normaliser.text(raw);
        pf.text[i] = t;
        pf.code[i] = textCodes.code(t);
      }
    }
    return pf;
  });
  return { ids, size: n, fields };
}

/** The values of a table's own codes, in code order (Interner.values of each field). */
export interface CodeValues {
  text: readonly (readonly string[])[];
  group: readonly (readonly string[])[];
  region: readonly (readonly string[])[];
}

/**
 * A table prepared with codes of its own (e.g. on another thread), re-coded into the shared
 * ones: its values are interned in their order of first appearance, so the codes are the same
 * as if it had been prepared with the shared codes after the tables already coded. Field arrays
 * are re-coded in place; text is rebuilt from the codes.
 */
export function adoptTable(local: PreparedTable, localValues: CodeValues, codes: SharedCodes): PreparedTable {
  local.fields.forEach((pf, f) => {
    const remap = (from: readonly string[], to: Interner): Int32Array => Int32Array.from(from, (v) => to.code(v));
    const text = remap(localValues.text[f]!, codes.text[f]!);
    const group = pf.spec.type === "place" ? remap(localValues.region[f]!, codes.region[f]!) : remap(localValues.group[f]!, codes.group[f]!);
    const values = localValues.text[f]!;
    const out = new Array<string>(local.size);
    for (let i = 0; i < local.size; i++) {
      const c = pf.code[i]!;
      out[i] = c >= 0 ? values[c]! : "";
      if (c >= 0) pf.code[i] = text[c]!;
      const g = pf.group[i]!;
      if (g >= 0) pf.group[i] = group[g]!;
    }
    pf.text = out;
  });
  return local;
}
