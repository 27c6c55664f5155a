import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";
import {
  CORE_BAD_VALUES, badValue, baselineOf, brokenBodies, buildRequest, fieldsOf, operationsOf,
} from "./test-support/openapi-fuzz.ts";
import type { Baseline, Field, FuzzRequest, Json, OpenApiDocument, Operation } from "./test-support/openapi-fuzz.ts";

// Every operation the OpenAPI document lists, every field of it, against hostile values: no
// answer may be a 5xx, and every error must be problem+json. `npm run fuzz` runs it longer
// (FUZZ_RUNS random requests per operation instead of a few).

const SEED = Number(process.env["FUZZ_SEED"] ?? 20261205);
const RANDOM_RUNS = Number(process.env["FUZZ_RUNS"] ?? 6);
// Raw path segments a client can send that no encoder would produce.
const RAW_SEGMENTS = ["%00", "%ED%A0%80", "%C0%AF", "%ZZ", "%", "..%2F..%2Fetc", "%0D%0A"];

interface Failure {
  request: string;
  status: number;
  contentType: string;
  body: string;
}

describe("the API under hostile input (generated from its OpenAPI document)", () => {
  let f: ApiFixture;
  let doc: OpenApiDocument;
  let tokens: Record<string, string>;
  let caseId: string;
  const failures: Failure[] = [];
  let requests = 0;

  beforeAll(async () => {
    f = await apiFixture();
    doc = (await (await f.app.request("/api/openapi.json")).json()) as OpenApiDocument;
    tokens = {
      caseworker: await f.login("tracing"),
      verifier: await f.login("holding-verifier"),
      admin: await f.login("admin"),
    };
    const created = await f.call(tokens["caseworker"]!, "POST", "/api/cases", SMALLEST_CASE);
    caseId = ((await created.json()) as { id: string }).id;
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  // Real ids where the document names a case, so the fuzzed request reaches past the lookup.
  const known = (op: Operation, name: string): string | undefined =>
    (name === "id" && op.path.startsWith("/api/cases/")) || name === "caseId" ? caseId : undefined;

  async function send(req: FuzzRequest, role: string | null, op: Operation): Promise<void> {
    // Logging out would end the session the other requests use: it gets a session of its own.
    const token = role === null ? null : op.method === "DELETE" && op.path === "/api/session" ? await f.login("mediator") : tokens[role]!;
    const headers: Record<string, string> = { ...req.headers };
    if (token !== null) headers["authorization"] = `Bearer ${token}`;
    let body: string | undefined;
    if (req.body !== undefined) {
      if ("json" in req.body) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(req.body.json);
      } else {
        headers["content-type"] = req.body.contentType;
        body = req.body.raw;
      }
    }
    requests++;
    const res = await f.app.request(req.url, { method: req.method, headers, ...(body === undefined ? {} : { body }) });
    const contentType = res.headers.get("content-type") ?? "";
    const text = await res.text();
    if (res.status >= 500 || (res.status >= 400 && !contentType.startsWith("application/problem+json"))) {
      const shown = body === undefined ? "" : ` ${body.length > 300 ? `${body.slice(0, 300)}…` : body}`;
      failures.push({ request: `${req.method} ${req.url.slice(0, 300)} [${role ?? "anonymous"}]${shown}`, status: res.status, contentType, body: text.slice(0, 300) });
    }
  }

  it("lists the routes it fuzzes", () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(10);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(["POST /api/cases", "POST /api/session", "GET /api/access-log"]));
  });

  it("answers every field of every route, set to each hostile value, without a 5xx and with problem+json on error", async () => {
    for (const op of operationsOf(doc)) {
      const baseline = baselineOf(doc, op, known);
      const role = op.path === "/api/session" && op.method === "POST" ? null : "caseworker";
      await send(buildRequest(op, baseline, null, undefined), role, op);
      for (const field of fieldsOf(op, baseline)) {
        for (const value of CORE_BAD_VALUES) await send(buildRequest(op, baseline, field, value), role, op);
      }
      if (op.params.some((p) => p.in === "path")) {
        for (const raw of RAW_SEGMENTS) {
          const url = op.path.replace(/\{[^}]+\}/g, raw);
          await send({ method: op.method, url, headers: {} }, role, op);
        }
      }
      if (op.bodySchema !== null) {
        for (const broken of brokenBodies()) await send({ ...buildRequest(op, baseline, null, undefined), body: broken }, role, op);
      }
    }
    expect(failures, failures.slice(0, 20).map((x) => `${x.status} ${x.contentType} ${x.request} -> ${x.body}`).join("\n")).toEqual([]);
  }, 300_000);

  it("answers random hostile requests (fixed seed) on every route, as every role and anonymously, without a 5xx", async () => {
    failures.length = 0;
    for (const op of operationsOf(doc)) {
      const baseline: Baseline = baselineOf(doc, op, known);
      const fields = fieldsOf(op, baseline);
      const field: fc.Arbitrary<Field | null> = fields.length === 0 ? fc.constant(null) : fc.constantFrom(...fields);
      const change = fc.tuple(field, badValue());
      await fc.assert(
        fc.asyncProperty(
          fc.array(change, { minLength: 1, maxLength: 3 }),
          fc.constantFrom<string | null>(null, "caseworker", "verifier", "admin"),
          async (changes, role) => {
            let req = buildRequest(op, baseline, null, undefined);
            let current = baseline;
            for (const [fld, value] of changes) {
              req = buildRequest(op, current, fld, value as Json | undefined);
              current = rebase(current, req, fld, value as Json | undefined);
            }
            await send(req, role, op);
          },
        ),
        { seed: SEED, numRuns: RANDOM_RUNS },
      );
    }
    expect(failures, failures.slice(0, 20).map((x) => `${x.status} ${x.contentType} ${x.request} -> ${x.body}`).join("\n")).toEqual([]);
    expect(requests).toBeGreaterThan(0);
  }, 600_000);
});

// Applies one change to a baseline so that several changes combine in one request.
function rebase(base: Baseline, req: FuzzRequest, field: Field | null, value: Json | undefined): Baseline {
  if (field === null) return base;
  if (field.location === "body") return { ...base, body: req.body !== undefined && "json" in req.body ? req.body.json : base.body };
  const params = { ...base.params };
  const key = `${field.location}:${String(field.path[0])}`;
  if (value === undefined) delete params[key];
  else params[key] = typeof value === "string" ? value : JSON.stringify(value);
  return { ...base, params };
}
