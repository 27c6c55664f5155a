// OpenSanctions' labelled name pairs (nomenklatura name_bench), Person rows: our person-name
// comparator beside nomenklatura's logic-v2 saved scores.
// Usage: npm run bench:matching-names
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { CHILD_PRESET_INPUT, crossScriptNormaliser, parseSettings } from "../src/matching/index.ts";
import { compareField } from "../src/matching/model/comparison-levels.ts";
import { newSharedCodes, prepareTable } from "../src/matching/model/prepared-table.ts";

const dir = fileURLToPath(new URL("../../shared/data/nomenklatura_name_bench/", import.meta.url));
if (!existsSync(dir)) {
  console.log(`name bench not found at ${dir}; skipped`);
  process.exit(0);
}
type Row = Record<string, string>;
const cases = (parse(readFileSync(dir + "cases.csv", "utf8"), { columns: true }) as Row[]).filter((r) => r.schema === "Person");
const frozen = (parse(readFileSync(dir + "logicv2-frozen.csv", "utf8"), { columns: true }) as Row[]).filter((r) => r.schema === "Person");

// The comparator is a whole-name field (person_name: any script, any order) with the preset's
// levels plus token alignment, which finds reordered names, middle names and initials.
const input = structuredClone(CHILD_PRESET_INPUT);
const motherField = input.fields.find((f) => f.name === "mother_name")!;
motherField.levels = [
  { kind: "exact" },
  { kind: "name_equivalent" },
  { kind: "name_tokens", threshold: 0.92 },
  { kind: "jaro_winkler", threshold: 0.92 },
  { kind: "name_tokens", threshold: 0.8 },
  { kind: "jaro_winkler", threshold: 0.8 },
];
const settings = parseSettings(input);
const field = settings.fields.findIndex((f) => f.name === "mother_name");
const levels = settings.fields[field]!.levels;
const normaliser = crossScriptNormaliser();
function level(a: string, b: string): number {
  const codes = newSharedCodes(settings.fields.length);
  const l = prepareTable([{ mother_name: a }], settings, normaliser, codes);
  const r = prepareTable([{ mother_name: b }], settings, normaliser, codes);
  return compareField(l.fields[field]!, 0, r.fields[field]!, 0);
}

function score(rows: Row[], predict: (r: Row) => boolean) {
  let tp = 0, fp = 0, fn = 0;
  for (const r of rows) {
    const truth = r.is_match === "true";
    const p = predict(r);
    if (p && truth) tp++;
    else if (p) fp++;
    else if (truth) fn++;
  }
  const precision = tp / Math.max(1, tp + fp), recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
const fmt = (s: { precision: number; recall: number; f1: number }) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

console.log(`# nomenklatura name_bench, Person rows (${cases.length} in cases.csv, ${frozen.length} scored in logicv2-frozen.csv)`);
console.log(`levels: ${levels.map((l) => l.kind + ("threshold" in l ? ` ${l.threshold}` : "")).join(", ")}, else`);
for (let cut = 1; cut <= levels.length; cut++) {
  const label = `match when level is one of the first ${cut} (${levels.slice(0, cut).map((l) => l.kind + ("threshold" in l ? ` ${l.threshold}` : "")).join(", ")})`;
  console.log(`\n${label}`);
  console.log(`  all Person cases:            ${fmt(score(cases, (r) => level(r.name1!, r.name2!) < cut))}`);
  console.log(`  frozen Person cases, ours:   ${fmt(score(frozen, (r) => level(r.name1!, r.name2!) < cut))}`);
}
console.log(`\nnomenklatura logic-v2 on the frozen Person cases (saved predictions, threshold 0.7): ${fmt(score(frozen, (r) => r.predicted_match === "true"))}`);
