// Writes a generated population as two CSV files in the child layout (plus ground truth), for
// trying `homeward link` by hand: node bench/generate/write-child-csv.ts 20000 OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { generatePopulation } from "./child-population.ts";

const size = Number(process.argv[2] ?? 10_000);
const dir = process.argv[3] ?? "bench/out";
mkdirSync(dir, { recursive: true });
const pop = generatePopulation({ size, seed: Number(process.argv[4] ?? 5) });
const columns = ["record_id", "given_name", "family_name", "patronymic", "sex", "birth_date", "birth_place", "mother_name", "father_name"];
writeFileSync(join(dir, "tracing.csv"), stringify(pop.left, { header: true, columns }));
writeFileSync(join(dir, "holding.csv"), stringify(pop.right, { header: true, columns }));
const byChild = new Map<number, string[]>();
pop.right.forEach((r, j) => byChild.set(pop.rightChild[j]!, [...(byChild.get(pop.rightChild[j]!) ?? []), r.record_id]));
const truth = pop.left.flatMap((l, i) => (byChild.get(pop.leftChild[i]!) ?? []).map((r) => [l.record_id, r]));
writeFileSync(join(dir, "truth.csv"), stringify([["left_id", "right_id"], ...truth]));
console.log(`wrote ${pop.left.length} + ${pop.right.length} records and ${truth.length} true pairs to ${dir}`);
