// Registry store benchmark: case creation rate and `q` search latency (p50/p95) over N cases,
// on embedded PGlite and on PostgreSQL. Run: npm run bench:registry-store [-- --cases 100000]
// [--queries 300] [--only pglite|postgres]. Measures the data layer (access checks,
// encryption, access logging included), not HTTP.
import { cpus, totalmem } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GIVEN_NAMES, SURNAMES, ORIGIN_PLACES } from "../src/demo/demo-names.ts";
import type { CaseInput } from "../src/domain/index.ts";
import { openStore } from "../src/store/index.ts";
import type { ImportRow, RequestContext, Store } from "../src/store/index.ts";
import { createTestDatabase, pgReachable } from "../src/store/test-support/pg-test-db.ts";
import { mulberry32 } from "../src/matching/model/em-training.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const CASES = Number(arg("cases", "100000"));
const QUERIES = Number(arg("queries", "300"));
const ONLY = arg("only", "");

// Deterministic generator, so both databases hold the same cases.
const rng = mulberry32;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function makeCase(r: () => number): CaseInput {
  const g = pick(r, GIVEN_NAMES);
  const s = pick(r, SURNAMES);
  const fam = g.sex === "M" ? s.ukM : s.ukF;
  const y = 2006 + Math.floor(r() * 16);
  const m = String(1 + Math.floor(r() * 12)).padStart(2, "0");
  const d = String(1 + Math.floor(r() * 28)).padStart(2, "0");
  return {
    names: [{ given: g.uk, family: fam, lang: "uk" }],
    sex: g.sex,
    birthDate: `${y}-${m}-${d}`,
    birthPlace: pick(r, ORIGIN_PLACES).uk,
    separation: { category: "deported", date: "2022-05" },
    family: [{ relation: "mother", given: pick(r, GIVEN_NAMES.filter((x) => x.sex === "F")).uk, family: fam, contact: { phone: `+38050${Math.floor(r() * 1e7)}` } }],
  };
}

const LATIN: Record<string, string> = { Олександр: "Oleksandr", Коваленко: "Kovalenko", Андрій: "Andrii", Шевченко: "Shevchenko", Марія: "Mariia", Бондаренко: "Bondarenko" };

function queries(r: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const g = pick(r, GIVEN_NAMES);
    const s = pick(r, SURNAMES);
    const form = i % 4;
    if (form === 0) out.push(`${g.uk} ${g.sex === "M" ? s.ukM : s.ukF}`);
    else if (form === 1) out.push(`${g.ru} ${g.sex === "M" ? s.ruM : s.ruF}`);
    else if (form === 2) out.push(pick(r, Object.entries(LATIN).filter((_, j) => j % 2 === 0).map(([uk]) => `${LATIN[uk]} ${pick(r, ["Kovalenko", "Shevchenko", "Bondarenko"])}`)));
    else out.push(s.ruM);
  }
  return out;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function run(label: string, store: Store): Promise<void> {
  await store.parties.ensure({ id: "bench-tracing", name: "Bench tracing authority", kind: "tracing-authority" });
  const ctx: RequestContext = { partyId: "bench-tracing", userId: "bench", role: "caseworker", purpose: "bench" };
  const r = rng(42);

  // One transaction per create call, as the API does.
  const single = Math.min(500, CASES);
  let t = performance.now();
  for (let i = 0; i < single; i++) await store.cases.create(ctx, makeCase(r), { clientId: `single-${i}` });
  const singleRate = single / ((performance.now() - t) / 1000);

  // The rest in import batches of 1,000 rows (one transaction each).
  t = performance.now();
  for (let done = single; done < CASES; ) {
    const n = Math.min(1000, CASES - done);
    const rows: ImportRow[] = [];
    for (let i = 0; i < n; i++) rows.push({ clientId: `bulk-${done + i}`, input: makeCase(r) });
    await store.cases.importBatch(ctx, rows);
    done += n;
    if (done % 20000 < 1000) process.stderr.write(`  ${label}: ${done} cases\n`);
  }
  const bulkSecs = (performance.now() - t) / 1000;
  const bulkRate = (CASES - single) / bulkSecs;

  const qs = queries(rng(7));
  for (const q of qs.slice(0, 20)) await store.cases.list(ctx, { q, limit: 50 });
  const lat: number[] = [];
  const hits: number[] = [];
  for (const q of qs) {
    const t0 = performance.now();
    const res = await store.cases.list(ctx, { q, limit: 50 });
    lat.push(performance.now() - t0);
    hits.push(res.total);
  }
  const check = await store.cases.list(ctx, { q: "Oleksandr Kovalenko", limit: 1 });
  const check2 = await store.cases.list(ctx, { q: "Александр Коваленко", limit: 1 });
  console.log(
    JSON.stringify({
      database: label,
      cases: CASES,
      createPerSecondSingle: Math.round(singleRate),
      createPerSecondImportBatch: Math.round(bulkRate),
      queries: qs.length,
      searchP50ms: +pct(lat, 50).toFixed(1),
      searchP95ms: +pct(lat, 95).toFixed(1),
      medianHitsPerQuery: pct(hits, 50),
      crossScriptAgrees: check.total === check2.total && check.total > 0,
    }),
  );
}

console.log(`# registry store benchmark: ${CASES} cases, ${QUERIES} queries; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB (shared machine)`);
if (ONLY !== "postgres") {
  const store = await openStore();
  try {
    await run("pglite (in memory)", store);
  } finally {
    await store.close();
  }
}
if (ONLY !== "pglite") {
  const why = await pgReachable();
  if (why) console.log(`# PostgreSQL skipped: ${why}`);
  else {
    const db = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), "homeward-bench-"));
    const store = await openStore({ databaseUrl: db.url, keyFile: join(dir, "k"), poolSize: 4 });
    try {
      await run("postgresql", store);
    } finally {
      await store.close();
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    }
  }
}
