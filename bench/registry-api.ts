// Registry API benchmark: cases created per second through POST /api/cases, and `q` search
// latency (p50/p95) through GET /api/cases over a registry of N cases, on embedded PGlite
// (file-backed, as `npm start` runs it) and on PostgreSQL. Requests go through the whole Hono
// app (validation, session lookup, store, access checks, encryption) via app.request, without
// sockets. Run: npm run bench:registry [-- --cases 100000] [--creates 1000] [--queries 200]
// [--only pglite|postgres]
import { cpus, totalmem, tmpdir } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import { openStore } from "../src/store/index.ts";
import type { ImportRow, Store } from "../src/store/index.ts";
import { createTestDatabase, pgReachable } from "../src/store/test-support/pg-test-db.ts";
import { createApp, createLogger } from "../src/server/index.ts";
import { generateDemoCases } from "../src/demo/generate-demo-cases.ts";
import { DEMO_PARTIES } from "../src/demo/demo-accounts.ts";
import { GIVEN_NAMES, SURNAMES } from "../src/demo/demo-names.ts";
import { seededRandom } from "../src/demo/random.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const CASES = Number(arg("cases", "100000"));
const CREATES = Number(arg("creates", "1000"));
const QUERIES = Number(arg("queries", "200"));
const ONLY = arg("only", "");
const PASSWORD = "benchmark-password";

// Realistic bodies: the demo generator's cases (names, partial dates, family with contacts,
// separation, consent), cycled with fresh client ids.
const bodies = generateDemoCases({ families: 4000, asOf: new Date() }).map((c) => c.input);

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

// Search terms as caseworkers type them: full names in Ukrainian, Russian or Latin, or a surname.
function queries(n: number): string[] {
  const r = seededRandom(99);
  const latin: Record<string, string> = {
    Олександр: "Oleksandr", Андрій: "Andrii", Марія: "Mariia", Софія: "Sofiia", Іван: "Ivan", Анна: "Anna",
    Коваленко: "Kovalenko", Шевченко: "Shevchenko", Бондаренко: "Bondarenko", Мельник: "Melnyk", Бойко: "Boiko",
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = r.pick(GIVEN_NAMES);
    const s = r.pick(SURNAMES);
    const kind = r.int(0, 3);
    if (kind === 0) out.push(`${g.uk} ${g.sex === "M" ? s.ukM : s.ukF}`);
    else if (kind === 1) out.push(`${g.ru} ${g.sex === "M" ? s.ruM : s.ruF}`);
    else if (kind === 2 && latin[g.uk] && latin[s.ukM]) out.push(`${latin[g.uk]} ${latin[s.ukM]}`);
    else out.push(s.ukM);
  }
  return out;
}

interface Figures {
  backend: string;
  createsPerSecond: number;
  createMsP50: number;
  createMsP95: number;
  concurrentCreatesPerSecond: number;
  loadSeconds: number;
  cases: number;
  searchP50: number;
  searchP95: number;
  meanHits: number;
}

