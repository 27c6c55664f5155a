import { NULL_LEVEL } from "./comparison-levels.ts";

/** m and u per comparison level of one field (index = level; the last one is "else"). */
export interface FieldParams {
  m: number[];
  u: number[];
  /** u among different children of one family (siblings, twins); for the child's own fields */
  uFamily?: number[];
  /** u among pairs that agree on the field this one depends on (settings `dependsOn`) */
  uGiven?: number[];
}

export interface ModelParams {
  /** Chance that two records drawn at random, one from each table, are the same person. */
  lambda: number;
  fields: FieldParams[];
}

const FLOOR = 1e-6;

/** Small deterministic PRNG so training is reproducible from the settings' seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * u (the chance a non-matching pair lands on each level) from random pairs: in a large
 * population almost every random pair is a non-match, so no labels are needed.
 */
export function estimateU(
  levelCounts: readonly number[],
  sample: number,
  compare: (field: number, pickA: number, pickB: number) => number,
  pick: () => [number, number],
): number[][] {
  const counts = levelCounts.map((k) => new Float64Array(k));
  for (let s = 0; s < sample; s++) {
    const [i, j] = pick();
    for (let f = 0; f < levelCounts.length; f++) {
      const l = compare(f, i, j);
      if (l !== NULL_LEVEL) counts[f]![l]!++;
    }
  }
  return counts.map((c) => {
    const total = c.reduce((a, b) => a + b, 0);
    // Half a pair of pseudo-count keeps unseen levels (e.g. exact dates in a small sample) finite.
    return Array.from(c, (x) => Math.max(FLOOR, (x + 0.5) / (total + 0.5 * c.length)));
  });
}

/** Comparison vectors collapsed to distinct patterns with counts: EM then costs O(patterns). */
export interface PatternTable {
  levels: Uint8Array; // patterns × fields
  counts: Float64Array;
  fields: number;
}

export function compressPatterns(gamma: Uint8Array, fields: number, select?: (pair: number) => boolean, limit = Infinity): PatternTable {
  // A vector's digits (level + 1, 0 for null) in base 16 make an exact numeric key for up to 13 fields.
  const index = new Map<number, number>();
  const levels: number[] = [];
  const counts: number[] = [];
  const pairs = gamma.length / fields;
  let used = 0;
  for (let p = 0; p < pairs && used < limit; p++) {
    if (select && !select(p)) continue;
    used++;
    let key = 0;
    for (let f = 0; f < fields; f++) {
      const l = gamma[p * fields + f]!;
      key = key * 16 + (l === NULL_LEVEL ? 0 : l + 1);
    }
    let id = index.get(key);
    if (id === undefined) {
      id = counts.length;
      index.set(key, id);
      counts.push(0);
      for (let f = 0; f < fields; f++) levels.push(gamma[p * fields + f]!);
    }
    counts[id]!++;
  }
  return { levels: Uint8Array.from(levels), counts: Float64Array.from(counts), fields };
}

/** Initial m: most matches agree exactly, fewer on each weaker level. */
export function initialM(levelCount: number): number[] {
  const raw = Array.from({ length: levelCount }, (_, k) => (k === levelCount - 1 ? 0.05 : 0.9 * 0.25 ** k));
  const s = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / s);
}

/**
 * Expectation–maximisation for m and lambda with u held fixed (Fellegi–Sunter, no labels).
 * Fields in `fixed` take no part (their level is a consequence of how the pairs were chosen).
 */
export function expectationMaximisation(
  patterns: PatternTable,
  u: readonly (readonly number[])[],
  mStart: readonly (readonly number[])[],
  lambdaStart: number,
  iterations: number,
  fixed: ReadonlySet<number> = new Set(),
  estimateM = true,
): ModelParams {
  const F = patterns.fields;
  const m = mStart.map((x) => [...x]);
  let lambda = lambdaStart;
  const P = patterns.counts.length;
  for (let it = 0; it < iterations; it++) {
    const acc = m.map((x) => new Float64Array(x.length));
    let matchMass = 0;
    let total = 0;
    const logL = Math.log(lambda);
    const logNL = Math.log(1 - lambda);
    for (let p = 0; p < P; p++) {
      let lm = logL;
      let lu = logNL;
      for (let f = 0; f < F; f++) {
        if (fixed.has(f)) continue;
        const l = patterns.levels[p * F + f]!;
        if (l === NULL_LEVEL) continue;
        lm += Math.log(m[f]![l]!);
        lu += Math.log(u[f]![l]!);
      }
      const d = lu - lm;
      const post = d > 700 ? 0 : 1 / (1 + Math.exp(d));
      const c = patterns.counts[p]!;
      matchMass += post * c;
      total += c;
      if (!estimateM) continue;
      for (let f = 0; f < F; f++) {
        const l = patterns.levels[p * F + f]!;
        if (l !== NULL_LEVEL) acc[f]![l]! += post * c;
      }
    }
    lambda = Math.min(1 - 1e-9, Math.max(1e-9, matchMass / Math.max(total, 1)));
    if (!estimateM) continue;
    for (let f = 0; f < F; f++) {
      if (fixed.has(f)) continue;
      const s = acc[f]!.reduce((a, b) => a + b, 0);
      if (s <= 0) continue;
      m[f] = Array.from(acc[f]!, (x) => Math.max(FLOOR, x / s));
    }
  }
  return { lambda, fields: m.map((mf, f) => ({ m: mf, u: [...u[f]!] })) };
}

const DEFAULT_U: Record<string, number> = {
  exact: 0.01,
  name_equivalent: 0.005,
  initial: 0.03,
  levenshtein: 0.01,
  date_exact: 0.0005,
  date_swapped: 0.0002,
  date_within_days: 0.002,
  date_year_off: 0.0005,
  date_partial: 0.003,
  place_same: 0.02,
  place_same_region: 0.1,
};

/**
 * Parameters for tables too small to learn from (a handful of records): a conventional
 * prior, so a small list still gets sensible, explainable scores.
 */
export function defaultParams(levelSpecs: readonly { kind: string; threshold?: number }[][], sexFields: ReadonlySet<number>): ModelParams {
  return {
    lambda: 0.01,
    fields: levelSpecs.map((levels, f) => {
      const m = initialM(levels.length + 1);
      let u = levels.map((l) => (l.kind === "jaro_winkler" ? ((l.threshold ?? 0.9) >= 0.9 ? 0.01 : 0.05) : (DEFAULT_U[l.kind] ?? 0.01)));
      if (sexFields.has(f)) u = [0.5];
      const rest = Math.max(0.05, 1 - u.reduce((a, b) => a + b, 0));
      return { m, u: [...u, rest] };
    }),
  };
}
