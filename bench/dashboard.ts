// Dashboard benchmark: with N cases (PGlite, file-backed, as `npm start` runs it), how long the
// dashboard's one aggregate read takes (GET /api/dashboard through the app). Cases are a few thousand generated ones imported through the store, then
// copied in SQL (new ids, registration dates spread over a year) up to N. The counts read only
// the public summary, so copies cost them what real cases would; the copies carry no year of
// birth (their sealed parts open only under their originals' ids), so only the imported cases
// are opened to decide who turns 18 soon.
// Run: npm run bench:dashboard [-- --cases 100000] [--runs 5]
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type ImportRow } from "../src/store/index.ts";
import { testDoor } from "../src/store/test-support/test-door.ts";
import { createApp, createLogger } from "../src/server/index.ts";
import { generateDemoCases } from "../src/demo/generate-demo-cases.ts";
import { DEMO_PARTIES } from "../src/demo/demo-accounts.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const CASES = Number(arg("cases", "100000"));
const RUNS = Number(arg("runs", "5"));
const SEED = Math.min(CASES, 2000);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "homeward-bench-dashboard-"));
  const store = await openStore({ dataDir: dir });
  try {
    await store.parties.ensure(DEMO_PARTIES.tracing);
    const user = await store.users.create({ username: "bench", partyId: DEMO_PARTIES.tracing.id, role: "caseworker", passwordHash: "!no-login:bench" });
    await store.ledger.ensureKeys();
    const ctx = { partyId: DEMO_PARTIES.tracing.id, userId: user.id, role: "caseworker" as const, purpose: "bench" };
    const bodies = generateDemoCases({ families: 1000, asOf: new Date() }).map((c) => c.input);
    const rows: ImportRow[] = Array.from({ length: SEED }, (_, j) => ({ clientId: `seed-${j}`, input: bodies[j % bodies.length]! }));
    let started = performance.now();
    await store.cases.importBatch(ctx, rows);
    const db = testDoor(store).db;
    const copies = Math.ceil(CASES / SEED) - 1;
    await sql`insert into cases (id, party_id, status, version, created_at, updated_at, summary, sensitive, name_keys, name_keys_version)
      select gen_random_uuid(), c.party_id, c.status, c.version, c.created_at - make_interval(days => (n * 7) % 365), c.updated_at, c.summary - 'birthYear', c.sensitive, c.name_keys, c.name_keys_version
      from cases c cross join generate_series(1, ${copies}) as n`.execute(db);
    const total = Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(db)).rows[0]!.n);
    process.stderr.write(`${total.toLocaleString("en")} cases in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

    const app = createApp({ store, logger: createLogger({ level: "silent" }) });
    const token = (await store.sessions.create(user.id, 3_600_000)).token;
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return res.json();
    };
    const time = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        started = performance.now();
        await work();
        times.push(performance.now() - started);
      }
      return { p50: p50(times), max: Math.max(...times) };
    };
    console.log(`dashboard at ${total.toLocaleString("en")} cases (${RUNS} runs, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}):`);
    const one = await time(() => get("/api/dashboard?turning18Within=90&months=12"));
    console.log(`  GET /api/dashboard (one read): p50 ${one.p50.toFixed(0)} ms, max ${one.max.toFixed(0)} ms`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
