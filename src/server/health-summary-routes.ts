import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { HEALTH_PURPOSES } from "../domain/index.ts";
import { consentToResource, FhirRejected, readHealthConsent, readHealthSummary, summaryToBundle } from "../interop/fhir/index.ts";
import { CaseIdParamSchema } from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import { ProblemError } from "./problem.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { json, problem } from "./http-helpers.ts";

// A child's health summary as an HL7 FHIR R4 International Patient Summary document, and the
// consent releasing it as a FHIR Consent. The consent is evaluated on every read.

const FHIR_JSON = "application/fhir+json";
const FhirBody = z.looseObject({ resourceType: z.string() }).openapi({ additionalProperties: true, description: "A FHIR R4 resource (JSON)" });
const Purpose = z.enum(HEALTH_PURPOSES).openapi({ description: "Purpose of use (HL7 v3 ActReason): the consent must name it" });
const Stored = z.object({ version: z.number().int(), changed: z.boolean() }).openapi("HealthRecordStored");
const fhirContent = (description: string) => ({ description, content: { [FHIR_JSON]: { schema: FhirBody } } });
const rejected = problem("The resource is not valid FHIR R4 or breaks the document's rules; `errors` lists every issue");

const routes = {
  getSummary: createRoute({
    method: "get", path: "/api/cases/{id}/health-summary", operationId: "getHealthSummary", tags: ["channel"], security: BEARER,
    summary: "The child's health summary as an IPS document Bundle, released under the recorded consent",
    description: "To the party holding the record; to another party only while the latest consent names that party and the purpose and is in force. " +
      "Every release to another party is a signed log entry; every read an access-log row.",
    request: { params: CaseIdParamSchema, query: z.object({ purpose: Purpose }) },
    responses: {
      200: fhirContent("An IPS document Bundle"), 400: problem("Invalid purpose"), 401: problem("Not logged in"),
      403: problem("The consent does not release the summary to the caller for this purpose (the reason is given)"), 404: problem("No such case, or no summary"),
    },
  }),
  putSummary: createRoute({
    method: "put", path: "/api/cases/{id}/health-summary", operationId: "putHealthSummary", tags: ["channel"], security: BEARER,
    summary: "Record the child's health summary (the party holding the record)",
    description: "The body is an IPS document Bundle: the Composition first (LOINC 60591-5), the problems, allergies and medications sections stated, " +
      "every resource referred to by a section. It is validated against the FHIR R4 definitions offline; what Homeward would not keep is rejected, not dropped.",
    request: { params: CaseIdParamSchema, body: { required: true, content: { [FHIR_JSON]: { schema: FhirBody } } } },
    responses: { 200: json("Recorded (changed: false when it was already)", Stored), 401: problem("Not logged in"), 403: problem("Not the party holding the record"), 404: problem("No such case"), 422: rejected },
  }),
  getConsent: createRoute({
    method: "get", path: "/api/cases/{id}/health-consent", operationId: "getHealthConsent", tags: ["channel"], security: BEARER,
    summary: "The latest consent to release the child's health summary, as a FHIR Consent (the party holding the record)",
    request: { params: CaseIdParamSchema },
    responses: { 200: fhirContent("A FHIR Consent"), 401: problem("Not logged in"), 404: problem("No such case, or no consent") },
  }),
  putConsent: createRoute({
    method: "put", path: "/api/cases/{id}/health-consent", operationId: "putHealthConsent", tags: ["channel"], security: BEARER,
    summary: "Record the consent to release the child's health summary (the party holding the record)",
    description: "A FHIR Consent: scope patient-privacy, category LOINC 59284-0, one permit provision naming the recipient parties (IRCP, identifier system urn:homeward:party), " +
      "the purposes (v3 ActReason) and the period. A consent with parts Homeward would not enforce is rejected.",
    request: { params: CaseIdParamSchema, body: { required: true, content: { [FHIR_JSON]: { schema: FhirBody } } } },
    responses: { 200: json("Recorded", Stored), 401: problem("Not logged in"), 403: problem("Not the party holding the record"), 404: problem("No such case"), 422: rejected },
  }),
  withdrawConsent: createRoute({
    method: "post", path: "/api/cases/{id}/health-consent/withdraw", operationId: "withdrawHealthConsent", tags: ["channel"], security: BEARER,
    summary: "Withdraw the consent: nothing is released under it afterwards",
    request: { params: CaseIdParamSchema },
    responses: { 200: json("Withdrawn", Stored), 401: problem("Not logged in"), 403: problem("Not the party holding the record"), 404: problem("No such case, or no consent") },
  }),
};

async function readFhirBody<T>(c: Context<AppEnv>, read: (bytes: Uint8Array) => T): Promise<T> {
  try {
    return read(new Uint8Array(await c.req.arrayBuffer()));
  } catch (e) {
    if (!(e instanceof FhirRejected)) throw e;
    throw new ProblemError(422, e.message, {
      type: "urn:homeward:problem:fhir-rejected",
      errors: e.issues.slice(0, 200).map((i) => ({ pointer: "", field: i.path, detail: i.message })),
    });
  }
}

// The resource is JSON of its own media type (set before c.json would set application/json).
function fhirJson<C extends Context<AppEnv>>(c: C, body: { resourceType: string }) {
  return c.json(body as { resourceType: string }, 200, { "content-type": `${FHIR_JSON}; charset=utf-8` });
}

export function registerHealthSummaryRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;
  app.openapi(routes.getSummary, async (c) => {
    const { id } = c.req.valid("param");
    const release = await store.healthSummaries.release(c.get("ctx"), id, c.req.valid("query").purpose);
    return fhirJson(c, summaryToBundle(release.summary, { caseId: id, timestamp: deps.now() }));
  });
  app.openapi(routes.putSummary, async (c) => {
    const { id } = c.req.valid("param");
    const summary = await readFhirBody(c, (bytes) => readHealthSummary(bytes, id));
    return c.json(await store.healthSummaries.put(c.get("ctx"), id, summary), 200);
  });
  app.openapi(routes.getConsent, async (c) => {
    const { id } = c.req.valid("param");
    const recorded = await store.healthSummaries.getConsent(c.get("ctx"), id);
    if (recorded === null) throw new ProblemError(404, "no consent is recorded for this case");
    return fhirJson(c, consentToResource(recorded.consent, id, `${id}-v${recorded.version}`));
  });
  app.openapi(routes.putConsent, async (c) => {
    const { id } = c.req.valid("param");
    const consent = await readFhirBody(c, (bytes) => readHealthConsent(bytes, id));
    return c.json(await store.healthSummaries.putConsent(c.get("ctx"), id, consent), 200);
  });
  app.openapi(routes.withdrawConsent, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await store.healthSummaries.withdrawConsent(c.get("ctx"), id), 200);
  });
}
