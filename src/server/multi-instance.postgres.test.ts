import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { createTestDatabase, pgReachable } from "../store/test-support/pg-test-db.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";

// Several server processes behind a load balancer share one PostgreSQL: nothing that must be
// shared (sessions, failed-login counters, idempotency) may live in one process's memory.
// Two stores with their own connection pools stand for two processes.

const unreachable = await pgReachable();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const PASSWORD = "shared database password";

async function twoInstances(): Promise<[ReturnType<typeof createApp>, ReturnType<typeof createApp>]> {
  const db = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), "homeward-api-"));
  cleanups.push(() => db.drop(), () => rm(dir, { recursive: true, force: true }));
  const keyFile = join(dir, "homeward.key");
  const stores: Store[] = [];
  for (let i = 0; i < 2; i++) {
    const store = await openStore({ databaseUrl: db.url, keyFile, poolSize: 2 });
    stores.push(store);
    cleanups.push(() => store.close());
  }
  const [a, b] = stores as [Store, Store];
  await a.parties.ensure(DEMO_PARTIES.tracing);
  await a.users.create({
    username: "tracing", partyId: DEMO_PARTIES.tracing.id, role: "caseworker",
    passwordHash: await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 }),
  });
  const options = { logger: createLogger({ level: "silent" }), loginThrottle: { freeFailures: 2 } };
  return [createApp({ store: a, ...options }), createApp({ store: b, ...options })];
}

const json = (body: unknown, token?: string, extra: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
  body: JSON.stringify(body),
});

if (unreachable !== null && process.env.CI === "true") {
  it("PostgreSQL is reachable (required in CI)", () => {
    throw new Error(unreachable);
  });
} else if (unreachable !== null) {
  console.warn(`skipping multi-instance API tests: ${unreachable}`);
  it.skip(`API on two instances sharing PostgreSQL (${unreachable})`, () => undefined);
} else {
  describe("two API instances sharing one PostgreSQL", () => {
    it("share sessions, failed-login counters and idempotency keys", async () => {
      const [a, b] = await twoInstances();
      const login = await a.request("/api/session", { method: "POST", ...json({ username: "tracing", password: PASSWORD }) });
      const { token } = (await login.json()) as { token: string };
      expect((await b.request("/api/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

      const body = { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07" };
      const first = await a.request("/api/cases", { method: "POST", ...json(body, token, { "idempotency-key": "k-1" }) });
      const second = await b.request("/api/cases", { method: "POST", ...json(body, token, { "idempotency-key": "k-1" }) });
      expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
      expect(second.headers.get("idempotent-replayed")).toBe("true");

      expect((await a.request("/api/session", { method: "DELETE", headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
      expect((await b.request("/api/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

      for (const app of [a, b]) {
        expect((await app.request("/api/session", { method: "POST", ...json({ username: "tracing", password: "wrong guess" }) })).status).toBe(401);
      }
      expect((await a.request("/api/session", { method: "POST", ...json({ username: "tracing", password: PASSWORD }) })).status).toBe(429);
    });
  });
}
