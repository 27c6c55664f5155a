import { afterAll, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerBatchContract } from "./test-support/batches-contract.ts";
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
  it.skip(`PostgreSQL batch contract (${unreachable})`, () => undefined);
} else {
  registerBatchContract("PostgreSQL", async (now) => {
    const db = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), "homeward-batches-"));
    cleanups.push(() => db.drop(), () => rm(dir, { recursive: true, force: true }));
    return openStore({ databaseUrl: db.url, keyFile: join(dir, "homeward.key"), now, poolSize: 4, signedReportsRequired: true });
  });
}
