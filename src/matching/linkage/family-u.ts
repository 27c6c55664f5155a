import { compareField, levelCount, NULL_LEVEL } from "../model/comparison-levels.ts";
import { sameFamily } from "../model/family-conflict.ts";
import type { PreparedTable } from "../model/prepared-table.ts";
import type { LinkSettings } from "../model/settings-schema.ts";

const MAX_PER_BUCKET = 12;
const MAX_PAIRS = 100_000;
// Kin pairs of this many records a table are plenty; beyond it, whole families are sampled (by
// their family-name group) so the cost of learning stops growing with the table.
const SAMPLE_RECORDS = 250_000;

/** A well-mixed hash of a group code (codes are handed out in order, so code % n would follow the input's order). */
function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * How often different children of one family agree on each of the child's own fields (twins
 * share a birth date, siblings a surname). Learned without labels from pairs of kin WITHIN one
 * table: a side lists each child once, so two of its records sharing surname and parents are
 * siblings. Returns per field the level distribution, or null for family fields / no family.
 */
export function estimateFamilyU(settings: LinkSettings, tables: readonly PreparedTable[], sampleRecords = SAMPLE_RECORDS): (number[] | null)[] {
  const fam = settings.family;
  if (!fam) return settings.fields.map(() => null);
  const byName = new Map(settings.fields.map((f, k) => [f.name, k]));
  const famFields = fam.fields.map((n) => byName.get(n)!);
  const childFields = settings.fields.flatMap((_, f) => (famFields.includes(f) ? [] : [f]));
  const counts = settings.fields.map((f) => new Float64Array(levelCount(f.levels)));
  let pairs = 0;
  for (const t of tables) {
    const seen = new Set<number>();
    // Kin share at least two family fields; bucket on the first one with each other one.
    const anchor = famFields[0]!;
    const stride = Math.max(1, Math.ceil(t.size / sampleRecords));
    for (const other of famFields.slice(1)) {
      const buckets = new Map<number, number[]>();
      const ga = t.fields[anchor]!.group;
      const go = t.fields[other]!.group;
      const co = t.fields[other]!.code;
      for (let i = 0; i < t.size && pairs < MAX_PAIRS; i++) {
        const a = ga[i]!;
        const o = go[i]! >= 0 ? go[i]! : co[i]!;
        if (a < 0 || o < 0) continue;
        if (stride > 1 && mix(a) % stride !== 0) continue;
        const key = a * 4_194_304 + o;
        const b = buckets.get(key);
        if (!b) buckets.set(key, [i]);
        else if (b.length < MAX_PER_BUCKET) b.push(i);
      }
      for (const b of buckets.values()) {
        for (let x = 0; x < b.length; x++) {
          for (let y = x + 1; y < b.length; y++) {
            const i = b[x]!;
            const j = b[y]!;
            const id = i * t.size + j;
            if (seen.has(id) || !sameFamily(t, i, j, famFields, fam.minShared)) continue;
            seen.add(id);
            pairs++;
            for (const f of childFields) {
              const l = compareField(t.fields[f]!, i, t.fields[f]!, j);
              if (l !== NULL_LEVEL) counts[f]![l]!++;
            }
          }
        }
      }
    }
  }
  if (pairs < 30) return settings.fields.map(() => null);
  return settings.fields.map((_, f) => {
    if (famFields.includes(f)) return null;
    const c = counts[f]!;
    const total = c.reduce((a, b) => a + b, 0);
    return Array.from(c, (x) => Math.max(1e-6, (x + 0.5) / (total + 0.5 * c.length)));
  });
}
