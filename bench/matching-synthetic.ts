// Cross-script synthetic benchmark: Ukrainian tracing records against Russian-side holding
// records of the same children (renamed, adopted, Latin, date errors, siblings, twins).
// Usage: npm run bench:matching-synthetic [-- SIZE [--errors N]]
// --errors N prints up to N wrong-family pairs, missed true pairs and sibling links, with both records.
import { childPreset, crossScriptNormaliser, linkTables } from "../src/matching/index.ts";
import { generatePopulation } from "./generate/child-population.ts";
import { evaluate, printErrors, printEvaluation } from "./matching-evaluate.ts";

const args = process.argv.slice(2);
const errorsAt = args.indexOf("--errors");
const errorLimit = errorsAt >= 0 ? Number(args.splice(errorsAt, 2)[1] ?? 50) : 0;
const size = Number(args[0] ?? 50_000);
const t0 = performance.now();
const pop = generatePopulation({ size, seed: 11 });
console.log(`# Synthetic cross-script linkage, ${pop.left.length} × ${pop.right.length} records (${pop.twinsPairs} twin pairs), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const t1 = performance.now();
const result = linkTables(pop.left, pop.right, childPreset(), crossScriptNormaliser());
const seconds = (performance.now() - t1) / 1000;
const e = evaluate(result, { leftEntity: pop.leftChild, rightEntity: pop.rightChild, leftFamily: pop.leftFamily, rightFamily: pop.rightFamily });
printEvaluation(`child preset, review threshold`, e, result);
console.log(`linkage wall time ${seconds.toFixed(1)} s`);
if (errorLimit > 0) printErrors(result, { leftEntity: pop.leftChild, rightEntity: pop.rightChild, leftFamily: pop.leftFamily, rightFamily: pop.rightFamily }, errorLimit);
const variants: [string, { threshold?: number; assignment?: boolean }][] = [
  ["threshold 0.5", { threshold: 0.5 }],
  ["threshold 0.99", { threshold: 0.99 }],
  // What the one-to-one assignment does: the same model without it.
  ["without one-to-one assignment, threshold 0.9", { assignment: false }],
];
for (const [name, opts] of variants) {
  const r2 = linkTables(pop.left, pop.right, childPreset(), crossScriptNormaliser(), { params: result.params, ...opts });
  const e2 = evaluate(r2, { leftEntity: pop.leftChild, rightEntity: pop.rightChild, leftFamily: pop.leftFamily, rightFamily: pop.rightFamily });
  console.log(`${name}: P ${e2.precision.toFixed(4)} R ${e2.recall.toFixed(4)} F1 ${e2.f1.toFixed(4)} wrong-family ${e2.wrongFamily} (unflagged ${e2.wrongFamilyUnflagged}) flagged ${e2.flagged}`);
}
console.log("\nm/u per field (level order as in the settings, last = else):");
result.settings.fields.forEach((f, k) => {
  const p = result.params.fields[k]!;
  console.log(`${f.name}: m ${p.m.map((x) => x.toFixed(3)).join(" ")} | u ${p.u.map((x) => x.toExponential(1)).join(" ")}${p.uGiven ? ` | u when ${f.dependsOn} agrees ${p.uGiven.map((x) => x.toExponential(1)).join(" ")}` : ""}`);
});
