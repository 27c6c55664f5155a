// Speed and memory of linking N × N generated child records, at several N to show how cost
// grows, and beside it the database-only approach (PostgreSQL pg_trgm + fuzzystrmatch).
// Usage: npm run bench:matching-speed [-- SIZES [PG_SIZE]]   e.g. -- 100000,300000,1000000 50000
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parallelComparer } from "../src/cli/parallel-compare.ts";
import { parallelPreparer } from "../src/cli/parallel-prepare.ts";
import { childPreset, crossScriptNormaliser, linkTables } from "../src/matching/index.ts";
import { generatePopulation } from "./generate/child-population.ts";
import { evaluate } from "./matching-evaluate.ts";

interface Run {
  size: number;
  leftRecords: number;
  rightRecords: number;
  generateS: number;
  linkS: number;
  /** CPU seconds of the linking (user + system), less sensitive than wall time to other load */
  linkCpuS: number;
  phases: Record<string, number>;
  candidatePairs: number;
  outputPairs: number;
  precision: number;
  recall: number;
  f1: number;
  wrongFamily: number;
  truePairs: number;
  blockingRecall: number;
  /** Per rule: new pairs, split blocks, blocks / pairs dropped by the split's unsplitAbove, and blocks windowed / pairs the window left out. */
  rules: { rule: string; newPairs: number; splitBlocks: number; unsplitBlocks: number; unsplitPairs: number; windowBlocks: number; windowPairs: number }[];
  maxRssMiB: number;
}

