import { sharesBlock } from "../src/matching/blocking/candidate-pairs.ts";
import type { LinkResult } from "../src/matching/index.ts";
import { compareField } from "../src/matching/model/comparison-levels.ts";
import { contributions, probability, scoreVector, termFrequencies, weightTable } from "../src/matching/model/match-scorer.ts";
import type { PreparedTable } from "../src/matching/model/prepared-table.ts";

export interface Truth {
  leftEntity: Int32Array;
  rightEntity: Int32Array;
  leftFamily?: Int32Array;
  rightFamily?: Int32Array;
}

function truePairKeys(t: Truth, dedupe: boolean): { total: number; pairs: [number, number][] } {
  const byEntity = new Map<number, number[]>();
  t.rightEntity.forEach((e, j) => {
    const l = byEntity.get(e);
    if (l) l.push(j);
    else byEntity.set(e, [j]);
  });
  const pairs: [number, number][] = [];
  t.leftEntity.forEach((e, i) => {
    for (const j of byEntity.get(e) ?? []) if (!dedupe || i < j) pairs.push([i, j]);
  });
  return { total: pairs.length, pairs };
}

export interface Evaluation {
  truePairs: number;
  predicted: number;
  tp: number;
  fp: number;
  precision: number;
  recall: number;
  f1: number;
  wrongFamily: number;
  wrongFamilyUnflagged: number;
  flagged: number;
  flaggedCorrect: number;
  unflaggedPrecision: number;
  blockingRecall: number;
  ruleRecall: { rule: string; recall: number; newPairs: number; pairs: number; skippedBlocks: number; splitBlocks: number; unsplitBlocks: number; unsplitPairs: number }[];
}

export function evaluate(result: LinkResult, truth: Truth, dedupe = false): Evaluation {
  const m = result.matches;
  const { total, pairs } = truePairKeys(truth, dedupe);
  let tp = 0, wrongFamily = 0, wrongFamilyUnflagged = 0, flagged = 0, flaggedCorrect = 0, unflagged = 0, unflaggedTp = 0;
  for (let p = 0; p < m.count; p++) {
    const i = m.left[p]!;
    const j = m.right[p]!;
    const ok = truth.leftEntity[i] === truth.rightEntity[j];
    if (ok) tp++;
    const f = m.flags[p]! !== 0;
    if (f) {
      flagged++;
      if (ok) flaggedCorrect++;
    } else {
      unflagged++;
      if (ok) unflaggedTp++;
    }
    if (truth.leftFamily && truth.rightFamily && truth.leftFamily[i] !== truth.rightFamily[j]) {
      wrongFamily++;
      if (!f) wrongFamilyUnflagged++;
    }
  }
  const precision = m.count ? tp / m.count : 1;
  const recall = total ? tp / total : 1;
  // Blocking recall of the union: true pairs among the candidates actually made (a window
  // leaves out pairs that share a key). Per rule: true pairs sharing the rule's key, before
  // windows, i.e. what the rule alone could find.
  const lk = result.blockingKeys.left;
  const rk = result.blockingKeys.right;
  const perRule = new Float64Array(lk.length);
  const width = result.right.size;
  const made = new Set<number>();
  const c = result.candidates;
  for (let p = 0; p < c.left.length; p++) {
    const [i, j] = dedupe && c.left[p]! > c.right[p]! ? [c.right[p]!, c.left[p]!] : [c.left[p]!, c.right[p]!];
    made.add(i * width + j);
  }
  let union = 0;
  for (const [i, j] of pairs) {
    for (let r = 0; r < lk.length; r++) if (sharesBlock(result.blockingKeys.parents[r], lk[r]![i]!, rk[r]![j]!)) perRule[r]!++;
    const [a, b] = dedupe && i > j ? [j, i] : [i, j];
    if (made.has(a * width + b)) union++;
  }
  return {
    truePairs: total,
    predicted: m.count,
    tp,
    fp: m.count - tp,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    wrongFamily,
    wrongFamilyUnflagged,
    flagged,
    flaggedCorrect,
    unflaggedPrecision: unflagged ? unflaggedTp / unflagged : 1,
    blockingRecall: total ? union / total : 1,
    ruleRecall: result.ruleStats.map((s, r) => ({ rule: s.name, recall: total ? perRule[r]! / total : 1, newPairs: s.newPairs, pairs: s.pairs, skippedBlocks: s.skippedBlocks, splitBlocks: s.splitBlocks, unsplitBlocks: s.unsplitBlocks, unsplitPairs: s.unsplitPairs })),
  };
}

