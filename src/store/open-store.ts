import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { KEY_BYTES, loadOrCreateKey, sealedBox } from "./sealed-box.ts";
import { atRest } from "./at-rest.ts";
import { MIGRATIONS } from "./migrations.ts";
import { runMigrations } from "./migrate.ts";
import { TEST_DOOR, type StoreInternals } from "./store-internals.ts";
import { createCaseRepository, createSharesRepository, sealLegacyCases } from "./cases/index.ts";
import { createAccessLogRepository } from "./access-log/index.ts";
import {
  createPartyRepository,
  createRateLimitRepository,
  createSessionRepository,
  createUserRepository,
} from "./accounts/index.ts";
import type { ActionSink, Db, OpenStoreOptions, Precondition } from "./types.ts";
import type { PreconditionName } from "../domain/index.ts";
import type { Store } from "./store.ts";
import { createLedgerStore } from "./ledger/index.ts";
import { createReportsStore, signedReportPreconditions } from "./reports/index.ts";
import { createMatchingService } from "./matching/index.ts";
import { createDisclosureRepository } from "./disclosures/index.ts";
import { createTracingRequestRepository } from "./tracing-requests/index.ts";
import { createPhotoRepository } from "./photos/index.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { memoryPglite } from "./memory-pglite.ts";
import { openStoreKeys, recoverKeyFile, rotateKeyFile } from "./secrets/index.ts";
import { createBatchRepository, type BatchesApi } from "./batches/index.ts";
import { createStatsRepository } from "./stats/index.ts";
import { createDashboardRepository } from "./dashboard/index.ts";
import { createAdultTrackJob } from "./adult-track/index.ts";
import { createAnnotationRepository, createThreadRepository } from "./threads/index.ts";
import { createWitnessingRepository } from "./witnessing/index.ts";
import { createHealthSummaryRepository } from "./health-summaries/index.ts";
import { createPfifRecordRepository } from "./pfif-records/index.ts";
import { createCaseLinks, followLinkedSink } from "./case-links/index.ts";

export function resolveKeyFile(options: OpenStoreOptions): string | null {
  if (options.keyFile) return resolve(options.keyFile);
  if (options.dataDir) return resolve(options.dataDir, "homeward.key");
  if (options.databaseUrl) return resolve(process.env.HOMEWARD_KEY_FILE ?? join(".homeward", "homeward.key"));
  return null;
}

async function openDb(options: OpenStoreOptions): Promise<{ db: Db; kind: Store["kind"]; release: () => Promise<void> }> {
  const none = async (): Promise<void> => {};
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: "postgres", release: none };
  }
  if (!options.dataDir) {
    const pglite = await memoryPglite();
    return { db: new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), kind: "pglite", release: none };
  }
  const dir = resolve(options.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const release = await lockDataDir(dir);
  try {
    const pglite = new PGlite(join(dir, "pgdata"));
    await pglite.waitReady;
    return { db: new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), kind: "pglite", release };
  } catch (e) {
    await release();
    throw e;
  }
}

type Features = Omit<Store, "kind" | "migrate" | "close" | "rotateKey">;