function child(size: number): void {
  const t0 = performance.now();
  const pop = generatePopulation({ size, seed: 23 });
  const generateS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  // Two threads (the right table prepared and half the pairs compared on a worker) unless
  // MATCHING_THREADS=1, as homeward link does.
  const threads = process.env.MATCHING_THREADS === "1" ? 1 : 2;
  const result = linkTables(pop.left, pop.right, childPreset(), crossScriptNormaliser(), {
    comparePairs: threads > 1 ? parallelComparer({ workers: threads }) : undefined,
    prepareTables: threads > 1 ? parallelPreparer({ workers: threads }) : undefined,
  });
  const linkS = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const linkCpuS = (cpu.user + cpu.system) / 1e6;
  const e = evaluate(result, { leftEntity: pop.leftChild, rightEntity: pop.rightChild, leftFamily: pop.leftFamily, rightFamily: pop.rightFamily });
  const run: Run = {
    size,
    leftRecords: pop.left.length,
    rightRecords: pop.right.length,
    generateS,
    linkS,
    linkCpuS,
    phases: Object.fromEntries(Object.entries(result.timingsMs).map(([k, v]) => [k, Math.round(v)])),
    candidatePairs: result.candidatePairs,
    outputPairs: e.predicted,
    precision: e.precision,
    recall: e.recall,
    f1: e.f1,
    wrongFamily: e.wrongFamily,
    truePairs: e.truePairs,
    blockingRecall: e.blockingRecall,
    rules: e.ruleRecall.map((r, k) => ({ rule: r.rule, newPairs: r.newPairs, splitBlocks: r.splitBlocks, unsplitBlocks: r.unsplitBlocks, unsplitPairs: r.unsplitPairs, windowBlocks: result.ruleStats[k]!.windowBlocks, windowPairs: result.ruleStats[k]!.windowPairs })),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(`RESULT ${JSON.stringify(run)}`);
}

async function postgres(size: number): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" });
  try {
    await client.connect();
  } catch (e) {
    console.log(`PostgreSQL not reachable (${(e as Error).message}); database-only comparison skipped`);
    return;
  }
  const pop = generatePopulation({ size, seed: 23 });
  await client.query("DROP SCHEMA IF EXISTS bench_matching CASCADE; CREATE SCHEMA bench_matching");
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS fuzzystrmatch");
  const t0 = performance.now();
  for (const side of ["l", "r"] as const) {
    const rows = side === "l" ? pop.left : pop.right;
    await client.query(`CREATE TABLE bench_matching.${side} (idx int, given text, family text, dob text, place text, mother text)`);
    for (let s = 0; s < rows.length; s += 5000) {
      const chunk = rows.slice(s, s + 5000);
      await client.query(
        `INSERT INTO bench_matching.${side} SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [chunk.map((_, k) => s + k), chunk.map((r) => r.given_name), chunk.map((r) => r.family_name), chunk.map((r) => r.birth_date), chunk.map((r) => r.birth_place), chunk.map((r) => r.mother_name)],
      );
    }
    // What a database-only team would do: lower-case names, ISO dates, a trigram index.
    await client.query(`ALTER TABLE bench_matching.${side} ADD COLUMN full_name text, ADD COLUMN iso text`);
    await client.query(
      `UPDATE bench_matching.${side} SET full_name = lower(coalesce(given,'') || ' ' || coalesce(family,'')),
         iso = CASE WHEN dob ~ '^\\d{2}\\.\\d{2}\\.\\d{4}$' THEN substr(dob,7,4) || '-' || substr(dob,4,2) || '-' || substr(dob,1,2) ELSE dob END`,
    );
    await client.query(`CREATE INDEX ON bench_matching.${side} USING gin (full_name gin_trgm_ops)`);
    await client.query(`ANALYZE bench_matching.${side}`);
  }
  const loadS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await client.query("SET statement_timeout = '900s'");
  const res = await client.query<{ li: number; ri: number; score: number }>(`
    SELECT l.idx AS li, r.idx AS ri,
           similarity(l.full_name, r.full_name)
           + CASE WHEN l.iso = r.iso THEN 1 WHEN levenshtein(l.iso, r.iso) <= 2 THEN 0.5 ELSE 0 END
           + coalesce(similarity(lower(l.mother), lower(r.mother)), 0) * 0.5
           + CASE WHEN lower(l.place) = lower(r.place) THEN 0.3 ELSE 0 END AS score
    FROM bench_matching.l l JOIN bench_matching.r r ON l.full_name % r.full_name`);
  const queryS = (performance.now() - t1) / 1000;
  // Most generous reading for the database approach: the best F1 over score thresholds.
  const truthPairs = new Set<string>();
  const byChild = new Map<number, number[]>();
  pop.rightChild.forEach((c, j) => byChild.set(c, [...(byChild.get(c) ?? []), j]));
  pop.leftChild.forEach((c, i) => (byChild.get(c) ?? []).forEach((j) => truthPairs.add(`${i}-${j}`)));
  let best = { th: 0, p: 0, r: 0, f1: 0, wrongFamily: 0 };
  for (const th of [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2]) {
    let tp = 0, n = 0, wf = 0;
    for (const row of res.rows) {
      if (row.score < th) continue;
      n++;
      if (truthPairs.has(`${row.li}-${row.ri}`)) tp++;
      if (pop.leftFamily[row.li] !== pop.rightFamily[row.ri]) wf++;
    }
    const p = n ? tp / n : 0, r = tp / truthPairs.size, f1 = p + r ? (2 * p * r) / (p + r) : 0;
    if (f1 > best.f1) best = { th, p, r, f1, wrongFamily: wf };
  }
  console.log(`\n## Database only (PostgreSQL pg_trgm % on "given family" + levenshtein on ISO date + mother trigram similarity), ${pop.left.length} × ${pop.right.length}`);
  console.log(`load + index ${loadS.toFixed(1)} s, join query ${queryS.toFixed(1)} s, ${res.rows.length} pairs returned`);
  console.log(`best threshold ${best.th}: precision ${best.p.toFixed(4)} recall ${best.r.toFixed(4)} F1 ${best.f1.toFixed(4)} wrong-family ${best.wrongFamily} (true pairs ${truthPairs.size})`);
  await client.query("DROP SCHEMA bench_matching CASCADE");
  await client.end();
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  child(Number(args[1]));
} else {
  const sizes = (args[0] ?? "100000,300000,1000000").split(",").map(Number);
  const pgSize = Number(args[1] ?? 50_000);
  const self = fileURLToPath(import.meta.url);
  console.log(`# Matching speed and memory (child preset, generated cross-script records), ${new Date().toISOString()}`);
  console.log(`phases in ms of wall time; the machine's 2 cores are shared with other work while measured (load average after each size: 1, 5, 15 min); ${process.env.MATCHING_THREADS === "1" ? "1 thread (MATCHING_THREADS=1)" : "2 threads preparing and comparing (MATCHING_THREADS=1 for one)"}; each size in a fresh process with a 64 MB young generation`);
  console.log("| N × N | left | right | generate s | link wall s | link CPU s | prepare | block | compare | train | score (ms) | candidate pairs | blocking recall | P | R | F1 | wrong-family | max RSS MiB | load avg |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const runs: Run[] = [];
  for (const size of sizes) {
    const out = spawnSync(process.execPath, ["--max-old-space-size=3500", "--max-semi-space-size=64", self, "--child", String(size)], { encoding: "utf8", maxBuffer: 1 << 26 });
    const line = out.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) {
      console.log(`| ${size} | failed: ${(out.stderr || out.stdout).slice(-300).replace(/\n/g, " ")} |`);
      continue;
    }
    const r = JSON.parse(line.slice(7)) as Run;
    runs.push(r);
    const ph = r.phases;
    console.log(`| ${r.size} | ${r.leftRecords} | ${r.rightRecords} | ${r.generateS.toFixed(1)} | ${r.linkS.toFixed(1)} | ${r.linkCpuS.toFixed(1)} | ${ph.prepare} | ${ph.block} | ${ph.compare} | ${ph.train} | ${ph.score} | ${r.candidatePairs} | ${r.blockingRecall.toFixed(4)} | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${r.wrongFamily} | ${r.maxRssMiB} | ${loadavg().map((x) => x.toFixed(1)).join(" ")} |`);
  }
  if (runs.length > 0) {
    console.log(`\nper rule: new pairs / split blocks / blocks above unsplitAbove (pairs so dropped) / windowed blocks (pairs the window left out), by size ${runs.map((r) => r.size).join(", ")}`);
    console.log(`| rule | ${runs.map((r) => r.size).join(" | ")} |`);
    console.log(`| --- |${runs.map(() => " ---: |").join("")}`);
    runs[0]!.rules.forEach((rule, k) => console.log(`| ${rule.rule} | ${runs.map((r) => { const s = r.rules[k]!; return `${s.newPairs} / ${s.splitBlocks} / ${s.unsplitBlocks} (${s.unsplitPairs}) / ${s.windowBlocks} (${s.windowPairs})`; }).join(" | ")} |`));
  }
  if (runs.length >= 2) {
    const a = runs[0]!, b = runs[runs.length - 1]!;
    console.log(`\ncost growth: ${(b.size / a.size).toFixed(1)}× records → ${(b.linkS / a.linkS).toFixed(1)}× link wall time, ${(b.linkCpuS / a.linkCpuS).toFixed(1)}× link CPU time, ${(b.candidatePairs / a.candidatePairs).toFixed(1)}× candidate pairs`);
  }
  if (pgSize > 0) await postgres(pgSize);
}
