import type { PreparedField, PreparedTable, SharedCodes } from "../model/prepared-table.ts";
import type { KeyTransform, LinkSettings } from "../model/settings-schema.ts";

/**
 * One part of a blocking key as a non-negative integer, or -1 when the record has no value.
 * Name and place parts are interned codes (shared by both tables); date parts are arithmetic,
 * and the "unordered" ones put the smaller of day and month first so a swapped date keeps its key.
 */
export function keyPartCode(pf: PreparedField, i: number, transform: KeyTransform): number {
  switch (transform) {
    case "value":
    case "name_key":
    case "place":
      return pf.code[i]!;
    case "name_group":
    case "region":
      return pf.group[i]!;
    case "first3": {
      const t = pf.text[i]!;
      if (t.length === 0) return -1;
      let h = 0;
      for (let k = 0; k < Math.min(3, t.length); k++) h = h * 65_536 + t.charCodeAt(k);
      return h;
    }
    case "year":
      return pf.year[i]! > 0 ? pf.year[i]! : -1;
    case "date":
      return pf.day[i]! > 0 && pf.month[i]! > 0 && pf.year[i]! > 0 ? pf.year[i]! * 10_000 + pf.month[i]! * 100 + pf.day[i]! : -1;
    case "date_unordered":
    case "month_day_unordered": {
      const d = pf.day[i]!;
      const m = pf.month[i]!;
      if (d <= 0 || m <= 0) return -1;
      const md = Math.min(d, m) * 100 + Math.max(d, m);
      if (transform === "month_day_unordered") return md;
      return pf.year[i]! > 0 ? pf.year[i]! * 10_000 + md : -1;
    }
  }
}

/** Readable form of a key part, for keys a registry stores beside a record. */
export function keyPartString(pf: PreparedField, i: number, transform: KeyTransform, codes: SharedCodes, fieldIndex: number): string | null {
  const c = keyPartCode(pf, i, transform);
  if (c < 0) return null;
  switch (transform) {
    case "value":
    case "name_key":
    case "place":
      return codes.text[fieldIndex]!.values[c]!;
    case "name_group":
      return codes.group[fieldIndex]!.values[c]!;
    case "region":
      return codes.region[fieldIndex]!.values[c]!;
    case "first3":
      return pf.text[i]!.slice(0, 3);
    default:
      return String(c);
  }
}

/**
 * Blocking keys of one prepared record as strings ("rule name|part|part"), one per rule that
 * the record has all parts for. A registry stores these to fetch candidates for a new record.
 */
export function recordKeyStrings(table: PreparedTable, i: number, settings: LinkSettings, codes: SharedCodes): string[] {
  const byName = new Map(settings.fields.map((f, k) => [f.name, k]));
  const keys: string[] = [];
  for (const rule of settings.blocking) {
    const parts: string[] = [rule.name];
    let ok = true;
    for (const k of rule.keys) {
      const f = byName.get(k.field)!;
      const s = keyPartString(table.fields[f]!, i, k.transform, codes, f);
      if (s === null) {
        ok = false;
        break;
      }
      parts.push(s);
    }
    if (ok) keys.push(parts.join("|"));
  }
  return keys;
}
