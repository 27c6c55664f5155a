import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, PASSWORD } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";
import { testDoor } from "../store/test-support/test-door.ts";
import { DEFAULT_LOGIN_THROTTLE, delayAfter } from "./login-throttle.ts";

describe("sessions over HTTP", () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture({ sessionTtlMs: 60 * 60 * 1000, trustProxy: true });
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

  const from = (address: string) => ({ "x-forwarded-for": `198.51.100.7, ${address}` });
  const attempt = (username: string, password: string, address: string) =>
    f.call(null, "POST", "/api/session", { username, password }, from(address));

  it("cannot be used to lock an account: five anonymous failures leave the admin and a verifier free to log in from elsewhere", async () => {
    for (const username of ["admin", "holding-verifier"]) {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await attempt(username, `guess ${i}`, "203.0.113.66")).status);
      // Three guesses are answered, then the guesser is held back.
      expect(answers).toEqual([401, 401, 401, 429, 429]);
    }
    // Not a second later, from the rightful users' own addresses.
    expect((await attempt("admin", PASSWORD, "192.0.2.10")).status).toBe(200);
    expect((await attempt("holding-verifier", PASSWORD, "192.0.2.11")).status).toBe(200);
  });

  it("holds the guessing address back with 429 and Retry-After, in the database, across app instances, until the delay is over", async () => {
    const guesser = "203.0.113.77";
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.freeFailures; i++) expect((await attempt("auditor", `guess ${i}`, guesser)).status).toBe(401);
    // Even the right password waits: the guesser learns nothing from it.
    const held = await attempt("auditor", PASSWORD, guesser);
    expect(held.status).toBe(429);
    expect(held.headers.get("content-type")).toBe("application/problem+json");
    expect(held.headers.get("retry-after")).toBe("1");
    // A second server process on the same database holds it back too.
    const other = createApp({ store: f.store, logger: createLogger({ level: "silent" }), now: () => f.clock.now, trustProxy: true });
    const viaOther = await other.request("/api/session", {
      method: "POST", headers: { "content-type": "application/json", ...from(guesser) }, body: JSON.stringify({ username: "auditor", password: PASSWORD }),
    });
    expect(viaOther.status).toBe(429);
    f.clock.advance(800);
    expect((await attempt("auditor", PASSWORD, guesser)).status).toBe(429);
    f.clock.advance(200);
    expect((await attempt("auditor", PASSWORD, guesser)).status).toBe(200);
  });

  it("doubles the delay with each further failure and caps it", async () => {
    const guesser = "203.0.113.78";
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      expect((await attempt("mediator", `guess ${i}`, guesser)).status).toBe(401);
      const held = await attempt("mediator", `guess ${i} again`, guesser);
      waits.push(held.status === 429 ? Number(held.headers.get("retry-after")) : 0);
      f.clock.advance(waits.at(-1)! * 1000);
    }
    expect(waits).toEqual([0, 1, 2, 4, 8, 16, 32, 64]);
    expect(delayAfter(100, 3, DEFAULT_LOGIN_THROTTLE)).toBe(DEFAULT_LOGIN_THROTTLE.maxDelayMs);
  });

  it("slows down an address that guesses across many accounts", async () => {
    const sprayer = "2001:db8:5:7::1";
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.addressFreeFailures; i++) {
      expect((await attempt(`nobody-${i}`, "guess", sprayer)).status).toBe(401);
    }
    // Another address in the same /64 network counts as the same client.
    const held = await attempt("tracing", PASSWORD, "2001:db8:5:7:abcd::9");
    expect(held.status).toBe(429);
    expect((await attempt("tracing", PASSWORD, "2001:db8:5:8::1")).status).toBe(200);
  });

  it("slows down many addresses guessing one account, while the rightful user's known address and device sign in at once", async () => {
    const { accountFreeFailures } = DEFAULT_LOGIN_THROTTLE;
    // The verifier signed in before: from the office, and on a laptop that kept its device token.
    expect((await attempt("tracing-verifier", PASSWORD, "192.0.2.40")).status).toBe(200);
    const laptop = await attempt("tracing-verifier", PASSWORD, "192.0.2.41");
    const { deviceToken } = (await laptop.json()) as { deviceToken: string };
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // A botnet: one guess per address, never enough for any per-address delay.
    for (let i = 0; i < accountFreeFailures; i++) expect((await attempt("tracing-verifier", `guess ${i}`, `198.18.0.${i + 1}`)).status).toBe(401);
    const fresh = await attempt("tracing-verifier", `guess ${accountFreeFailures}`, "198.18.1.1");
    expect(fresh.status).toBe(429);
    expect(fresh.headers.get("retry-after")).toBe("1");
    // Even the right password waits from an address the account does not know.
    expect((await attempt("tracing-verifier", PASSWORD, "198.18.1.2")).status).toBe(429);
    // The verifier is not held up: from the office, and with the device token from a new network.
    expect((await attempt("tracing-verifier", PASSWORD, "192.0.2.40")).status).toBe(200);
    const onTheRoad = await f.call(null, "POST", "/api/session", { username: "tracing-verifier", password: PASSWORD, deviceToken }, from("100.64.9.9"));
    expect(onTheRoad.status).toBe(200);
    // A made-up device token is no key.
    const forged = await f.call(null, "POST", "/api/session", { username: "tracing-verifier", password: PASSWORD, deviceToken: "x".repeat(32) }, from("198.18.1.3"));
    expect(forged.status).toBe(429);
    // Another account's device token is no key either.
    const other = (await (await attempt("holding", PASSWORD, "198.18.1.4")).json()) as { deviceToken: string };
    const borrowed = await f.call(null, "POST", "/api/session", { username: "tracing-verifier", password: PASSWORD, deviceToken: other.deviceToken }, from("198.18.1.5"));
    expect(borrowed.status).toBe(429);
  });

  it("grows the account-wide delay with every further guess from anywhere", async () => {
    const { accountFreeFailures } = DEFAULT_LOGIN_THROTTLE;
    const waits: number[] = [];
    let n = 0;
    const guess = () => attempt("holding", `guess ${n}`, `198.19.${Math.floor(n / 250)}.${(n++ % 250) + 1}`);
    for (let i = 0; i < accountFreeFailures - 1; i++) expect((await guess()).status).toBe(401);
    for (let i = 0; i < 6; i++) {
      expect((await guess()).status).toBe(401);
      const held = await guess();
      expect(held.status).toBe(429);
      waits.push(Number(held.headers.get("retry-after")));
      f.clock.advance(waits.at(-1)! * 1000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
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