export function printEvaluation(title: string, e: Evaluation, result: LinkResult): void {
  const f = (x: number) => x.toFixed(4);
  console.log(`\n## ${title}`);
  console.log(`true pairs ${e.truePairs}, candidate pairs ${result.candidatePairs}, output pairs ${e.predicted} (threshold ${result.settings.thresholds.review})`);
  console.log(`precision ${f(e.precision)}  recall ${f(e.recall)}  F1 ${f(e.f1)}`);
  if (result.settings.family) {
    console.log(`wrong-family links ${e.wrongFamily} (${((e.wrongFamily / Math.max(1, e.truePairs)) * 10_000).toFixed(2)} per 10,000 true pairs); of them not flagged for set review: ${e.wrongFamilyUnflagged}`);
    console.log(`flagged for review as a set: ${e.flagged} pairs (${e.flaggedCorrect} of them true); precision of unflagged pairs ${f(e.unflaggedPrecision)}`);
  }
  if (!result.settings.family) console.log(`pairs flagged as competing candidates: ${e.flagged}`);
  if (result.settings.assignment?.oneToOne) console.log(`set aside by the one-to-one assignment (margin ${result.settings.assignment.margin}): ${result.setAside} candidates at or above the conflict threshold`);
  console.log(`blocking recall (union) ${f(e.blockingRecall)}`);
  console.log("| rule | new pairs | pairs on key | split blocks | skipped blocks | unsplit blocks (pairs dropped) | windowed blocks (pairs left out) | recall alone (key shared, before windows) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  e.ruleRecall.forEach((r, k) => {
    const st = result.ruleStats[k]!;
    console.log(`| ${r.rule} | ${r.newPairs} | ${r.pairs} | ${r.splitBlocks} | ${r.skippedBlocks} | ${r.unsplitBlocks} (${r.unsplitPairs}) | ${st.windowBlocks} (${st.windowPairs}) | ${f(r.recall)} |`);
  });
  const t = result.timingsMs;
  console.log(`timings ms: prepare ${t.prepare.toFixed(0)}, block ${t.block.toFixed(0)}, compare ${t.compare.toFixed(0)}, train ${t.train.toFixed(0)}, score ${t.score.toFixed(0)}; lambda ${result.params.lambda.toExponential(3)}`);
}

/**
 * Prints the errors to look at: output pairs whose records belong to different families, and
 * true pairs the engine missed (not a candidate, or scored below the threshold), each with both
 * records, every field's level and weight, and the output pairs competing for either record.
 */
