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
 * Integer-coded blocking keys: out[r][i] is a dense code for rule r's key of record i (-1 when
 * any part is missing). The dense codes are shared by every table passed to one KeyCoder.
 */
export class KeyCoder {
  private readonly maps: Map<number, number>[];
  private readonly fieldIndex: number[][];
  private readonly settings: LinkSettings;
  constructor(settings: LinkSettings) {
    this.settings = settings;
    this.maps = settings.blocking.map(() => new Map());
    const byName = new Map(settings.fields.map((f, k) => [f.name, k]));
    this.fieldIndex = settings.blocking.map((r) => r.keys.map((k) => byName.get(k.field)!));
  }

  codeTable(table: PreparedTable): Int32Array[] {
    return this.settings.blocking.map((rule, r) => {
      const out = new Int32Array(table.size);
      const map = this.maps[r]!;
      const fields = this.fieldIndex[r]!.map((f) => table.fields[f]!);
      const transforms = rule.keys.map((k) => k.transform);
      for (let i = 0; i < table.size; i++) {
        // Parts are mixed by two independent 32-bit hashes into one 53-bit number (exact in a
        // double, unlike a polynomial that overflows and drops the last part's bits). A
        // collision could only add a spurious candidate pair, never lose one.
        let a = 0x811c9dc5;
        let b = 0x2545f491;
        let missing = false;
        for (let p = 0; p < fields.length; p++) {
          const v = keyPartCode(fields[p]!, i, transforms[p]!);
          if (v < 0) {
            missing = true;
            break;
          }
          const lo = v % 4_294_967_296;
          const hi = Math.floor(v / 4_294_967_296);
          a = Math.imul(a ^ lo, 0x01000193);
          a = Math.imul(a ^ hi ^ (a >>> 15), 0x85ebca6b);
          b = Math.imul(b + lo + 0x9e3779b9, 0x5bd1e995);
          b = Math.imul(b ^ hi ^ (b >>> 13), 0xc2b2ae35);
        }
        const h = (a >>> 0) * 2_097_152 + ((b >>> 0) & 0x1fffff);
        if (missing) {
          out[i] = -1;
          continue;
        }
        let c = map.get(h);
        if (c === undefined) {
          c = map.size;
          map.set(h, c);
        }
        out[i] = c;
      }
      return out;
    });
  }

  keyCount(rule: number): number {
    return this.maps[rule]!.size;
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
