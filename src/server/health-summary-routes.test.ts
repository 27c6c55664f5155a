import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { consentToResource, summaryToBundle } from "../interop/fhir/index.ts";
import { sampleConsent, sampleHealthSummary } from "../interop/fhir/fhir-samples.ts";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("health summaries over HTTP", () => {
  let api: ApiFixture;
  const tok: Record<string, string> = {};
  let caseId = "";
  beforeAll(async () => {
    api = await apiFixture();
    for (const who of ["tracing", "holding", "mediator", "ngo", "auditor"]) tok[who] = await api.login(who);
    const res = await api.call(tok.holding!, "POST", "/api/disclosures", { ...SMALLEST_CASE, biography: "Evacuated in 2022.", to: "tracing-authority", mediator: "mediator" });
    caseId = ((await res.json()) as Json).id as string;
  });
  afterAll(async () => {
    await api?.close();
  });

  const put = (who: string, path: string, body: unknown) =>
    api.app.request(path, { method: "PUT", body: (typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit, headers: { authorization: `Bearer ${tok[who]}`, "content-type": "application/fhir+json" } });
  const get = (who: string, path: string) => api.app.request(path, { headers: { authorization: `Bearer ${tok[who]}` } });
  const summaryPath = () => `/api/cases/${caseId}/health-summary`;
  const consentPath = () => `/api/cases/${caseId}/health-consent`;

  it("takes an IPS Bundle from the holder and gives it back as application/fhir+json, the shared fields unchanged", async () => {
    const summary = sampleHealthSummary();
    const res = await put("holding", summaryPath(), summaryToBundle(summary, { caseId, timestamp: new Date() }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ version: 1, changed: true });
    const back = await get("holding", `${summaryPath()}?purpose=TREAT`);
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toContain("application/fhir+json");
    expect(await back.json()).toEqual(JSON.parse(JSON.stringify(summaryToBundle(summary, { caseId, timestamp: api.clock.now }))));
  });

  it("rejects a Bundle that fails validation with 422 listing the validator's messages, and nonsense bytes likewise, never 5xx", async () => {
    const bundle = summaryToBundle(sampleHealthSummary(), { caseId, timestamp: new Date() }) as Json;
    bundle.entry[1].resource.gender = "boy";
    const res = await put("holding", summaryPath(), bundle);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as Json;
    expect(problem.errors).toContainEqual({ pointer: "", field: "Bundle.entry[1].resource: Patient.gender", detail: 'Code "boy" not found in value set' });
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.json().map((s) => new TextEncoder().encode(s))), async (bytes) => {
      const r = await put("holding", summaryPath(), bytes);
      // 400 when the body is not a JSON object at all (the API's own body check), 422 otherwise.
      expect([400, 422]).toContain(r.status);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      const p = (await r.json()) as Json;
      expect(p.errors?.length ?? (p.detail ? 1 : 0)).toBeGreaterThan(0);
    }), { numRuns: 60, seed: 1312 });
  });

  it("releases the summary to the parties and purposes the consent names only, and nothing after it is withdrawn", async () => {
    expect((await get("tracing", `${summaryPath()}?purpose=TREAT`)).status).toBe(403);
    const consent = consentToResource(sampleConsent({ recipients: ["tracing-authority"], purposes: ["TREAT"], period: { start: "2026-05-01", end: "2026-12-31" } }), caseId);
    expect((await put("tracing", consentPath(), consent)).status).toBe(403);
    expect((await put("holding", consentPath(), consent)).status).toBe(200);
    const released = await get("tracing", `${summaryPath()}?purpose=TREAT`);
    expect(released.status).toBe(200);
    expect(((await released.json()) as Json).type).toBe("document");
    const wrongPurpose = await get("tracing", `${summaryPath()}?purpose=PUBHLTH`);
    expect(wrongPurpose.status).toBe(403);
    expect(((await wrongPurpose.json()) as Json).detail).toContain("PUBHLTH");
    expect((await get("mediator", `${summaryPath()}?purpose=TREAT`)).status).toBe(403);
    expect((await get("ngo", `${summaryPath()}?purpose=TREAT`)).status).toBe(404);
    expect((await get("tracing", `${summaryPath()}`)).status).toBe(400);
    expect((await get("tracing", consentPath())).status).toBe(404);
    const recorded = await get("holding", consentPath());
    expect(((await recorded.json()) as Json).provision.actor[0].reference.identifier.value).toBe("tracing-authority");
    const withdrawn = await api.app.request(`${consentPath()}/withdraw`, { method: "POST", headers: { authorization: `Bearer ${tok.holding}` } });
    expect(await withdrawn.json()).toEqual({ version: 2, changed: true });
    expect((await get("tracing", `${summaryPath()}?purpose=TREAT`)).status).toBe(403);
  });

  it("rejects a consent Homeward could not enforce with every reason", async () => {
    const consent = consentToResource(sampleConsent(), caseId) as Json;
    consent.provision.data = [{ meaning: "instance", reference: { reference: "Observation/x" } }];
    const res = await put("holding", consentPath(), consent);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Json).errors.map((e: Json) => e.field)).toContain("Consent.provision.data");
  });
});
