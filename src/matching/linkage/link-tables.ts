import { KeyCoder } from "../blocking/blocking-keys.ts";
import { candidatePairs, type RuleStats } from "../blocking/candidate-pairs.ts";
import { compareField, NULL_LEVEL } from "../model/comparison-levels.ts";
import { defaultParams, type ModelParams } from "../model/em-training.ts";
import { describeFlags, flagConflicts } from "../model/family-conflict.ts";
import type { FieldNormaliser } from "../model/field-normaliser.ts";
import { combineWeights, contributions, explain, fieldWeight, probability, scoreVector, termFrequencies, weightTable, type FieldContribution, type TermFrequencies, type WeightTable } from "../model/match-scorer.ts";
import { inferMissingPatronymic } from "../model/infer-patronymic.ts";
import { inferMissingSex } from "../model/infer-sex.ts";
import { assignOneToOne } from "../model/one-to-one.ts";
import { newSharedCodes, prepareTable, type PreparedField, type PreparedTable, type RawRecord, type SharedCodes } from "../model/prepared-table.ts";
import type { LinkSettings } from "../model/settings-schema.ts";
import { trainModel, type TrainingReport } from "./train-model.ts";

const MIN_TRAINING_PAIRS = 250_000;

export type LinkPhase = "prepare" | "block" | "compare" | "train" | "score";

export interface LinkOptions {
  /** Pre-trained parameters; when absent the model is trained on these tables without labels. */
  params?: ModelParams;
  /** Output threshold; defaults to the settings' review threshold. */
  threshold?: number;
  onProgress?: (phase: LinkPhase, fraction: number) => void;
  /**
   * Computes the comparison vectors of all candidate pairs (fields × pairs, level indexes), e.g.
   * on several threads; returns null to leave it to this thread. The engine stays free of any
   * runtime's threads: a Node runner passes one (see the CLI).
   */
  comparePairs?: PairComparer;
  /**
   * Prepares both tables (e.g. the right one on another thread while this one prepares the
   * left), coding them with the given shared codes exactly as prepareTable would in order left,
   * right; returns null to leave it to this thread. Not used when deduplicating.
   */
  prepareTables?: TablePreparer;
  /**
   * Whether to apply the settings' one-to-one assignment (default: as the settings say). A
   * caller matching one new record at a time against stored ones (a registry) sees only part of
   * the competition and turns it off.
   */
  assignment?: boolean;
}

export type TablePreparer = (leftRows: readonly RawRecord[], rightRows: readonly RawRecord[], settings: LinkSettings, normaliser: FieldNormaliser, codes: SharedCodes) => { left: PreparedTable; right: PreparedTable } | null;

export type PairComparer = (left: PreparedTable, right: PreparedTable, codes: SharedCodes, pairs: { left: Int32Array; right: Int32Array; length: number }) => Uint8Array | null;

/** Level kinds that depend only on the two codes (and so the texts) and whether the groups agree. */
const BY_CODES = new Set<string>(["exact", "name_equivalent", "initial", "jaro_winkler", "levenshtein", "name_tokens", "place_same", "place_same_region"]);
const COSTLY = new Set<string>(["jaro_winkler", "levenshtein", "name_tokens"]);
const MAX_CACHED_CODES = 2048;

/**
 * Per field, the levels already worked out for a pair of codes, for fields with few distinct
 * values (given names, patronymics, places) whose levels need string similarity: the same two
 * names meet again and again across millions of pairs. Null for other fields.
 */
export type LevelCache = ({ codes: number; levels: Uint8Array } | null)[];

export function levelCache(left: PreparedTable, right: PreparedTable): LevelCache {
  return left.fields.map((pf, f) => {
    const kinds = pf.spec.levels.map((l) => l.kind);
    if (!kinds.every((k) => BY_CODES.has(k)) || !kinds.some((k) => COSTLY.has(k))) return null;
    let codes = 0;
    for (const col of [pf.code, right.fields[f]!.code]) for (let i = 0; i < col.length; i++) if (col[i]! >= codes) codes = col[i]! + 1;
    return codes > 0 && codes <= MAX_CACHED_CODES ? { codes, levels: new Uint8Array(codes * codes * 2) } : null;
  });
}

/**
 * Comparison vectors of pairs from..to-1 into gamma (F levels per pair, at pair p's offset p × F).
 * Field by field rather than pair by pair: each field's loop then sees one kind of levels and
 * one set of arrays, which runs markedly faster than mixing all fields in one loop.
 */
