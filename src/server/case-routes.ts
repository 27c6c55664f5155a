import { randomUUID } from "node:crypto";
import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { CaseInputSchema } from "../domain/index.ts";
import { NotFoundError } from "../domain/index.ts";
import { ProblemError } from "./problem.ts";
import {
  ActionRequestSchema, ActionResultSchema, CaseIdParamSchema, CaseListSchema,
  CaseViewSchema, CreatedSchema, HistorySchema, ListCasesQuerySchema, NewCaseSchema,
} from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { z } from "@hono/zod-openapi";
import { problem, json, PaginationQuerySchema } from "./http-helpers.ts";


export const IdempotencyHeaders = z.object({
  "idempotency-key": z.string().trim().min(1).max(200).optional().openapi({
    param: { name: "idempotency-key", in: "header" },
    description: "Client-chosen id that makes the request safe to repeat (same as the body's clientId).",
  }),
});

const listRoute = createRoute({
  method: "get",
  path: "/api/cases",
  operationId: "listCases",
  tags: ["cases"],
  summary: "List and search the cases the caller's party may see",
  security: BEARER,
  request: { query: ListCasesQuerySchema.extend(PaginationQuerySchema.shape) },
  responses: { 200: json("A page of cases", CaseListSchema), 400: problem("Invalid query"), 401: problem("Not logged in") },
});

const createCaseRoute = createRoute({
  method: "post",
  path: "/api/cases",
  operationId: "createCase",
  tags: ["cases"],
  summary: "Register a case for the caller's party",
  description:
    "Idempotent through a client-supplied id: send it as the `Idempotency-Key` header or the body's `clientId` (if both, they must agree). " +
    "Repeating the request with the same id answers 201 with the same case id, changes nothing, and sets `Idempotent-Replayed: true`. " +
    "Without an id every request creates a new case.",
  security: BEARER,
  request: { headers: IdempotencyHeaders, body: { required: true, content: { "application/json": { schema: NewCaseSchema } } } },
  responses: {
    201: json("Created (or replayed)", CreatedSchema),
    400: problem("Invalid body; `errors` names each field"),
    401: problem("Not logged in"),
    403: problem("The caller's role may not register cases"),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/cases/{id}",
  operationId: "getCase",
  tags: ["cases"],
  summary: "One case, as much of it as the caller's party may see",
  description: "404 when the case does not exist or the caller's party may not see it: existence is itself sensitive.",
  security: BEARER,
  request: { params: CaseIdParamSchema },
  responses: { 200: json("The case", CaseViewSchema), 401: problem("Not logged in"), 404: problem("No such case") },
});

const actionRoute = createRoute({
  method: "post",
  path: "/api/cases/{id}/actions",
  operationId: "recordCaseAction",
  tags: ["cases"],
  summary: "Take a lifecycle step or record something on a case",
  description:
    "The client id (body `clientId` or `Idempotency-Key` header) is required: repeating it changes nothing. " +
    "With `expectedVersion`, a case that has moved on answers 409 instead of applying the step to a state the client never saw.",
  security: BEARER,
  request: {
    params: CaseIdParamSchema,
    headers: IdempotencyHeaders,
    body: { required: true, content: { "application/json": { schema: ActionRequestSchema } } },
  },
  responses: {
    200: json("The step was taken (or had been: replayed)", ActionResultSchema),
    400: problem("Invalid body"),
    401: problem("Not logged in"),
    403: problem("The caller may see the case but not take this step"),
    404: problem("No such case"),
    409: problem("The case changed since expectedVersion, or the step is not possible from its status"),
    422: problem("The step breaks a rule of the case"),
  },
});

const historyRoute = createRoute({
  method: "get",
  path: "/api/cases/{id}/history",
  operationId: "getCaseHistory",
  tags: ["cases"],
  summary: "The case's actions: who, which party, when, what (as much as the caller may see)",
  security: BEARER,
  request: { params: CaseIdParamSchema },
  responses: { 200: json("The history", HistorySchema), 401: problem("Not logged in"), 404: problem("No such case") },
});

export function clientIdFrom(header: string | undefined, body: string | undefined): string | undefined {
  if (header !== undefined && body !== undefined && header !== body) {
    throw new ProblemError(400, "the Idempotency-Key header and the body's clientId differ", {
      type: "urn:homeward:problem:validation",
      title: "Invalid request",
      errors: [{ pointer: "/clientId", field: "clientId", detail: "must equal the Idempotency-Key header when both are sent" }],
    });
  }
  return header ?? body;
}

export function registerCaseRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;

  app.openapi(listRoute, async (c) => {
    const { q, status, track, turning18Within, limit, offset } = c.req.valid("query");
    const result = await store.cases.list(c.get("ctx"), {
      ...(q === undefined || q === "" ? {} : { q }),
      ...(status === undefined ? {} : { status }),
      ...(track === undefined ? {} : { track }),
      ...(turning18Within === undefined ? {} : { turning18Within }),
      limit,
      offset,
    });
    return c.json(result, 200);
  });

  app.openapi(createCaseRoute, async (c) => {
    const { clientId: bodyClientId, ...rest } = c.req.valid("json");
    const headerKey = c.req.valid("header")["idempotency-key"];
    const clientId = clientIdFrom(headerKey, bodyClientId) ?? randomUUID();
    const input = CaseInputSchema.parse(rest);
    const result = await store.cases.create(c.get("ctx"), input, { clientId });
    if (result.replayed) c.header("idempotent-replayed", "true");
    c.header("location", `/api/cases/${encodeURIComponent(result.id)}`);
    return c.json({ id: result.id }, 201);
  });

  app.openapi(getRoute, async (c) => {
    const found = await store.cases.get(c.get("ctx"), c.req.valid("param").id);
    if (found === null) throw new NotFoundError();
    return c.json(found, 200);
  });

  app.openapi(actionRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const clientId = clientIdFrom(c.req.valid("header")["idempotency-key"], body.clientId);
    if (clientId === undefined) {
      throw new ProblemError(400, "an action needs a client id: the body's clientId or the Idempotency-Key header", {
        type: "urn:homeward:problem:validation",
        title: "Invalid request",
        errors: [{ pointer: "/clientId", field: "clientId", detail: "required" }],
      });
    }
    const result = await store.cases.appendAction(c.get("ctx"), id, body.action, {
      clientId,
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
    });
    return c.json({ sequence: result.sequence, replayed: result.replayed, case: result.case }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const items = await store.cases.history(c.get("ctx"), c.req.valid("param").id);
    return c.json({ items }, 200);
  });
}
