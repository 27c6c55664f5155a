// Matching in the registry: how long one new record takes to be matched against the existing
// ones at 100,000 records, through the real path (case created → job enqueued in its
// transaction → job drained: keys stored, candidates fetched by stored keys, scored, stored).
// Run: npm run bench:matching-registry [-- --records 100000 --arrivals 300 --batch 1000 --only pglite|postgres]
import { cpus, totalmem } from "node:os";
import { sql } from "kysely";
import type { Insertable } from "kysely";
import { crossScriptNormaliser, parseDate, recordBlockingKeys } from "../src/matching/index.ts";
import type { CaseInput } from "../src/domain/index.ts";
import { openStore } from "../src/store/index.ts";
import type { Database, RequestContext, Store } from "../src/store/index.ts";
import { matchCodec, type MatchTables } from "../src/store/matching/index.ts";
import { createTestDatabase, pgReachable } from "../src/store/test-support/pg-test-db.ts";
import { generatePopulation, type ChildRecord } from "./generate/child-population.ts";
import { testDoor } from "../src/store/test-support/test-door.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const RECORDS = Number(arg("records", "100000"));
const ARRIVALS = Number(arg("arrivals", "300"));
const BATCH = Number(arg("batch", "1000"));
const ONLY = arg("only", "");

const TRACING = { id: "bench-tracing", name: "Tracing (bench)", kind: "tracing-authority" } as const;
const HOLDING = { id: "bench-holding", name: "Holding (bench)", kind: "holding-authority" } as const;
const holdingCtx: RequestContext = { partyId: HOLDING.id, userId: "bench-holding-user", role: "caseworker" };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

function isoDate(raw: string): string | undefined {
  const d = parseDate(raw);
  if (!d) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (d.month && d.day) return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (d.month) return `${d.year}-${pad(d.month)}`;
  return String(d.year);
}

function person(full: string, relation: "mother" | "father") {
  const [given, ...rest] = full.trim().split(/\s+/);
  return given ? { relation, given, ...(rest.length ? { family: rest.join(" ") } : {}) } : null;
}

function caseInput(r: ChildRecord): CaseInput {
  const sex = /^[mмч]/i.test(r.sex) ? "M" : /^[fжw]/i.test(r.sex) ? "F" : "unknown";
  const birthDate = isoDate(r.birth_date);
  const family = [person(r.mother_name, "mother"), person(r.father_name, "father")].filter((m) => m !== null);
  return {
    names: [{ ...(r.given_name ? { given: r.given_name } : {}), ...(r.family_name ? { family: r.family_name } : { given: r.given_name || "?" }), ...(r.patronymic ? { patronymic: r.patronymic } : {}) }],
    sex,
    ...(birthDate ? { birthDate } : {}),
    ...(r.birth_place ? { birthPlace: r.birth_place } : {}),
    family,
  } as CaseInput;
}

// Existing records are written straight into the tables (not through the API, which the
// registry benchmark measures): a case row and its stored match record and blocking keys.
async function preload(store: Store, party: string, side: "T" | "H", rows: readonly ChildRecord[], ids: string[]): Promise<number> {
  const db = testDoor(store).db.withTables<MatchTables>();
  // Stored as the matcher stores them: the record sealed, its blocking keys hashed.
  const codec = matchCodec(testDoor(store).atRest);
  const normaliser = crossScriptNormaliser();
  const model = await store.matching.model();
  const now = new Date();
  let keyCount = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const caseRows: Insertable<Database["cases"]>[] = [];
    const records: Insertable<MatchTables["match_records"]>[] = [];
    const keys: { side: "T" | "H"; key: string; case_id: string }[] = [];
    for (const r of chunk) {
      const id = crypto.randomUUID();
      ids.push(id);
      const variant = { ...r, record_id: `${id}#0` };
      const k = codec.blockKeys(recordBlockingKeys(variant, model.settings, normaliser));
      const input = caseInput(r);
      const summary = { id, partyId: party, status: "reported", version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString(), details: { ...input, family: input.family ?? [] }, notes: [], shares: {} };
      caseRows.push({ id, party_id: party, status: "reported", version: 1, created_at: now, updated_at: now, summary: JSON.stringify(summary), sensitive: new Uint8Array(0), name_keys: [], name_keys_version: 0 });
      records.push({ case_id: id, party_id: party, side, case_version: 1, record: codec.sealRecords(id, [variant]), keys: k, updated_at: now });
      for (const key of k) keys.push({ side, key, case_id: id });
    }
    keyCount += keys.length;
    await db.transaction().execute(async (tx) => {
      await tx.insertInto("cases").values(caseRows).execute();
      await tx.insertInto("match_records").values(records).execute();
      for (let k = 0; k < keys.length; k += 5000) await tx.insertInto("match_keys").values(keys.slice(k, k + 5000)).execute();
    });
  }
  return keyCount;
}