export function compareRange(left: PreparedTable, right: PreparedTable, pairLeft: Int32Array, pairRight: Int32Array, from: number, to: number, gamma: Uint8Array, gammaOffset = 0, cache?: LevelCache): void {
  const F = left.fields.length;
  for (let f = 0; f < F; f++) {
    const a = left.fields[f]!;
    const b = right.fields[f]!;
    const c = cache?.[f];
    if (c) compareCached(a, b, c, pairLeft, pairRight, from, to, gamma, (from - gammaOffset) * F + f, F);
    else {
      for (let p = from, o = (from - gammaOffset) * F + f; p < to; p++, o += F) gamma[o] = compareField(a, pairLeft[p]!, b, pairRight[p]!);
    }
  }
}

function compareCached(a: PreparedField, b: PreparedField, c: NonNullable<LevelCache[number]>, pairLeft: Int32Array, pairRight: Int32Array, from: number, to: number, gamma: Uint8Array, o: number, F: number): void {
  const { codes, levels } = c;
  for (let p = from; p < to; p++, o += F) {
    const i = pairLeft[p]!;
    const j = pairRight[p]!;
    const ca = a.code[i]!;
    const cb = b.code[j]!;
    if (ca < 0 || cb < 0) {
      gamma[o] = NULL_LEVEL;
      continue;
    }
    const ga = a.group[i]!;
    const at = (ca * codes + cb) * 2 + (ga >= 0 && ga === b.group[j] ? 1 : 0);
    let level = levels[at]!;
    // Stored as level + 1, so 0 means not yet worked out.
    if (level === 0) levels[at] = level = compareField(a, i, b, j) + 1;
    gamma[o] = level - 1;
  }
}

export interface LinkResult {
  settings: LinkSettings;
  left: PreparedTable;
  right: PreparedTable;
  params: ModelParams;
  training: TrainingReport | null;
  ruleStats: RuleStats[];
  /** Per rule, the key codes pairs were made on (after oversized blocks were split; see sharesBlock), for evaluating blocking. */
  blockingKeys: { left: Int32Array[]; right: Int32Array[]; parents: (Int32Array | null)[] };
  candidatePairs: number;
  /** Every candidate pair blocking made (record indexes), for measuring blocking recall: windows leave out pairs that share a key. */
  candidates: { left: Int32Array; right: Int32Array };
  /** Candidates (at or above the conflict threshold) set aside by the one-to-one assignment: a clearly better candidate for one of their records. */
  setAside: number;
  /** Output pairs (at or above the threshold), as indexes into left/right. */
  matches: { left: Int32Array; right: Int32Array; weight: Float64Array; probability: Float64Array; flags: Uint8Array; count: number };
  /** Other candidate pairs competing with output pair p (record indexes, probability), some perhaps below the threshold. */
  competitors: Map<number, { left: number; right: number; probability: number }[]>;
  timingsMs: Record<LinkPhase, number>;
  explainMatch(p: number): { contributions: FieldContribution[]; text: string; flag: string };
}

/**
 * Links two tables (or deduplicates one, when right is null) with a Fellegi–Sunter model.
 * Every output pair is a candidate for a person to decide; nothing is merged.
 */