export function printErrors(result: LinkResult, truth: Truth, limit: number, dedupe = false): void {
  const s = result.settings;
  const wt = weightTable(s, result.params);
  const tf = termFrequencies(s, dedupe ? [result.left] : [result.left, result.right], s.fields.map((_, f) => {
    let max = -1;
    for (const t of [result.left, result.right]) for (const c of t.fields[f]!.code) if (c > max) max = c;
    return max + 1;
  }));
  const m = result.matches;
  const outByLeft = new Map<number, number[]>();
  const outByRight = new Map<number, number[]>();
  for (let p = 0; p < m.count; p++) {
    (outByLeft.get(m.left[p]!) ?? outByLeft.set(m.left[p]!, []).get(m.left[p]!)!).push(p);
    (outByRight.get(m.right[p]!) ?? outByRight.set(m.right[p]!, []).get(m.right[p]!)!).push(p);
  }
  const cell = (t: PreparedTable, i: number, f: number) => t.fields[f]!.raw[i] || "·";
  const describe = (i: number, j: number, header: string) => {
    const gamma = s.fields.map((_, f) => compareField(result.left.fields[f]!, i, result.right.fields[f]!, j));
    const sc = scoreVector(wt, tf, gamma, s.fields.map((_, f) => result.left.fields[f]!.code[i]!));
    const parts = contributions(s, wt, tf, gamma, result.left, i, result.right, j, sc.familyBranch);
    const fam = (side: Int32Array | undefined, k: number) => (side ? side[k] : "?");
    console.log(`\n${header} p=${probability(sc.weight).toFixed(4)} w=${sc.weight.toFixed(1)}${sc.familyBranch ? " (family branch)" : ""}`);
    console.log(`  L ${result.left.ids[i]} child ${truth.leftEntity[i]} fam ${fam(truth.leftFamily, i)} | R ${result.right.ids[j]} child ${truth.rightEntity[j]} fam ${fam(truth.rightFamily, j)}`);
    s.fields.forEach((spec, f) => {
      const p = parts[f]!;
      console.log(`  ${spec.name.padEnd(12)} ${cell(result.left, i, f).padEnd(28)} ${cell(result.right, j, f).padEnd(28)} ${p.level.slice(0, 24).padEnd(24)} ${p.weight >= 0 ? "+" : ""}${p.weight.toFixed(1)}`);
    });
    for (const q of [...(outByLeft.get(i) ?? []), ...(outByRight.get(j) ?? [])]) {
      if (m.left[q] === i && m.right[q] === j) continue;
      const ok = truth.leftEntity[m.left[q]!] === truth.rightEntity[m.right[q]!];
      console.log(`  competing output: ${result.left.ids[m.left[q]!]}–${result.right.ids[m.right[q]!]} p=${m.probability[q]!.toFixed(4)} ${ok ? "TRUE" : "false"} flags ${m.flags[q]}`);
    }
  };
  let shown = 0;
  console.log(`\n### Wrong-family output pairs`);
  for (let p = 0; p < m.count && shown < limit; p++) {
    const i = m.left[p]!;
    const j = m.right[p]!;
    if (!truth.leftFamily || !truth.rightFamily || truth.leftFamily[i] === truth.rightFamily[j]) continue;
    shown++;
    describe(i, j, `WRONG FAMILY flags ${m.flags[p]}`);
  }
  const output = new Set<string>();
  for (let p = 0; p < m.count; p++) output.add(`${m.left[p]} ${m.right[p]}`);
  const { pairs } = truePairKeys(truth, dedupe);
  shown = 0;
  console.log(`\n### Missed true pairs`);
  for (const [i, j] of pairs) {
    if (shown >= limit) break;
    if (output.has(`${i} ${j}`)) continue;
    shown++;
    const blocked = result.blockingKeys.left.some((lk, r) => sharesBlock(result.blockingKeys.parents[r], lk[i]!, result.blockingKeys.right[r]![j]!));
    describe(i, j, `MISSED ${blocked ? "(candidate)" : "(not blocked)"}`);
  }
  console.log(`\n### Same-family wrong child (siblings/twins) in output`);
  shown = 0;
  for (let p = 0; p < m.count && shown < limit; p++) {
    const i = m.left[p]!;
    const j = m.right[p]!;
    if (truth.leftEntity[i] === truth.rightEntity[j] || !truth.leftFamily || truth.leftFamily[i] !== truth.rightFamily![j]) continue;
    shown++;
    describe(i, j, `SIBLING flags ${m.flags[p]}`);
  }
}

/**
 * Exact (Garwood) 95% interval for a Poisson count, by bisection on the Poisson tail: the
 * wrong-family goal is about a rate, and a handful of events cannot show a rate is below 1 in
 * 10,000 unless the interval's upper end is.
 */
export function poissonInterval(k: number): [number, number] {
  const cdf = (n: number, mu: number) => {
    let term = Math.exp(-mu);
    let sum = term;
    for (let i = 1; i <= n; i++) {
      term *= mu / i;
      sum += term;
    }
    return sum;
  };
  const solve = (f: (mu: number) => number) => {
    let lo = 0;
    let hi = 10 * k + 20;
    for (let it = 0; it < 200; it++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  // lower: P(X >= k | mu) = 0.025; upper: P(X <= k | mu) = 0.025
  const lower = k === 0 ? 0 : solve((mu) => 0.025 - (1 - cdf(k - 1, mu)));
  const upper = solve((mu) => cdf(k, mu) - 0.025);
  return [lower, upper];
}
