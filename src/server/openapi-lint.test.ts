import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";
import { lintOpenApi } from "./test-support/openapi-lint.ts";

let f: ApiFixture;
let document: Record<string, unknown>;
beforeAll(async () => {
  f = await apiFixture();
  document = (await (await f.app.request("/api/openapi.json")).json()) as Record<string, unknown>;
});
afterAll(() => f.close());

type Operation = { operationId?: string };

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules without an error", async () => {
    const errors = (await lintOpenApi(document)).filter((p) => p.severity === "error");
    expect(errors).toEqual([]);
  });

  it("names every operation with an operationId of its own", () => {
    const ids = Object.values(document["paths"] as Record<string, Record<string, Operation>>)
      .flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reports the faults an integrator's tooling trips on (the lint can fail)", async () => {
    const broken = structuredClone(document);
    delete (broken as { servers?: unknown }).servers;
    delete (broken as { security?: unknown }).security;
    const paths = broken["paths"] as Record<string, Record<string, Operation & { security?: unknown }>>;
    delete paths["/api/cases"]!["get"]!.operationId;
    delete paths["/api/cases"]!["get"]!.security;
    (broken["components"] as { schemas: Record<string, unknown> }).schemas["Loose"] = { type: "object", additionalProperties: { nullable: true } };
    const rules = (await lintOpenApi(broken)).filter((p) => p.severity === "error").map((p) => p.rule).sort();
    expect(rules).toEqual(["no-empty-servers", "nullable-type-sibling", "operation-operationId", "security-defined"]);
  });
});