export function linkTables(leftRows: readonly RawRecord[], rightRows: readonly RawRecord[] | null, settings: LinkSettings, normaliser: FieldNormaliser, options: LinkOptions = {}): LinkResult {
  const progress = options.onProgress ?? (() => {});
  const timings = { prepare: 0, block: 0, compare: 0, train: 0, score: 0 };
  const dedupe = rightRows === null;
  const F = settings.fields.length;

  let t = performance.now();
  progress("prepare", 0);
  const codes = newSharedCodes(F);
  const both = dedupe ? null : (options.prepareTables?.(leftRows, rightRows, settings, normaliser, codes) ?? null);
  const left = both?.left ?? prepareTable(leftRows, settings, normaliser, codes);
  const right = both?.right ?? (dedupe ? left : prepareTable(rightRows, settings, normaliser, codes));
  timings.prepare = performance.now() - t;

  t = performance.now();
  progress("block", 0);
  const coder = new KeyCoder(settings);
  const coded = coder.codeTables(dedupe ? [left] : [left, right]);
  const leftKeys = coded[0]!;
  const rightKeys = dedupe ? leftKeys : coded[1]!;
  const keyCounts = settings.blocking.map((_, r) => coder.keyCount(r));
  // Oversized blocks split by the rules' split keys: the keys pairs are actually made on.
  const split = settings.blocking.map((_, r) => coder.splitOversized(r, leftKeys[r]!, rightKeys[r]!, keyCounts[r]!, left, right, dedupe));
  const { pairs, stats } = candidatePairs(
    split.map((s) => s.left),
    split.map((s) => s.right),
    split.map((s) => s.keyCount),
    settings.blocking.map((r) => r.name),
    settings.blocking.map((r) => r.maxBlockPairs),
    dedupe,
    (r, frac) => progress("block", (r + frac) / settings.blocking.length),
    split.map((s) => s.parent),
    split.map((s) => s.window),
  );
  split.forEach((s, r) => Object.assign(stats[r]!, { splitBlocks: s.splitBlocks, unsplitBlocks: s.unsplitBlocks, unsplitPairs: s.unsplitPairs }));
  // After blocking, so a record without sex still pairs with every sub-block split by sex.
  inferMissingSex(left, settings, normaliser, codes);
  if (!dedupe) inferMissingSex(right, settings, normaliser, codes);
  inferMissingPatronymic(left, settings, normaliser, codes);
  if (!dedupe) inferMissingPatronymic(right, settings, normaliser, codes);
  timings.block = performance.now() - t;

  t = performance.now();
  const P = pairs.length;
  const step = Math.max(1, Math.floor(P / 50));
  const gamma = options.comparePairs?.(left, right, codes, pairs) ?? compareAll(left, right, pairs, P, F, step, (p) => progress("compare", p / P));
  timings.compare = performance.now() - t;

  t = performance.now();
  progress("train", 0);
  let params = options.params;
  let training: TrainingReport | null = null;
  // Below this many possible pairs, random-pair frequencies say nothing about a population.
  const tooSmall = left.size * right.size < MIN_TRAINING_PAIRS || P < 50;
  if (!params && tooSmall) {
    params = defaultParams(settings.fields.map((f) => f.levels), new Set(settings.fields.flatMap((f, k) => (f.type === "sex" ? [k] : []))));
  }
  if (!params) {
    const trained = trainModel(settings, left, right, dedupe, gamma, pairs, leftKeys, rightKeys, keyCounts);
    params = trained.params;
    training = trained.report;
  }
  timings.train = performance.now() - t;

  t = performance.now();
  const wt = weightTable(settings, params);
  const tf = tooSmall ? { tf: settings.fields.map(() => null) } : termFrequencies(settings, dedupe ? [left] : [left, right], codes.text.map((c) => c.size));
  const threshold = options.threshold ?? settings.thresholds.review;
  const keepFrom = Math.min(threshold, settings.thresholds.conflict);
  const { kept, keptWeight } = keptPairs(pairs, P, gamma, F, wt, tf, left, keepFrom, step, (p) => progress("score", p / P));
  // Conflicts are judged among all plausible candidates, then only pairs at the threshold are output.
  let pool: Pool = {
    left: Int32Array.from(kept, (p) => pairs.left[p]!),
    right: Int32Array.from(kept, (p) => pairs.right[p]!),
    weight: Float64Array.from(keptWeight),
    prob: Float64Array.from(keptWeight, probability),
    count: kept.length,
  };
  let setAside = 0;
  const assignment = settings.assignment;
  if (!dedupe && assignment?.oneToOne && (options.assignment ?? true)) {
    const assigned = assignedPool(pool, assignment.margin);
    setAside = pool.count - assigned.count;
    pool = assigned;
  }
  const conflicts = flagConflicts(pool, left, right, settings);
  const out: number[] = [];
  for (let k = 0; k < pool.count; k++) if (pool.prob[k]! >= threshold) out.push(k);
  const competitors: LinkResult["competitors"] = new Map();
  out.forEach((k, n) => {
    const list = conflicts.competitors.get(k);
    if (list) competitors.set(n, list.map((q) => ({ left: pool.left[q]!, right: pool.right[q]!, probability: pool.prob[q]! })));
  });
  const matches = matchesOf(pool, out, conflicts.flags);
  timings.score = performance.now() - t;
  progress("score", 1);

  return {
    settings,
    left,
    right,
    params,
    training,
    ruleStats: stats,
    blockingKeys: { left: split.map((s) => s.left), right: split.map((s) => s.right), parents: split.map((s) => s.parent) },
    candidatePairs: P,
    candidates: { left: pairs.left.subarray(0, P), right: pairs.right.subarray(0, P) },
    setAside,
    matches,
    competitors,
    timingsMs: timings,
    explainMatch: (p) => explainPair(settings, wt, tf, left, matches.left[p]!, right, matches.right[p]!, matches.probability[p]!, matches.flags[p]!),
  };
}

