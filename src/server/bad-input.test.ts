import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, PASSWORD, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

interface Problem { status: number; type?: string; errors?: { field: string; detail: string }[]; detail?: string }

// Text PostgreSQL cannot store (NUL), text with no UTF-8 form (a lone surrogate) and control
// characters are refused with 400 naming the field, whatever the route; a reused client id
// with a different body is refused with 422. None of it may ever reach the database as a 500.

let f: ApiFixture;
let tracing: string;
let admin: string;
let caseId: string;
beforeAll(async () => {
  f = await apiFixture();
  tracing = await f.login("tracing");
  admin = await f.login("admin");
  const res = await f.call(tracing, "POST", "/api/cases", SMALLEST_CASE);
  caseId = ((await res.json()) as { id: string }).id;
});
afterAll(() => f.close());

const BAD = { nul: "Олек\u0000сандр", surrogate: "Олек\ud800сандр", control: "Олек\u001bсандр" };

async function expectFieldRefused(res: Response, field: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body.errors?.map((e) => e.field)).toContain(field);
}

describe("text that cannot be stored", () => {
  for (const [what, value] of Object.entries(BAD)) {
    it(`refuses ${what} in a case's name, place and views, naming the field`, async () => {
      await expectFieldRefused(await f.call(tracing, "POST", "/api/cases", { ...SMALLEST_CASE, names: [{ given: value }] }), "names[0].given");
      await expectFieldRefused(await f.call(tracing, "POST", "/api/cases", { ...SMALLEST_CASE, birthPlace: value }), "birthPlace");
      await expectFieldRefused(
        await f.call(tracing, "POST", "/api/cases", { ...SMALLEST_CASE, childViews: value }),
        "childViews",
      );
    });

    it(`refuses ${what} in an action's reason and in a client id`, async () => {
      const path = `/api/cases/${caseId}/actions`;
      const reason = await f.call(tracing, "POST", path, { clientId: `close-${what}`, action: { type: "close", reason: value } });
      await expectFieldRefused(reason, "action.reason");
      const clientId = await f.call(tracing, "POST", path, { clientId: `step-${value}`, action: { type: "register" } });
      await expectFieldRefused(clientId, "clientId");
      const created = await f.call(tracing, "POST", "/api/cases", { ...SMALLEST_CASE, clientId: value });
      await expectFieldRefused(created, "clientId");
    });

    it(`refuses ${what} in a login before anyone has signed in`, async () => {
      await expectFieldRefused(await f.call(null, "POST", "/api/session", { username: value, password: PASSWORD }), "username");
      await expectFieldRefused(await f.call(null, "POST", "/api/session", { username: "tracing", password: value }), "password");
    });
  }

  it("refuses a JSON body holding a raw NUL escape or a lone surrogate escape anywhere, naming where", async () => {
    const res = await f.call(tracing, "POST", "/api/cases", `{"names":[{"given":"a"}],"sex":"M","notes":"x\\u0000y"}`);
    await expectFieldRefused(res, "notes");
    const key = await f.call(tracing, "POST", "/api/cases", `{"names":[{"given":"a"}],"sex":"M","\\ud800":1}`);
    expect(key.status).toBe(400);
  });
});

describe("a reused client id", () => {
  it("replays the same body and refuses a different one with 422", async () => {
    const first = await f.call(tracing, "POST", "/api/cases", SMALLEST_CASE, { "idempotency-key": "reuse-1" });
    expect(first.status).toBe(201);
    const same = await f.call(tracing, "POST", "/api/cases", SMALLEST_CASE, { "idempotency-key": "reuse-1" });
    expect(same.status).toBe(201);
    expect(same.headers.get("idempotent-replayed")).toBe("true");
    const other = await f.call(tracing, "POST", "/api/cases", { ...SMALLEST_CASE, birthDate: "2015-01-01" }, { "idempotency-key": "reuse-1" });
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect(((await other.json()) as Problem).type).toBe("urn:homeward:problem:idempotency-key-reused");
    // The first case is unchanged.
    const id = ((await first.json()) as { id: string }).id;
    expect(((await (await f.call(tracing, "GET", `/api/cases/${id}`)).json()) as { birthDate: string }).birthDate).toBe("2014-03-07");
  });

  it("does the same for actions: the same step replays, another step or another note under the same id is 422", async () => {
    const path = `/api/cases/${caseId}/actions`;
    const step = { clientId: "note-1", action: { type: "add-note", text: "first" } };
    expect((await f.call(tracing, "POST", path, step)).status).toBe(200);
    const again = await f.call(tracing, "POST", path, step);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { replayed: boolean }).replayed).toBe(true);
    expect((await f.call(tracing, "POST", path, { ...step, action: { type: "add-note", text: "second" } })).status).toBe(422);
    expect((await f.call(tracing, "POST", path, { ...step, action: { type: "register" } })).status).toBe(422);
  });
});

describe("the access log's query", () => {
  it("answers a malformed case id with 400 naming caseId, not an empty 200", async () => {
    const res = await f.call(admin, "GET", "/api/access-log?caseId=not-a-uuid");
    await expectFieldRefused(res, "caseId");
  });
});

describe("bodies nested deeper than any request needs", () => {
  it("answers 400 naming the body, on a route with a schema and on login", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    for (const [token, path] of [[tracing, "/api/cases"], [null, "/api/session"]] as const) {
      const res = await f.call(token, "POST", path, deep);
      expect(res.status).toBe(400);
      expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(["body"]);
    }
  });
});
