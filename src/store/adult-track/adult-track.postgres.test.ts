import { afterAll, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerAdultTrackContract } from "./test-support/adult-track-contract.ts";
import { createTestDatabase, pgReachable } from "../test-support/pg-test-db.ts";
import { openStore } from "../open-store.ts";

const unreachable = await pgReachable();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

if (unreachable !== null && process.env.CI === "true") {
  it("PostgreSQL is reachable (required in CI)", () => {
    throw new Error(unreachable);
  });
} else if (unreachable !== null) {
  it.skip(`PostgreSQL adult-track contract (${unreachable})`, () => undefined);
} else {
  // Two stores on one database: two server processes.
  registerAdultTrackContract("PostgreSQL, two processes", async (now) => {
    const db = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), "homeward-adult-"));
    cleanups.push(() => db.drop(), () => rm(dir, { recursive: true, force: true }));
    const keyFile = join(dir, "homeward.key");
    const a = await openStore({ databaseUrl: db.url, keyFile, now, poolSize: 4 });
    const b = await openStore({ databaseUrl: db.url, keyFile, now, poolSize: 4 });
    return { a, b };
  });
}