async function run(backend: "pglite" | "postgres"): Promise<Figures> {
  let dir: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  let store: Store;
  if (backend === "pglite") {
    dir = await mkdtemp(join(tmpdir(), "homeward-bench-"));
    store = await openStore({ dataDir: dir });
  } else {
    const db = await createTestDatabase();
    drop = db.drop;
    dir = await mkdtemp(join(tmpdir(), "homeward-bench-"));
    store = await openStore({ databaseUrl: db.url, dataDir: dir });
  }
  try {
    await store.parties.ensure(DEMO_PARTIES.tracing);
    const user = await store.users.create({
      username: "bench", partyId: DEMO_PARTIES.tracing.id, role: "caseworker",
      passwordHash: await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 }),
    });
    const app = createApp({ store, logger: createLogger({ level: "silent" }) });
    const login = await app.request("/api/session", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "bench", password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const post = async (i: number) => {
      const res = await app.request("/api/cases", {
        method: "POST", headers: { ...headers, "idempotency-key": `bench-${i}` }, body: JSON.stringify(bodies[i % bodies.length]),
      });
      if (res.status !== 201) throw new Error(`create ${i}: ${res.status} ${await res.text()}`);
    };

    // 1. Sequential creates: one client, one request at a time.
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < CREATES; i++) {
      const t = performance.now();
      await post(i);
      latencies.push(performance.now() - t);
    }
    const seqSeconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    // 2. Eight clients at once (what a pool of connections buys).
    const concurrentStart = performance.now();
    let next = CREATES;
    const end = CREATES * 2;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < end) await post(next++);
    }));
    const concurrentSeconds = (performance.now() - concurrentStart) / 1000;

    // 3. Fill the registry to N cases in bulk (the store's one-transaction import, in chunks).
    const loadStart = performance.now();
    const ctx = { partyId: DEMO_PARTIES.tracing.id, userId: user.id, role: "caseworker" as const, purpose: "bench" };
    const remaining = Math.max(0, CASES - 2 * CREATES);
    for (let i = 0; i < remaining; i += 5000) {
      const rows: ImportRow[] = [];
      for (let j = i; j < Math.min(remaining, i + 5000); j++) rows.push({ clientId: `bulk-${j}`, input: bodies[j % bodies.length]! });
      await store.cases.importBatch(ctx, rows);
      process.stderr.write(`\r${backend}: loaded ${Math.min(remaining, i + 5000) + 2 * CREATES} cases`);
    }
    process.stderr.write("\n");
    const loadSeconds = (performance.now() - loadStart) / 1000;

    // 4. Searches.
    const qs = queries(QUERIES);
    for (const q of qs.slice(0, 10)) await app.request(`/api/cases?q=${encodeURIComponent(q)}`, { headers }); // warm-up
    const searchTimes: number[] = [];
    let hits = 0;
    for (const q of qs) {
      const t = performance.now();
      const res = await app.request(`/api/cases?q=${encodeURIComponent(q)}&limit=50`, { headers });
      const body = (await res.json()) as { total: number };
      searchTimes.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status}`);
      hits += body.total;
    }
    searchTimes.sort((a, b) => a - b);
    return {
      backend,
      createsPerSecond: CREATES / seqSeconds,
      createMsP50: percentile(latencies, 50),
      createMsP95: percentile(latencies, 95),
      concurrentCreatesPerSecond: CREATES / concurrentSeconds,
      loadSeconds,
      cases: 2 * CREATES + remaining,
      searchP50: percentile(searchTimes, 50),
      searchP95: percentile(searchTimes, 95),
      meanHits: hits / qs.length,
    };
  } finally {
    await store.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (drop) await drop();
  }
}

const results: Figures[] = [];
if (ONLY !== "postgres") results.push(await run("pglite"));
if (ONLY !== "pglite") {
  const why = await pgReachable();
  if (why === null) results.push(await run("postgres"));
  else process.stderr.write(`skipping PostgreSQL: ${why}\n`);
}

const f1 = (n: number) => n.toFixed(1);
process.stdout.write(
  `\nRegistry API (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ${CREATES} sequential + ${CREATES} concurrent creates, ${QUERIES} searches)\n\n` +
  "| database | creates/s (1 client) | create p50 / p95 ms | creates/s (8 clients) | cases searched | q p50 ms | q p95 ms | mean hits |\n" +
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
  results.map((r) =>
    `| ${r.backend === "pglite" ? "PGlite (file)" : "PostgreSQL"} | ${f1(r.createsPerSecond)} | ${f1(r.createMsP50)} / ${f1(r.createMsP95)} | ${f1(r.concurrentCreatesPerSecond)} | ${r.cases.toLocaleString("en")} | ${f1(r.searchP50)} | ${f1(r.searchP95)} | ${f1(r.meanHits)} |`,
  ).join("\n") + "\n",
);
