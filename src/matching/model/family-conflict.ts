import type { PreparedTable } from "./prepared-table.ts";
import type { LinkSettings } from "./settings-schema.ts";

/** Several records of one family (siblings, twins) compete for one record: a person must choose. */
export const FLAG_FAMILY_CONFLICT = 1;
/** Several unrelated candidates for one record. */
export const FLAG_MULTIPLE = 2;

/** True when two records of one table share enough family fields (surname, parents, ...) to be kin. */
export function sameFamily(table: PreparedTable, x: number, y: number, familyFields: readonly number[], minShared: number): boolean {
  let shared = 0;
  for (const f of familyFields) {
    const pf = table.fields[f]!;
    const gx = pf.group[x]!;
    const cx = pf.code[x]!;
    if ((cx >= 0 && cx === pf.code[y]) || (gx >= 0 && gx === pf.group[y])) shared++;
  }
  return shared >= minShared;
}

const MAX_COMPETITORS = 20;

export interface ConflictInput {
  left: Int32Array;
  right: Int32Array;
  prob: Float64Array | Float32Array;
  count: number;
}

/**
 * Flags per pair. Candidates at or above the conflict threshold that compete for one record are
 * examined: if two of them are kin the whole set is FLAG_FAMILY_CONFLICT, else FLAG_MULTIPLE.
 * `competitors[p]` lists the other records in the set, for the reviewer.
 */
export function flagConflicts(
  pairs: ConflictInput,
  leftTable: PreparedTable,
  rightTable: PreparedTable,
  settings: LinkSettings,
): { flags: Uint8Array; competitors: Map<number, number[]> } {
  const flags = new Uint8Array(pairs.count);
  const competitors = new Map<number, number[]>();
  const byName = new Map(settings.fields.map((f, k) => [f.name, k]));
  const famFields = (settings.family?.fields ?? []).map((n) => byName.get(n)!);
  const minShared = settings.family?.minShared ?? 2;
  const threshold = settings.thresholds.conflict;
  const eligible: number[] = [];
  for (let p = 0; p < pairs.count; p++) if (pairs.prob[p]! >= threshold) eligible.push(p);

  const examine = (side: Int32Array, other: Int32Array, otherTable: PreparedTable) => {
    const order = eligible.slice().sort((a, b) => side[a]! - side[b]!);
    for (let s = 0; s < order.length; ) {
      let e = s + 1;
      while (e < order.length && side[order[e]!] === side[order[s]!]) e++;
      if (e - s >= 2) {
        const set = order.slice(s, e);
        let kin = false;
        for (let a = 0; a < set.length && !kin; a++) {
          for (let b = a + 1; b < set.length && !kin; b++) {
            if (famFields.length && sameFamily(otherTable, other[set[a]!]!, other[set[b]!]!, famFields, minShared)) kin = true;
          }
        }
        for (const p of set) {
          flags[p]! |= kin ? FLAG_FAMILY_CONFLICT : FLAG_MULTIPLE;
          const list = competitors.get(p) ?? [];
          // A reviewer needs the competing records, not thousands of them: keep the list short.
          for (const q of set) if (q !== p && list.length < MAX_COMPETITORS) list.push(q);
          competitors.set(p, list);
        }
      }
      s = e;
    }
  };
  examine(pairs.left, pairs.right, rightTable);
  examine(pairs.right, pairs.left, leftTable);
  return { flags, competitors };
}

export function describeFlags(flag: number): string {
  if (flag & FLAG_FAMILY_CONFLICT) return "family_conflict";
  if (flag & FLAG_MULTIPLE) return "multiple_candidates";
  return "";
}
