// FEBRL4 (5,000 × 5,000, one duplicate each) WITHOUT soc_sec_id, unsupervised.
// Usage: npm run bench:matching-febrl
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { linkTables, parseSettings, simpleNormaliser } from "../src/matching/index.ts";
import { evaluate, printEvaluation } from "./matching-evaluate.ts";

const dir = fileURLToPath(new URL("../../shared/data/febrl/", import.meta.url));
if (!existsSync(dir)) {
  console.log(`FEBRL data not found at ${dir}; skipped`);
  process.exit(0);
}
const read = (f: string) => parse(readFileSync(dir + f, "utf8"), { columns: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
const a = read("dataset4a.csv");
const b = read("dataset4b.csv");
for (const r of [...a, ...b]) delete r.soc_sec_id; // exact soc_sec_id alone gives F1 0.954

const str = (name: string, tf = false) => ({
  name,
  type: "string" as const,
  levels: [{ kind: "exact" as const }, { kind: "levenshtein" as const, maxDistance: 1 }, { kind: "jaro_winkler" as const, threshold: 0.9 }, { kind: "jaro_winkler" as const, threshold: 0.75 }],
  termFrequency: tf,
});
const settings = parseSettings({
  version: 1,
  idColumn: "rec_id",
  fields: [
    str("given_name", true),
    str("surname", true),
    { name: "date_of_birth", type: "string", levels: [{ kind: "exact" }, { kind: "levenshtein", maxDistance: 1 }, { kind: "levenshtein", maxDistance: 2 }] },
    { name: "street_number", type: "string", levels: [{ kind: "exact" }, { kind: "levenshtein", maxDistance: 1 }] },
    str("address_1"),
    str("address_2"),
    str("suburb", true),
    { name: "postcode", type: "string", levels: [{ kind: "exact" }, { kind: "levenshtein", maxDistance: 1 }] },
    { name: "state", type: "string", levels: [{ kind: "exact" }] },
  ],
  blocking: [
    { name: "given name + surname", keys: [{ field: "given_name", transform: "value" }, { field: "surname", transform: "value" }] },
    { name: "date of birth", keys: [{ field: "date_of_birth", transform: "value" }] },
    { name: "postcode + street number", keys: [{ field: "postcode", transform: "value" }, { field: "street_number", transform: "value" }] },
    { name: "surname + suburb", keys: [{ field: "surname", transform: "value" }, { field: "suburb", transform: "value" }] },
    { name: "given name + postcode", keys: [{ field: "given_name", transform: "value" }, { field: "postcode", transform: "value" }] },
    { name: "address 1 + suburb", keys: [{ field: "address_1", transform: "value" }, { field: "suburb", transform: "value" }] },
    { name: "given start + surname start + state", keys: [{ field: "given_name", transform: "first3" }, { field: "surname", transform: "first3" }, { field: "state", transform: "value" }] },
  ],
  thresholds: { review: 0.9 },
});
const entity = (rows: Record<string, string>[]) => Int32Array.from(rows, (r) => Number(/^rec-(\d+)-/.exec(r.rec_id!)![1]));
const truth = { leftEntity: entity(a), rightEntity: entity(b) };
const t0 = performance.now();
const result = linkTables(a, b, settings, simpleNormaliser);
const secs = (performance.now() - t0) / 1000;
console.log("# FEBRL4 without soc_sec_id (unsupervised EM; published privacy-preserving result P 1.000 R 0.992)");
printEvaluation("FEBRL4, review threshold 0.9", evaluate(result, truth), result);
console.log(`wall ${secs.toFixed(2)} s`);
for (const th of [0.5, 0.99, 0.999]) {
  const r = linkTables(a, b, settings, simpleNormaliser, { params: result.params, threshold: th });
  const e = evaluate(r, truth);
  console.log(`threshold ${th}: P ${e.precision.toFixed(4)} R ${e.recall.toFixed(4)} F1 ${e.f1.toFixed(4)} (output ${e.predicted})`);
}
