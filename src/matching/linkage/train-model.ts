import { compareField, levelCount } from "../model/comparison-levels.ts";
import { compressPatterns, estimateU, expectationMaximisation, initialM, mulberry32, type ModelParams } from "../model/em-training.ts";
import type { PreparedTable } from "../model/prepared-table.ts";
import { estimateConditionalU } from "./conditional-u.ts";
import { estimateFamilyU } from "./family-u.ts";
import type { LinkSettings } from "../model/settings-schema.ts";

const MAX_TRAINING_BLOCK = 3;

export interface TrainingReport {
  randomPairs: number;
  emPairs: number;
  /** share of matches among candidate pairs */
  blockedLambda?: number;
  sessions: { rule: string; pairs: number; lambda: number; estimated: string[] }[];
}

/**
 * Learns m and u without labels. u comes from random pairs. m comes from one EM session per
 * blocking rule: within a rule's pairs, the fields the rule blocks on say nothing (they agree by
 * construction), so each field's m is the mean over the sessions that did not block on it.
 */
export function trainModel(
  settings: LinkSettings,
  left: PreparedTable,
  right: PreparedTable,
  dedupe: boolean,
  gamma: Uint8Array,
  pairs: { left: Int32Array; right: Int32Array; length: number },
  leftKeys: readonly Int32Array[],
  rightKeys: readonly Int32Array[],
  keyCounts: readonly number[],
): { params: ModelParams; report: TrainingReport } {
  const F = settings.fields.length;
  const pairCount = pairs.length;
  const counts = settings.fields.map((f) => levelCount(f.levels));
  const rnd = mulberry32(settings.training.seed);
  const sample = Math.min(settings.training.randomPairs, Math.max(1000, left.size * right.size));
  const u = estimateU(
    counts,
    sample,
    (f, i, j) => compareField(left.fields[f]!, i, right.fields[f]!, j),
    () => {
      const i = Math.floor(rnd() * left.size);
      let j = Math.floor(rnd() * right.size);
      if (dedupe && j === i) j = (j + 1) % right.size;
      return [i, j];
    },
  );
  const sums = counts.map((k) => new Float64Array(k));
  const sessionsPerField = new Int32Array(F);
  const report: TrainingReport = { randomPairs: sample, emPairs: Math.min(pairCount, settings.training.maxEmPairs), sessions: [] };
  const perRuleLimit = Math.ceil(settings.training.maxEmPairs / settings.blocking.length);
  const trainOn = new Set(settings.training.rules ?? settings.blocking.map((b) => b.name));
  settings.blocking.forEach((rule, r) => {
    if (!trainOn.has(rule.name)) return;
    const blockedOn = new Set(rule.keys.map((k) => k.field));
    const fixed = new Set(
      settings.fields.flatMap((f, k) => (blockedOn.has(f.name) || f.impliedBy?.some((n) => blockedOn.has(n)) ? [k] : [])),
    );
    // The session is every candidate pair agreeing on this rule's key, whichever rule produced
    // it first; taking only the pairs it produced first would leave mostly the hard cases.
    // Only small blocks train: in a block of many records (a common name) most pairs are
    // namesakes, and EM would learn "namesake" rather than "same child".
    const lk = leftKeys[r]!;
    const rk = rightKeys[r]!;
    const lc = new Uint32Array(keyCounts[r]!);
    const rc = dedupe ? lc : new Uint32Array(keyCounts[r]!);
    for (const c of lk) if (c >= 0) lc[c]!++;
    if (!dedupe) for (const c of rk) if (c >= 0) rc[c]!++;
    const inRule = (p: number) => {
      const c = lk[pairs.left[p]!]!;
      return c >= 0 && c === rk[pairs.right[p]!] && lc[c]! <= MAX_TRAINING_BLOCK && rc[c]! <= MAX_TRAINING_BLOCK;
    };
    const patterns = compressPatterns(gamma.subarray(0, pairCount * F), F, inRule, perRuleLimit);
    const used = patterns.counts.reduce((a, b) => a + b, 0);
    if (used < 50) return;
    const fit = expectationMaximisation(patterns, u, counts.map(initialM), 0.3, settings.training.emIterations, fixed);
    const estimated: string[] = [];
    for (let f = 0; f < F; f++) {
      if (fixed.has(f)) continue;
      estimated.push(settings.fields[f]!.name);
      sessionsPerField[f]!++;
      fit.fields[f]!.m.forEach((v, l) => (sums[f]![l]! += v));
    }
    report.sessions.push({ rule: rule.name, pairs: used, lambda: fit.lambda, estimated });
  });
  const allPatterns = compressPatterns(gamma.subarray(0, pairCount * F), F, undefined, settings.training.maxEmPairs);
  let m = counts.map((k, f) => (sessionsPerField[f]! > 0 ? Array.from(sums[f]!, (x) => x / sessionsPerField[f]!) : initialM(k)));
  if (sessionsPerField.some((s) => s === 0)) {
    // Some field was blocked on by every rule: estimate it from all candidate pairs together.
    const global = expectationMaximisation(allPatterns, u, m, 0.3, settings.training.emIterations);
    m = m.map((mf, f) => (sessionsPerField[f]! > 0 ? mf : global.fields[f]!.m));
  }
  // With m and u settled, only the share of matches among candidate pairs remains.
  const final = expectationMaximisation(allPatterns, u, m, 0.3, settings.training.emIterations, new Set(), false);
  // Scores use the prior over ALL record pairs: the blocked pairs' share would count the
  // blocking fields' agreement twice.
  const allPairs = dedupe ? (left.size * (left.size - 1)) / 2 : left.size * right.size;
  const lambda = Math.min(0.5, Math.max(1e-12, (final.lambda * pairCount) / Math.max(1, allPairs)));
  report.blockedLambda = final.lambda;
  const uFamily = estimateFamilyU(settings, dedupe ? [left] : [left, right]);
  const uGiven = estimateConditionalU(settings, left, right, dedupe, sample, rnd);
  return {
    params: {
      lambda,
      fields: m.map((mf, f) => ({ m: mf, u: u[f]!, ...(uFamily[f] ? { uFamily: uFamily[f]! } : {}), ...(uGiven[f] ? { uGiven: uGiven[f]! } : {}) })),
    },
    report,
  };
}
