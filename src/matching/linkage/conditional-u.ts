import { compareField, levelCount, NULL_LEVEL } from "../model/comparison-levels.ts";
import type { PreparedTable } from "../model/prepared-table.ts";
import type { LinkSettings } from "../model/settings-schema.ts";

const FLOOR = 1e-6;

/**
 * u of each field that depends on another (settings `dependsOn`), among random pairs that
 * agree on that other field: a mother's name written with the family name agrees far more often
 * between two Kovalenko records than between two random ones. Pairs are drawn from records
 * sharing the other field's equivalence group (or key), no labels needed. A few of them are
 * the same child or siblings, which makes u a little higher and the evidence a little weaker:
 * the cautious side. Returns per field the level distribution, or null.
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
  // Records of the right table by the conditioning field's group (or key), once per such field.
  const indexes = new Map<number, Map<number, number[]>>();
  return settings.fields.map((spec, f) => {
    if (spec.dependsOn === undefined) return null;
    const d = byName.get(spec.dependsOn)!;
    const keyOf = (t: PreparedTable, i: number) => {
      const g = t.fields[d]!.group[i]!;
      return g >= 0 ? g : t.fields[d]!.code[i]! >= 0 ? -2 - t.fields[d]!.code[i]! : -1;
    };
    let byKey = indexes.get(d);
    if (!byKey) {
      byKey = new Map<number, number[]>();
      for (let j = 0; j < right.size; j++) {
        const k = keyOf(right, j);
        if (k === -1) continue;
        const list = byKey.get(k);
        if (list) list.push(j);
        else byKey.set(k, [j]);
      }
      indexes.set(d, byKey);
    }
    const counts = new Float64Array(levelCount(spec.levels));
    let drawn = 0;
    for (let attempt = 0; attempt < sample * 20 && drawn < sample; attempt++) {
      const i = Math.floor(rnd() * left.size);
      const k = keyOf(left, i);
      const list = k === -1 ? undefined : byKey.get(k);
      if (!list || (dedupe && list.length < 2)) continue;
      const j = list[Math.floor(rnd() * list.length)]!;
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
