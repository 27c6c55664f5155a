// A case's place in the signed log. Entries about a case name it only by a salted commitment
// (src/ledger/case-commitment.ts): whoever may see the case gets the opening here, finds the
// case's entries in any copy of the log with it, and checks each against its payload.
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { NotFoundError } from "../domain/index.ts";
import { BEARER } from "./auth-routes.ts";
import { CaseIdParamSchema, JsonObjectSchema, ProblemSchema } from "./schemas.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const CaseLogSchema = z.object({
  opening: z.object({ case: z.string(), salt: hex32.openapi({ description: "The case's secret salt: keep it as private as the case" }) }),
  subject: z.string().openapi({ description: "The subject every entry about the case carries" }),
  steps: z.array(z.object({
    index: z.number().int(),
    sequence: z.number().int(),
    type: z.string(),
    payload: JsonObjectSchema.optional().openapi({ description: "The hashed payload (full and auditor views only): checks the entry's payloadHash" }),
  })),
}).openapi("CaseLog");

const caseLogRoute = createRoute({
  method: "get", path: "/api/cases/{id}/log", operationId: "getCaseLog", tags: ["log"], security: BEARER,
  summary: "The opening of the case's commitments in the log and its steps there",
  description: "For those who may see the case (its party, the parties it is shared with, auditors). The payloads, which hold the case's data, only for the case's own party and auditors.",
  request: { params: CaseIdParamSchema },
  responses: {
    200: { description: "Opening and steps", content: { "application/json": { schema: CaseLogSchema } } },
    401: { description: "Not logged in", content: { "application/problem+json": { schema: ProblemSchema } } },
    404: { description: "No such case", content: { "application/problem+json": { schema: ProblemSchema } } },
  },
});

export function registerCaseLogRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  app.openapi(caseLogRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = c.req.valid("param").id;
    const seen = await store.cases.get({ ...ctx, purpose: ctx.purpose ?? "log-opening" }, id);
    if (seen === null) throw new NotFoundError("case not found");
    const withPayload = seen.view === "full" || seen.view === "auditor";
    const { opening, subject, steps } = await store.ledger.caseSteps(id);
    return c.json({
      opening,
      subject,
      steps: steps.map((s) => ({
        index: s.index,
        sequence: s.payload.sequence,
        type: s.payload.action.type,
        ...(withPayload ? { payload: s.payload as unknown as Record<string, unknown> } : {}),
      })),
    }, 200);
  });
}
