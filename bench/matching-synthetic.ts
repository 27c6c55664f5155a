// Cross-script synthetic benchmark: Ukrainian tracing records against Russian-side holding
// records of the same children (renamed, adopted, Latin, date errors, siblings, twins).
// Usage: npm run bench:matching-synthetic [-- SIZE [--seeds 3,7,11,23 | --seeds 1-15,23] [--errors N]]
// --errors N prints up to N wrong-family pairs, missed true pairs and sibling links, with both records.
// --seeds runs the generator once per seed and prints each seed's figures, then pooled ones
// (a result met on one seed only is luck); the default is seed 11 alone, with the variants.
import { childPreset, crossScriptNormaliser, linkTables } from "../src/matching/index.ts";
import { generatePopulation } from "./generate/child-population.ts";
import { evaluate, type Evaluation, poissonInterval, printErrors, printEvaluation } from "./matching-evaluate.ts";

const args = process.argv.slice(2);
const errorsAt = args.indexOf("--errors");
const errorLimit = errorsAt >= 0 ? Number(args.splice(errorsAt, 2)[1] ?? 50) : 0;
const seedsAt = args.indexOf("--seeds");
// "1-15,23" is seeds 1 to 15 and 23.
const seeds = seedsAt >= 0 ? (args.splice(seedsAt, 2)[1] ?? "").split(",").flatMap(seedRange) : [11];
if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s))) throw new Error("--seeds takes a comma-separated list of integers or ranges, e.g. --seeds 3,7,11,23 or --seeds 1-15,23");
const size = Number(args[0] ?? 50_000);

function seedRange(part: string): number[] {
  const m = /^(\d+)-(\d+)$/.exec(part.trim());
  if (!m) return [Number(part)];
  const [a, b] = [Number(m[1]), Number(m[2])];
  return b >= a ? Array.from({ length: b - a + 1 }, (_, k) => a + k) : [Number.NaN];
}


const multi = seedsAt >= 0;
const perSeed: { seed: number; e: Evaluation; seconds: number }[] = [];

for (const seed of seeds) {
  const t0 = performance.now();
  const pop = generatePopulation({ size, seed });
  console.log(`${multi ? `\n# Seed ${seed}\n` : ""}# Synthetic cross-script linkage, ${pop.left.length} × ${pop.right.length} records (${pop.twinsPairs} twin pairs), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const result = linkTables(pop.left, pop.right, childPreset(), crossScriptNormaliser());
  const seconds = (performance.now() - t1) / 1000;
  const truth = { leftEntity: pop.leftChild, rightEntity: pop.rightChild, leftFamily: pop.leftFamily, rightFamily: pop.rightFamily };
  const e = evaluate(result, truth);
  perSeed.push({ seed, e, seconds });
  printEvaluation(`child preset, review threshold${multi ? `, seed ${seed}` : ""}`, e, result);
  console.log(`linkage wall time ${seconds.toFixed(1)} s`);
  if (errorLimit > 0) printErrors(result, truth, errorLimit);
  if (multi) continue;
  const variants: [string, { threshold?: number; assignment?: boolean }][] = [
    ["threshold 0.5", { threshold: 0.5 }],
    ["threshold 0.99", { threshold: 0.99 }],
    // What the one-to-one assignment does: the same model without it.
    ["without one-to-one assignment, threshold 0.9", { assignment: false }],
  ];
  for (const [name, opts] of variants) {
    const r2 = linkTables(pop.left, pop.right, childPreset(), crossScriptNormaliser(), { params: result.params, ...opts });
    const e2 = evaluate(r2, truth);
    console.log(`${name}: P ${e2.precision.toFixed(4)} R ${e2.recall.toFixed(4)} F1 ${e2.f1.toFixed(4)} wrong-family ${e2.wrongFamily} (unflagged ${e2.wrongFamilyUnflagged}) flagged ${e2.flagged}`);
  }
  console.log("\nm/u per field (level order as in the settings, last = else):");
  result.settings.fields.forEach((f, k) => {
    const p = result.params.fields[k]!;
    console.log(`${f.name}: m ${p.m.map((x) => x.toFixed(3)).join(" ")} | u ${p.u.map((x) => x.toExponential(1)).join(" ")}${p.uGiven ? ` | u when ${f.dependsOn} agrees ${p.uGiven.map((x) => x.toExponential(1)).join(" ")}` : ""}`);
  });
}

if (multi) {
  const f = (x: number) => x.toFixed(4);
  const per10k = (wrong: number, pairs: number) => ((wrong / Math.max(1, pairs)) * 10_000).toFixed(2);
  console.log(`\n## Per seed (${size.toLocaleString("en")} × ${size.toLocaleString("en")}, review threshold)`);
  console.log("| seed | true pairs | output | precision | recall | F1 | wrong-family (unflagged) | per 10,000 true pairs | blocking recall | linkage s |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const { seed, e, seconds } of perSeed) {
    console.log(`| ${seed} | ${e.truePairs} | ${e.predicted} | ${f(e.precision)} | ${f(e.recall)} | ${f(e.f1)} | ${e.wrongFamily} (${e.wrongFamilyUnflagged}) | ${per10k(e.wrongFamily, e.truePairs)} | ${f(e.blockingRecall)} | ${seconds.toFixed(1)} |`);
  }
  const sum = (g: (e: Evaluation) => number) => perSeed.reduce((a, s) => a + g(s.e), 0);
  const truePairs = sum((e) => e.truePairs);
  const predicted = sum((e) => e.predicted);
  const tp = sum((e) => e.tp);
  const wrong = sum((e) => e.wrongFamily);
  const p = predicted ? tp / predicted : 1;
  const r = truePairs ? tp / truePairs : 1;
  const f1s = perSeed.map((s) => s.e.f1);
  console.log(`\n## Pooled over seeds ${seeds.join(", ")}`);
  console.log(`true pairs ${truePairs}, output pairs ${predicted}; pooled precision ${f(p)} recall ${f(r)} F1 ${f(p + r ? (2 * p * r) / (p + r) : 0)}`);
  console.log(`F1 per seed: mean ${f(f1s.reduce((a, x) => a + x, 0) / f1s.length)}, min ${f(Math.min(...f1s))}, max ${f(Math.max(...f1s))}`);
  const [lo, hi] = poissonInterval(wrong);
  console.log(`wrong-family links ${wrong} (${sum((e) => e.wrongFamilyUnflagged)} not flagged) = ${per10k(wrong, truePairs)} per 10,000 true pairs (95% interval ${per10k(lo, truePairs)}–${per10k(hi, truePairs)}); worst seed ${Math.max(...perSeed.map((s) => (s.e.wrongFamily / Math.max(1, s.e.truePairs)) * 10_000)).toFixed(2)}`);
  console.log(`goals (F1 ≥ 0.98 and ≤ 1 wrong-family link per 10,000 true pairs) met on ${perSeed.filter((s) => s.e.f1 >= 0.98 && (s.e.wrongFamily / Math.max(1, s.e.truePairs)) * 10_000 <= 1).length} of ${perSeed.length} seeds`);
}
