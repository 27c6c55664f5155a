import { compareField, levelCount } from "../model/comparison-levels.ts";
import { compressPatterns, estimateU, expectationMaximisation, initialM, mulberry32, type ModelParams } from "../model/em-training.ts";
import type { PreparedTable } from "../model/prepared-table.ts";
import type { LinkSettings } from "../model/settings-schema.ts";

export interface TrainingReport {
  randomPairs: number;
  emPairs: number;
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
  pairRule: Uint8Array,
  pairCount: number,
): { params: ModelParams; report: TrainingReport } {
  const F = settings.fields.length;
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
  const fieldIndex = new Map(settings.fields.map((f, k) => [f.name, k]));
  const sums = counts.map((k) => new Float64Array(k));
  const sessionsPerField = new Int32Array(F);
  const report: TrainingReport = { randomPairs: sample, emPairs: Math.min(pairCount, settings.training.maxEmPairs), sessions: [] };
  const perRuleLimit = Math.ceil(settings.training.maxEmPairs / settings.blocking.length);
  settings.blocking.forEach((rule, r) => {
    const fixed = new Set(rule.keys.map((k) => fieldIndex.get(k.field)!));
    const patterns = compressPatterns(gamma.subarray(0, pairCount * F), F, (p) => pairRule[p] === r, perRuleLimit);
    const pairs = patterns.counts.reduce((a, b) => a + b, 0);
    if (pairs < 50) return;
    const fit = expectationMaximisation(patterns, u, counts.map(initialM), 0.3, settings.training.emIterations, fixed);
    const estimated: string[] = [];
    for (let f = 0; f < F; f++) {
      if (fixed.has(f)) continue;
      estimated.push(settings.fields[f]!.name);
      sessionsPerField[f]!++;
      fit.fields[f]!.m.forEach((v, l) => (sums[f]![l]! += v));
    }
    report.sessions.push({ rule: rule.name, pairs, lambda: fit.lambda, estimated });
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
  return { params: { lambda: final.lambda, fields: m.map((mf, f) => ({ m: mf, u: u[f]! })) }, report };
}
