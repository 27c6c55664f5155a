import { afterAll, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, pgReachable } from "./pg-test-db.ts";

/** A fresh database on the test server and a key file of its own, both removed after the test file. */
export interface PostgresPlace {
  url: string;
  keyFile: string;
}

/**
 * Runs `register` when the PostgreSQL test server is reachable, handing it a maker of fresh
 * databases. Unreachable: a failing test under CI=true (CI must exercise PostgreSQL), else a
 * skipped one that says why.
 */
export async function onPostgres(label: string, register: (place: () => Promise<PostgresPlace>) => void): Promise<void> {
  const unreachable = await pgReachable();
  if (unreachable !== null) {
    if (process.env.CI === "true") {
      it(`PostgreSQL is reachable (required in CI for the ${label})`, () => {
        throw new Error(unreachable);
      });
    } else {
      it.skip(`PostgreSQL ${label} (${unreachable})`, () => undefined);
    }
    return;
  }
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  register(async () => {
    const db = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), "homeward-pg-"));
    cleanups.push(() => db.drop(), () => rm(dir, { recursive: true, force: true }));
    return { url: db.url, keyFile: join(dir, "homeward.key") };
  });
}