// The one place the features are put together. Each feature gets what it needs by name; the
// action sinks and preconditions every case action passes are listed here, in order.
function assembleFeatures(internals: StoreInternals, options: OpenStoreOptions): Features {
  const { db, box, now, caseSalt } = internals;
  const cases = createCaseRepository(internals);
  const { ledger, recordAction } = createLedgerStore({ db, box, caseSalt, now });
  const reports = createReportsStore({ db, box, caseSalt, now, ledger, cases });
  // Both parties' cases for one child are linked when both accept the match (case-links/).
  const { matching, enqueueOnAction } = createMatchingService({ db, now, ledger, cases, caseSalt, atRest: internals.atRest, links: createCaseLinks(internals) });
  // Batch steps are signed log entries; statistics count the children returned in batches.
  const batches: BatchesApi = createBatchRepository(internals, { cases, ledger, settings: options.batches ?? {} });
  const stats = createStatsRepository(internals, { batches: () => batches });

  // Every case action passes these, in this order, inside the transaction that appends it; a
  // sink that throws undoes the action.
  const sinks: ActionSink[] = [
    // 1. The action becomes a signed log entry (ledger/).
    recordAction,
    // 2. A new case, or one whose details changed, is queued for matching (matching/).
    enqueueOnAction,
    // 3. A step on one of two linked cases is followed on the other (case-links/).
    followLinkedSink(internals),
  ];
  // Steps that wait for something outside the case, checked before the action is appended.
  const preconditions: [PreconditionName, Precondition][] = [
    // Identity verified, confirmed by mediator, post-return verified: their signed reports (reports/).
    ...(options.signedReportsRequired ? signedReportPreconditions() : []),
  ];
  internals.sinks.push(...sinks);
  for (const [name, check] of preconditions) internals.preconditions.set(name, check);

  return {
    cases,
    shares: createSharesRepository(internals, cases),
    parties: createPartyRepository(internals),
    users: createUserRepository(internals),
    sessions: createSessionRepository(internals),
    rateLimit: createRateLimitRepository(internals),
    // Digests of the access log are appended to the signed log.
    accessLog: createAccessLogRepository(internals, () => ledger),
    ledger,
    reports,
    matching,
    batches,
    stats,
    dashboard: createDashboardRepository(internals, { matching: () => matching, batches: () => batches }),
    disclosures: createDisclosureRepository(internals, cases),
    tracingRequests: createTracingRequestRepository(internals, cases),
    adultTrack: createAdultTrackJob(internals, { cases }),
    photos: createPhotoRepository(internals, cases),
    // A thread about a case is read by those who still see the case (each read in the access
    // log); each message's hash is a signed log entry.
    threads: createThreadRepository(internals, { cases, batches: () => batches, ledger }),
    annotations: createAnnotationRepository(internals, { cases, ledger }),
    // Health summaries released under consent, each change and release signed in the log.
    healthSummaries: createHealthSummaryRepository(internals, { ledger }),
    // The PFIF records cases came from and their expiry, honoured on export.
    pfifRecords: createPfifRecordRepository(internals),
    witnessing: createWitnessingRepository(internals, { ledger, ...(options.logOrigin ? { origin: options.logOrigin } : {}) }),
  };
}

// Opens the registry's store: PGlite (in `dataDir/pgdata`, or in memory) unless a PostgreSQL
// `databaseUrl` is given. Migrations are applied under a lock unless `migrate: false`.
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const keyFile = resolveKeyFile(options);
  const key = keyFile ? await loadOrCreateKey(keyFile) : randomBytes(KEY_BYTES);
  const { db, kind, release } = await openDb(options);
  const internals: StoreInternals = {
    db,
    box: sealedBox(key),
    get atRest(): never {
      throw new Error("the store's keys are read after its migrations");
    },
    caseSalt: () => {
      throw new Error("the store's keys are read after its migrations");
    },
    now: options.now ?? (() => new Date()),
    sinks: [],
    preconditions: new Map(),
    partyKinds: new Map(),
  };
  async function migrate(): Promise<string[]> {
    return runMigrations(db, [...MIGRATIONS, ...(options.migrations ?? [])]);
  }
  try {
    if (options.migrate !== false) await migrate();
    // The key file's master key wraps the working keys (data, index, commit) kept in the
    // database; a rotation of the key file cut short is finished or forgotten first.
    const keys = await openStoreKeys(db, keyFile ? await recoverKeyFile(keyFile, db) : key);
    internals.box = keys.box;
    Object.defineProperty(internals, "atRest", { value: atRest(keys.box, keys.indexHash), enumerable: true });
    internals.caseSalt = keys.caseSalt;
    // Rows written before identity was sealed, or keyed by an older search-key function.
    if (options.migrate !== false) await sealLegacyCases(internals);
  } catch (e) {
    await db.destroy();
    await release();
    throw e;
  }
  let closed = false;
  const store: Store = {
    kind,
    ...assembleFeatures(internals, options),
    migrate,
    async rotateKey() {
      if (keyFile === null) throw new Error("this store has no key file to rotate (an in-memory store)");
      return { keyFile, ...(await rotateKeyFile(keyFile, db)) };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
      } finally {
        await release();
      }
    },
  };
  Object.defineProperty(store, TEST_DOOR, { value: internals, enumerable: false });
  return store;
}
