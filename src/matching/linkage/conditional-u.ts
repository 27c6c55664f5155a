import { compareField, levelCount, NULL_LEVEL } from "../model/comparison-levels.ts";
import type { PreparedTable } from "../model/prepared-table.ts";
import type { LinkSettings } from "../model/settings-schema.ts";

const FLOOR = 1e-6;

/** Records of a table by a field's equivalence group, as offsets into one array (a counting sort). */
interface GroupIndex {
  start: Int32Array; // group g's records are members[start[g] .. start[g + 1])
  members: Int32Array;
}

function groupIndex(t: PreparedTable, field: number, groups: number): GroupIndex {
  const g = t.fields[field]!.group;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < t.size; i++) if (g[i]! >= 0) start[g[i]! + 1]!++;
  for (let k = 0; k < groups; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, groups);
  const members = new Int32Array(start[groups]!);
  for (let i = 0; i < t.size; i++) if (g[i]! >= 0) members[fill[g[i]!]!++] = i;
  return { start, members };
}

/**
 * u of each field that depends on another (settings `dependsOn`), among random pairs that
 * agree on that other field: a mother's name written with the family name agrees far more often
 * between two Kovalenko records than between two random ones. Pairs are drawn from records
 * sharing the other field's equivalence group, no labels needed. A few of them are the same
 * child or siblings, which makes u a little higher and the evidence a little weaker: the
 * cautious side. Returns per field the level distribution, or null.
 */
export function estimateConditionalU(
  settings: LinkSettings,
  left: PreparedTable,
  right: PreparedTable,
  dedupe: boolean,
  sample: number,
  rnd: () => number,
): (number[] | null)[] {
  const byName = new Map(settings.fields.map((f, k) => [f.name, k]));
  const indexes = new Map<number, GroupIndex>();
  return settings.fields.map((spec, f) => {
    if (spec.dependsOn === undefined) return null;
    const d = byName.get(spec.dependsOn)!;
    let index = indexes.get(d);
    if (!index) {
      let groups = 0;
      for (const t of [left, right]) for (const g of t.fields[d]!.group) if (g >= groups) groups = g + 1;
      index = groupIndex(right, d, groups);
      indexes.set(d, index);
    }
    const { start, members } = index;
    const lg = left.fields[d]!.group;
    const counts = new Float64Array(levelCount(spec.levels));
    let drawn = 0;
    for (let attempt = 0; attempt < sample * 20 && drawn < sample; attempt++) {
      const i = Math.floor(rnd() * left.size);
      const g = lg[i]!;
      if (g < 0 || g + 1 >= start.length) continue;
      const n = start[g + 1]! - start[g]!;
      if (n === 0 || (dedupe && n < 2)) continue;
      const j = members[start[g]! + Math.floor(rnd() * n)]!;
      if (dedupe && j === i) continue;
      drawn++;
      const l = compareField(left.fields[f]!, i, right.fields[f]!, j);
      if (l !== NULL_LEVEL) counts[l]!++;
    }
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < 100) return null;
    return Array.from(counts, (x) => Math.max(FLOOR, (x + 0.5) / (total + 0.5 * counts.length)));
  });
}
