import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, PASSWORD } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";
import { testDoor } from "../store/test-support/test-door.ts";

describe("sessions over HTTP", () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture({ sessionTtlMs: 60 * 60 * 1000, loginFailures: { max: 3, windowMs: 10 * 60 * 1000 } });
  });
  afterAll(() => f.close());

  it("logs in with username and password and answers /api/me with party and role", async () => {
    const res = await f.call(null, "POST", "/api/session", { username: "holding-verifier", password: PASSWORD });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await f.call(token, "GET", "/api/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: "holding-verifier", party: "holding-authority", role: "verifier" });
  });

  it("stores only a hash of the token", async () => {
    const token = await f.login("tracing");
    const rows = await testDoor(f.store).db.selectFrom("sessions").select("token_hash").execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.token_hash).not.toContain(token);
  });

  it("answers a wrong password and an unknown user alike: 401 problem+json", async () => {
    for (const body of [{ username: "mediator", password: "wrong password!" }, { username: "nobody-here", password: PASSWORD }]) {
      const res = await f.call(null, "POST", "/api/session", body);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ status: 401, detail: "wrong username or password" });
    }
  });

  it("refuses every endpoint but health, docs and login without a valid token", async () => {
    for (const path of ["/api/cases", "/api/me", "/api/access-log", "/api/cases/x"]) {
      expect((await f.call(null, "GET", path)).status, path).toBe(401);
      expect((await f.call("not-a-real-token", "GET", path)).status, path).toBe(401);
    }
    expect((await f.call(null, "GET", "/api/health")).status).toBe(200);
    expect((await f.call(null, "GET", "/api/openapi.json")).status).toBe(200);
    expect((await f.call(null, "GET", "/api/docs")).status).toBe(200);
  });

  it("rate-limits failed logins per account in the database, across app instances, with Retry-After", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await f.call(null, "POST", "/api/session", { username: "auditor", password: `guess ${i}` })).status).toBe(401);
    }
    // Even the right password is refused while the account is locked.
    const locked = await f.call(null, "POST", "/api/session", { username: "auditor", password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);

    // A second server process on the same database sees the same counter.
    const other = createApp({ store: f.store, logger: createLogger({ level: "silent" }), now: () => f.clock.now, loginFailures: { max: 3, windowMs: 10 * 60 * 1000 } });
    const viaOther = await other.request("/api/session", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "auditor", password: PASSWORD }),
    });
    expect(viaOther.status).toBe(429);

    // Other accounts are unaffected; after the window the account works again.
    expect((await f.call(null, "POST", "/api/session", { username: "admin", password: PASSWORD })).status).toBe(200);
    f.clock.advance(11 * 60 * 1000);
    expect((await f.call(null, "POST", "/api/session", { username: "auditor", password: PASSWORD })).status).toBe(200);
  });

  it("expires sessions after their lifetime", async () => {
    const token = await f.login("mediator");
    f.clock.advance(59 * 60 * 1000);
    expect((await f.call(token, "GET", "/api/me")).status).toBe(200);
    f.clock.advance(2 * 60 * 1000);
    const expired = await f.call(token, "GET", "/api/me");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ detail: expect.stringMatching(/expired/) });
  });

  it("logs out by revoking the token", async () => {
    const token = await f.login("tracing-verifier");
    expect((await f.call(token, "DELETE", "/api/session")).status).toBe(204);
    expect((await f.call(token, "GET", "/api/me")).status).toBe(401);
  });

  it("never writes tokens or passwords to the log", async () => {
    const token = await f.login("holding");
    await f.call(token, "GET", "/api/cases?q=Коваленко");
    await f.call(null, "POST", "/api/session", { username: "holding", password: "a wrong password" });
    const log = f.logText();
    expect(log).toContain("logged in");
    expect(log).not.toContain(token);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain("a wrong password");
    // Search terms are children's names: request lines carry the route only.
    expect(log).not.toContain("Коваленко");
  });
});
