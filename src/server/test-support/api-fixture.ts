import { Writable } from "node:stream";
import { openStore } from "../../store/index.ts";
import type { Store } from "../../store/index.ts";
import { createApp } from "../app.ts";
import { createLogger } from "../logger.ts";
import type { LoginThrottle } from "../login-throttle.ts";
import { hash } from "@node-rs/argon2";
import { DEMO_ACCOUNTS, DEMO_PARTIES } from "../../demo/demo-accounts.ts";

export const PASSWORD = "correct horse battery staple";

export interface ApiFixture {
  store: Store;
  app: ReturnType<typeof createApp>;
  clock: { now: Date; advance(ms: number): void };
  logText(): string;
  login(username: string): Promise<string>;
  call(token: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** An in-memory registry with the demo parties and accounts (test password), a settable clock and a captured log. */
export async function apiFixture(options: { sessionTtlMs?: number; loginThrottle?: Partial<LoginThrottle>; trustProxy?: boolean } = {}): Promise<ApiFixture> {
  const clock = {
    now: new Date("2026-06-01T10:00:00Z"),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const store = await openStore({ now: () => clock.now });
  for (const party of Object.values(DEMO_PARTIES)) await store.parties.ensure(party);
  // Cheap argon2id parameters keep tests fast; verification reads them from the hash itself.
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  for (const a of DEMO_ACCOUNTS) await store.users.create({ ...a, passwordHash });

  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  const app = createApp({
    store,
    logger,
    now: () => clock.now,
    ...(options.sessionTtlMs === undefined ? {} : { sessionTtlMs: options.sessionTtlMs }),
    ...(options.loginThrottle === undefined ? {} : { loginThrottle: options.loginThrottle }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  });

  const call = (token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      }),
    );
  const login = async (username: string) => {
    const res = await call(null, "POST", "/api/session", { username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return { store, app, clock, logText: () => lines.join(""), login, call, close: () => store.close() };
}

export const SMALLEST_CASE = { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07" };
