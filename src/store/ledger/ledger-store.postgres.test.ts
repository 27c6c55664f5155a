import { afterAll, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerLedgerContract } from "./test-support/ledger-contract.ts";
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
  console.warn(`skipping PostgreSQL ledger tests: ${unreachable}`);
  it.skip(`PostgreSQL ledger store (${unreachable})`, () => undefined);
} else {
  registerLedgerContract("PostgreSQL", async () => {
    const db = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), "homeward-ledger-"));
    cleanups.push(() => db.drop(), () => rm(dir, { recursive: true, force: true }));
    return openStore({ databaseUrl: db.url, keyFile: join(dir, "homeward.key"), poolSize: 4 });
  });
}