/** The pairs whose probability reaches keepFrom, with their weights. */
function keptPairs(
  pairs: { left: Int32Array; right: Int32Array },
  P: number,
  gamma: Uint8Array,
  F: number,
  wt: WeightTable,
  tf: TermFrequencies,
  left: PreparedTable,
  keepFrom: number,
  step: number,
  onStep: (p: number) => void,
): { kept: number[]; keptWeight: number[] } {
  const kept: number[] = [];
  const keptWeight: number[] = [];
  for (let p = 0; p < P; p++) {
    if (p % step === 0) onStep(p);
    const i = pairs.left[p]!;
    let fam = 0;
    let child = 0;
    let childFam = 0;
    for (let f = 0; f < F; f++) {
      const l = gamma[p * F + f]!;
      if (l === NULL_LEVEL) continue;
      const d = wt.dependsOn[f]!;
      const dl = d >= 0 ? gamma[p * F + d]! : NULL_LEVEL;
      if (wt.familyMask[f]) fam += fieldWeight(wt, tf, f, l, left.fields[f]!.code[i]!, dl);
      else {
        child += fieldWeight(wt, tf, f, l, left.fields[f]!.code[i]!, dl);
        childFam += wt.familyWeights[f]![l]!;
      }
    }
    const w = combineWeights(wt, fam, child, childFam);
    if (probability(w) >= keepFrom) {
      kept.push(p);
      keptWeight.push(w);
    }
  }
  return { kept, keptWeight };
}

type Pool = { left: Int32Array; right: Int32Array; weight: Float64Array; prob: Float64Array; count: number };

/** The pool without the candidates the one-to-one assignment sets aside. */
function assignedPool(pool: Pool, margin: number): Pool {
  const keep = assignOneToOne(pool.left, pool.right, pool.weight, pool.count, margin);
  const at: number[] = [];
  keep.forEach((k, q) => k && at.push(q));
  return {
    left: Int32Array.from(at, (q) => pool.left[q]!),
    right: Int32Array.from(at, (q) => pool.right[q]!),
    weight: Float64Array.from(at, (q) => pool.weight[q]!),
    prob: Float64Array.from(at, (q) => pool.prob[q]!),
    count: at.length,
  };
}

/** Every candidate pair's comparison levels, in steps that report progress. */
function compareAll(
  left: PreparedTable,
  right: PreparedTable,
  pairs: { left: Int32Array; right: Int32Array },
  P: number,
  F: number,
  step: number,
  onStep: (p: number) => void,
): Uint8Array {
  const gamma = new Uint8Array(P * F);
  const cache = levelCache(left, right);
  for (let p = 0; p < P; p += step) {
    onStep(p);
    compareRange(left, right, pairs.left, pairs.right, p, Math.min(P, p + step), gamma, 0, cache);
  }
  return gamma;
}

/** The output pairs: the pool's entries at `out`. */
function matchesOf(pool: Pool, out: readonly number[], flags: ArrayLike<number>): LinkResult["matches"] {
  return {
    left: Int32Array.from(out, (k) => pool.left[k]!),
    right: Int32Array.from(out, (k) => pool.right[k]!),
    weight: Float64Array.from(out, (k) => pool.weight[k]!),
    probability: Float64Array.from(out, (k) => pool.prob[k]!),
    flags: Uint8Array.from(out, (k) => flags[k]!),
    count: out.length,
  };
}

/** How much the family fields gave and how much of it counted, in the explanation's words. */
function familyNote(wt: WeightTable, parts: readonly FieldContribution[]): string {
  const total = parts.reduce((s, c, f) => s + (wt.familyMask[f] ? c.weight : 0), 0);
  return `together ${total >= 0 ? "+" : ""}${total.toFixed(1)}, counted as at most +${(wt.familyCeiling - wt.prior).toFixed(1)}`;
}

function explainPair(settings: LinkSettings, wt: WeightTable, tf: TermFrequencies, left: PreparedTable, i: number, right: PreparedTable, j: number, prob: number, flag: number) {
  const gamma = settings.fields.map((_, f) => compareField(left.fields[f]!, i, right.fields[f]!, j));
  const scored = scoreVector(wt, tf, gamma, settings.fields.map((_, f) => left.fields[f]!.code[i]!));
  const parts = contributions(settings, wt, tf, gamma, left, i, right, j, scored.familyBranch);
  let text = explain(parts, prob, scored.familyBranch ? familyNote(wt, parts) : undefined);
  const flagName = describeFlags(flag);
  if (flagName === "family_conflict") text = `REVIEW AS A SET: records of one family (siblings or twins) compete for this record. ${text}`;
  else if (flagName === "multiple_candidates") text = `Several candidates compete for this record. ${text}`;
  return { contributions: parts, text, flag: flagName };
}
