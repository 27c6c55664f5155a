import { describe, expect, it } from "vitest";
import { registerStoreContract } from "./test-support/cases-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";
import { MIGRATIONS } from "../migrations.ts";
import { testDoor } from "../test-support/test-door.ts";

// A window so long that no test run straddles two of them.
const LONG_WINDOW = 1e13;

await onPostgres("store contract", (place) => {
  registerStoreContract("PostgreSQL", async ({ now }) => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, now, poolSize: 4 });
  });

  describe("PostgreSQL store opening", () => {
    it("two processes opening a fresh database at once apply each migration exactly once", async () => {
      const { url, keyFile } = await place();
      const extra = [{ id: "9000-extension", statements: ["create table extension_things (id integer primary key)"] }];
      const [a, b] = await Promise.all([
        openStore({ databaseUrl: url, keyFile, poolSize: 2, migrations: extra }),
        openStore({ databaseUrl: url, keyFile, poolSize: 2, migrations: extra }),
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
});
