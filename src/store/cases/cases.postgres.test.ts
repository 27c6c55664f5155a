import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerStoreContract } from "./test-support/cases-contract.ts";
import { createTestDatabase, pgReachable } from "../test-support/pg-test-db.ts";
import type { TestDatabase } from "../test-support/pg-test-db.ts";
import { openStore } from "../open-store.ts";
import { MIGRATIONS } from "../migrations.ts";
import { testDoor } from "../test-support/test-door.ts";

// A window so long that no test run straddles two of them.
const LONG_WINDOW = 1e13;
const unreachable = await pgReachable();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function freshDatabase(): Promise<{ db: TestDatabase; keyFile: string }> {
  const db = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), "homeward-store-"));
  cleanups.push(() => db.drop(), () => rm(dir, { recursive: true, force: true }));
  return { db, keyFile: join(dir, "homeward.key") };
}

if (unreachable !== null && process.env.CI === "true") {
  it("PostgreSQL is reachable (required in CI)", () => {
    throw new Error(unreachable);
  });
} else if (unreachable !== null) {
  console.warn(`skipping PostgreSQL store tests: ${unreachable}`);
  it.skip(`PostgreSQL store contract (${unreachable})`, () => undefined);
} else {
  registerStoreContract("PostgreSQL", async ({ now }) => {
    const { db, keyFile } = await freshDatabase();
    return openStore({ databaseUrl: db.url, keyFile, now, poolSize: 4 });
  });

  describe("PostgreSQL store opening", () => {
    it("two processes opening a fresh database at once apply each migration exactly once", async () => {
      const { db, keyFile } = await freshDatabase();
      const extra = [{ id: "9000-extension", statements: ["create table extension_things (id integer primary key)"] }];
      const [a, b] = await Promise.all([
        openStore({ databaseUrl: db.url, keyFile, poolSize: 2, migrations: extra }),
        openStore({ databaseUrl: db.url, keyFile, poolSize: 2, migrations: extra }),
      ]);
      try {
        const rows = await testDoor(a).db.selectFrom("homeward_migrations").select("id").orderBy("id").execute();
        expect(rows.map((r) => r.id)).toEqual([...MIGRATIONS.map((m) => m.id), "9000-extension"]);
        // Both share one key file, so what one writes the other reads.
        await a.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
        const ctx = { partyId: "tracing", userId: "u", role: "caseworker" as const };
        const { id } = await a.cases.create(ctx, { names: [{ given: "Олена", family: "Шевченко" }], sex: "F", notes: "secret" }, { clientId: "c" });
        expect((await b.cases.get(ctx, id))?.notes?.[0]?.text).toBe("secret");
        // Sessions and login throttling are shared by every process on the database.
        const user = await a.users.create({ username: "shared-user", passwordHash: "$argon2id$v=19$fake-hash", partyId: "tracing", role: "caseworker" });
        const { token } = await a.sessions.create(user.id, 60_000);
        expect((await b.sessions.get(token))?.user.username).toBe("shared-user");
        await b.sessions.revoke(token);
        expect(await a.sessions.get(token)).toBeNull();
        const hits = [await a.rateLimit.hit("login:x", LONG_WINDOW, 2), await b.rateLimit.hit("login:x", LONG_WINDOW, 2), await a.rateLimit.hit("login:x", LONG_WINDOW, 2)];
        expect(hits.map((h) => h.allowed)).toEqual([true, true, false]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