async function run(label: string, store: Store): Promise<void> {
  console.log(`\n## ${label}`);
  await store.parties.ensure(TRACING);
  await store.parties.ensure(HOLDING);
  const matching = store.matching;
  const perSide = Math.ceil(RECORDS / 2);
  const t0 = performance.now();
  const pop = generatePopulation({ size: perSide, seed: 23 });
  const arrivalsNeeded = 2 * ARRIVALS + BATCH;
  const holdingExisting = pop.right.length - arrivalsNeeded;
  const tracingIds: string[] = [];
  const holdingIds: string[] = [];
  console.log(`generated ${pop.left.length} tracing + ${pop.right.length} holding records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const keysT = await preload(store, TRACING.id, "T", pop.left, tracingIds);
  const keysH = await preload(store, HOLDING.id, "H", pop.right.slice(0, holdingExisting), holdingIds);
  const existing = pop.left.length + holdingExisting;
  console.log(`preloaded ${existing} existing records with ${keysT + keysH} stored blocking keys in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  // Preloaded records bypass the matcher, so the registry's term counts are built in one pass,
  // as after an upgrade; without them scores would carry no term-frequency adjustment.
  const t2 = performance.now();
  const counted = await matching.recountTerms();
  console.log(`counted ${counted} stored records for term frequencies in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  await sql`analyze`.execute(testDoor(store).db);

  const childOfTracing = new Map(tracingIds.map((id, i) => [id, pop.leftChild[i]!]));
  const familyOfTracing = new Map(tracingIds.map((id, i) => [id, pop.leftFamily[i]!]));
  const leftChildren = new Set(pop.leftChild);

  async function arrive(from: number, count: number, title: string, oneByOne: boolean) {
    const latencies: number[] = [];
    const created: { id: string; j: number }[] = [];
    const tBatch = performance.now();
    if (oneByOne) {
      for (let j = from; j < from + count; j++) {
        const { id } = await store.cases.create(holdingCtx, caseInput(pop.right[j]!), { clientId: `arrive-${j}` });
        const s = performance.now();
        await matching.runPending();
        latencies.push(performance.now() - s);
        created.push({ id, j });
      }
    } else {
      const res = await store.cases.importBatch(holdingCtx, pop.right.slice(from, from + count).map((r, k) => ({ clientId: `arrive-${from + k}`, input: caseInput(r) })));
      res.ids.forEach((id, k) => created.push({ id, j: from + k }));
    }
    const tMatch = performance.now();
    const stats = oneByOne ? null : await matching.runPending({ batch: 200 });
    const batchMs = performance.now() - tMatch;
    // How many arrivals had their true child proposed, and how many wrong-family candidates reached review.
    const db = testDoor(store).db.withTables<MatchTables>();
    const rows = await db.selectFrom("match_candidates").select(["holding_case_id", "tracing_case_id", "probability"]).where("holding_case_id", "in", created.map((c) => c.id)).execute();
    const byHolding = new Map<string, { t: string; p: number }[]>();
    for (const r of rows) byHolding.set(r.holding_case_id, [...(byHolding.get(r.holding_case_id) ?? []), { t: r.tracing_case_id, p: r.probability }]);
    const review = (await matching.model()).settings.thresholds.review;
    let withTruth = 0, found = 0, foundAtReview = 0, wrongFamilyAtReview = 0;
    for (const c of created) {
      const child = pop.rightChild[c.j]!;
      const fam = pop.rightFamily[c.j]!;
      const cands = byHolding.get(c.id) ?? [];
      if (leftChildren.has(child)) {
        withTruth++;
        const hit = cands.find((x) => childOfTracing.get(x.t) === child);
        if (hit) found++;
        if (hit && hit.p >= review) foundAtReview++;
      }
      wrongFamilyAtReview += cands.filter((x) => x.p >= review && familyOfTracing.get(x.t) !== fam).length;
    }
    console.log(`### ${title}`);
    if (oneByOne) {
      console.log(`per new record (drain of its job: keys stored, candidates fetched by key, scored, stored, sets flagged): p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, max ${ms(Math.max(...latencies))} over ${count} records`);
    } else {
      console.log(`import of ${count} rows committed in ${((tMatch - tBatch) / 1000).toFixed(1)} s, then matched in one drain: ${(batchMs / 1000).toFixed(1)} s (${((batchMs / count)).toFixed(1)} ms per record; ${stats?.stats.candidatePairsCompared} variant pairs compared, ${stats?.stats.skippedKeys} over-full keys skipped)`);
    }
    console.log(`true child proposed: ${found}/${withTruth} (${((100 * found) / Math.max(1, withTruth)).toFixed(1)}%), at the review threshold ${review}: ${foundAtReview}/${withTruth}; wrong-family candidates at the review threshold: ${wrongFamilyAtReview}`);
  }

  let next = holdingExisting;
  await arrive(next, ARRIVALS, `${ARRIVALS} arrivals one by one, preset m/u (${(await matching.model()).source})`, true);
  next += ARRIVALS;
  const tTrain = performance.now();
  const trained = await matching.train();
  console.log(`\ntrained m/u on the stored records (EM, u by random pairs): ${((performance.now() - tTrain) / 1000).toFixed(1)} s, ${trained.trained ? "stored as the model in use" : "not enough data, preset kept"}`);
  await arrive(next, ARRIVALS, `${ARRIVALS} arrivals one by one, trained m/u`, true);
  next += ARRIVALS;
  await arrive(next, BATCH, `${BATCH} arrivals in one import, matched in one batch after commit`, false);
}

console.log(`# Matching in the registry: ${RECORDS.toLocaleString("en")} existing records; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (shared machine: other jobs were running)`);
if (ONLY !== "postgres") {
  const store = await openStore();
  try {
    await run("PGlite (in memory)", store);
  } finally {
    await store.close();
  }
}
if (ONLY !== "pglite") {
  const unreachable = await pgReachable();
  if (unreachable !== null) console.log(`\n## PostgreSQL: skipped (${unreachable})`);
  else {
    const db = await createTestDatabase();
    const store = await openStore({ databaseUrl: db.url, poolSize: 4 });
    try {
      await run("PostgreSQL", store);
    } finally {
      await store.close();
      await db.drop();
    }
  }
}
