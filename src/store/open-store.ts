import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { KEY_BYTES, loadOrCreateKey, sealedBox } from "./sealed-box.ts";
import { MIGRATIONS } from "./migrations.ts";
import { runMigrations } from "./migrate.ts";
import type { StoreInternals } from "./store-internals.ts";
import { createCaseRepository, reindexNameKeys } from "./cases/index.ts";
import { createSharesRepository } from "./cases/index.ts";
import { createAccessLogRepository } from "./cases/index.ts";
import {
  createPartyRepository,
  createRateLimitRepository,
  createSessionRepository,
  createUserRepository,
} from "./accounts/index.ts";
import type { BatchesApi, Db, OpenStoreOptions, Store } from "./types.ts";
import { attachLedger } from "./ledger/index.ts";
import { attachReports } from "./reports/index.ts";
import { attachMatching } from "./matching/index.ts";
import { createDisclosureRepository } from "./disclosures/index.ts";
import { createTracingRequestRepository } from "./tracing-requests/index.ts";
import { createPhotoRepository } from "./photos/index.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { createBatchRepository } from "./batches/index.ts";
import { createStatsRepository } from "./stats/index.ts";
import { createAdultTrackJob } from "./adult-track/index.ts";

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
    const pglite = new PGlite();
    await pglite.waitReady;
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

// Opens the registry's store: PGlite (in `dataDir/pgdata`, or in memory) unless a PostgreSQL
// `databaseUrl` is given. Migrations are applied under a lock unless `migrate: false`.
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const keyFile = resolveKeyFile(options);
  const key = keyFile ? await loadOrCreateKey(keyFile) : randomBytes(KEY_BYTES);
  const { db, kind, release } = await openDb(options);
  const internals: StoreInternals = {
    db,
    box: sealedBox(key),
    now: options.now ?? (() => new Date()),
    sinks: [],
    preconditions: new Map(),
    partyKinds: new Map(),
  };
  async function migrate(): Promise<string[]> {
    const applied = await runMigrations(db, [...MIGRATIONS, ...(options.migrations ?? [])]);
    await reindexNameKeys(db);
    return applied;
  }
  try {
    if (options.migrate !== false) await migrate();
  } catch (e) {
    await db.destroy();
    await release();
    throw e;
  }
  const cases = createCaseRepository(internals);
  let closed = false;
  // Features wired after the ledger, reached through the store once openStore returns.
  const late: { batches?: BatchesApi } = {};
  const store: Store = {
    kind,
    db,
    cases,
    shares: createSharesRepository(internals, cases),
    parties: createPartyRepository(internals),
    users: createUserRepository(internals),
    sessions: createSessionRepository(internals),
    rateLimit: createRateLimitRepository(internals),
    accessLog: createAccessLogRepository(internals),
    adultTrack: createAdultTrackJob(internals, { cases }),
    stats: createStatsRepository(internals, { batches: () => store.batches }),
    get batches(): BatchesApi {
      if (!late.batches) throw new Error("batches are wired after the ledger");
      return late.batches;
    },
    disclosures: createDisclosureRepository(internals, cases),
    tracingRequests: createTracingRequestRepository(internals, cases),
    photos: createPhotoRepository(internals, cases),
    onAction(sink) {
      internals.sinks.push(sink);
      return () => {
        const i = internals.sinks.indexOf(sink);
        if (i >= 0) internals.sinks.splice(i, 1);
      };
    },
    registerPrecondition(name, check) {
      internals.preconditions.set(name, check);
    },
    migrate,
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
  // Every action is also a signed log entry, appended in the action's transaction.
  const ledger = attachLedger(store, { box: internals.box, now: internals.now });
  // Reports are signed documents in the log: the ledger must exist first.
  attachReports(store, ledger, { box: internals.box, now: internals.now });
  // Batch steps are signed log entries: after the ledger too.
  late.batches = createBatchRepository(internals, { cases, ledger, settings: options.batches ?? {} });
  // New and changed cases are queued for matching in the action's transaction.
  attachMatching(store, { now: internals.now });
  return store;
}
