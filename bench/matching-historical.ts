// Splink's historical_50k (Wikidata people with synthetic errors): deduplication, unsupervised.
// Usage: npm run bench:matching-historical
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parquetReadObjects } from "hyparquet";
import { linkTables, parseSettings, simpleNormaliser } from "../src/matching/index.ts";
import { evaluate, printEvaluation } from "./matching-evaluate.ts";

const path = fileURLToPath(new URL("../../shared/data/splink_datasets/historical_figures_with_errors_50k.parquet", import.meta.url));
if (!existsSync(path)) {
  console.log(`historical_50k not found at ${path}; skipped`);
  process.exit(0);
}
const buf = readFileSync(path);
const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
const raw = (await parquetReadObjects({ file })) as Record<string, unknown>[];
const rows = raw.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)])));

const name = (n: string, tf: boolean) => ({
  name: n,
  type: "string" as const,
  levels: [{ kind: "exact" as const }, { kind: "jaro_winkler" as const, threshold: 0.92 }, { kind: "jaro_winkler" as const, threshold: 0.8 }, { kind: "initial" as const }],
  termFrequency: tf,
});
const settings = parseSettings({
  version: 1,
  idColumn: "unique_id",
  fields: [
    name("first_name", true),
    name("surname", true),
    { name: "dob", type: "date", levels: [{ kind: "date_exact" }, { kind: "date_swapped" }, { kind: "date_within_days", days: 31 }, { kind: "date_year_off" }, { kind: "date_within_days", days: 3650 }] },
    { name: "birth_place", type: "string", levels: [{ kind: "exact" }, { kind: "jaro_winkler", threshold: 0.9 }], termFrequency: true },
    { name: "postcode_fake", type: "string", levels: [{ kind: "exact" }, { kind: "levenshtein", maxDistance: 1 }] },
    { name: "gender", type: "string", levels: [{ kind: "exact" }] },
    { name: "occupation", type: "string", levels: [{ kind: "exact" }], termFrequency: true },
  ],
  blocking: [
    { name: "first name + surname", keys: [{ field: "first_name", transform: "value" }, { field: "surname", transform: "value" }] },
    { name: "surname + dob", keys: [{ field: "surname", transform: "value" }, { field: "dob", transform: "date" }] },
    { name: "first name + dob", keys: [{ field: "first_name", transform: "value" }, { field: "dob", transform: "date" }] },
    { name: "postcode + first name start", keys: [{ field: "postcode_fake", transform: "value" }, { field: "first_name", transform: "first3" }] },
    { name: "dob", keys: [{ field: "dob", transform: "date" }] },
    { name: "postcode", keys: [{ field: "postcode_fake", transform: "value" }] },
    { name: "surname + birth place", keys: [{ field: "surname", transform: "value" }, { field: "birth_place", transform: "value" }] },
    { name: "birth place + dob year + surname start", keys: [{ field: "birth_place", transform: "value" }, { field: "dob", transform: "year" }, { field: "surname", transform: "first3" }] },
  ],
  thresholds: { review: 0.9 },
});
const clusters = new Map<string, number>();
const entity = Int32Array.from(rows, (r) => {
  const c = r.cluster!;
  if (!clusters.has(c)) clusters.set(c, clusters.size);
  return clusters.get(c)!;
});
const t0 = performance.now();
const result = linkTables(rows, null, settings, simpleNormaliser);
const secs = (performance.now() - t0) / 1000;
console.log(`# historical_50k deduplication: ${rows.length} records, ${clusters.size} people`);
printEvaluation("historical_50k, review threshold 0.9", evaluate(result, { leftEntity: entity, rightEntity: entity }, true), result);
console.log(`wall ${secs.toFixed(2)} s`);
for (const th of [0.5, 0.99]) {
  const r = linkTables(rows, null, settings, simpleNormaliser, { params: result.params, threshold: th });
  const e = evaluate(r, { leftEntity: entity, rightEntity: entity }, true);
  console.log(`threshold ${th}: P ${e.precision.toFixed(4)} R ${e.recall.toFixed(4)} F1 ${e.f1.toFixed(4)} (output ${e.predicted})`);
}
