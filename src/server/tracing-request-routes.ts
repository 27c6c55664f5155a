import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { TracingRequestInputSchema } from "../domain/index.ts";
import type { TracingRequestInput } from "../domain/index.ts";
import { CaseSummarySchema } from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import { IdempotencyHeaders } from "./case-routes.ts";
import { itemClientIds, oneOrMany, oneOrManyHook, singleClientId } from "./one-or-many.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem, json, PaginationQuerySchema } from "./http-helpers.ts";


const BodySchema = oneOrMany(TracingRequestInputSchema, "NewTracingRequest");

const ListSchema = z
  .object({
    items: z.array(
      z.object({
        case: CaseSummarySchema,
        to: z.string(),
        mediator: z.string().optional(),
        requestedAt: z.string(),
        candidates: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            probability: z.number(),
            holdingCase: z.string().optional(),
            tracingCase: z.string().optional(),
          }),
        ),
      }),
    ),
    total: z.number().int(),
  })
  .openapi("TracingRequestList");

const ListQuerySchema = PaginationQuerySchema;

const postRoute = createRoute({
  method: "post",
  path: "/api/tracing-requests",
  operationId: "createTracingRequests",
  tags: ["channel"],
  summary: "Ask the party believed to hold a child to trace it: one request or a list (the tracing side of the case)",
  description:
    "Each request becomes a case of the caller's party, worked from the tracing side, addressed to `to` and shared with it and `mediator` " +
    "to work it, in one transaction. Only what identification needs crosses: the family's contact details and the notes stay with the " +
    "caller's party. Idempotent through client ids; a list is all or nothing.",
  security: BEARER,
  request: { headers: IdempotencyHeaders, body: { required: true, content: { "application/json": { schema: BodySchema } } } },
  responses: {
    201: json("Created (or replayed)", z.union([z.object({ id: z.string() }), z.object({ ids: z.array(z.string()) })])),
    400: problem("Invalid body; `errors` names each item and field"),
    401: problem("Not logged in"),
    403: problem("The caller's role or party may not request tracing"),
    422: problem("A rule of the case is broken (e.g. an unknown party)"),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/tracing-requests",
  operationId: "listTracingRequests",
  tags: ["channel"],
  summary: "The tracing requests the caller's party made or that are addressed to it, each with its match candidates",
  security: BEARER,
  request: { query: ListQuerySchema },
  responses: { 200: json("A page of requests, newest first", ListSchema), 401: problem("Not logged in") },
});

export function registerTracingRequestRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;
  app.openapi(
    postRoute,
    async (c) => {
      const body = c.req.valid("json");
      const header = c.req.valid("header")["idempotency-key"];
      const ctx = c.get("ctx");
      if (Array.isArray(body)) {
        const ids = itemClientIds(header, body);
        const items = body.map(({ clientId: _c, ...input }, i) => ({ clientId: ids[i]!, input: input as TracingRequestInput }));
        return c.json({ ids: (await store.tracingRequests.createMany(ctx, items)).ids }, 201);
      }
      const { clientId: bodyId, ...input } = body;
      const result = await store.tracingRequests.create(ctx, input as TracingRequestInput, { clientId: singleClientId(header, bodyId) });
      if (result.replayed) c.header("idempotent-replayed", "true");
      c.header("location", `/api/cases/${encodeURIComponent(result.id)}`);
      return c.json({ id: result.id }, 201);
    },
    oneOrManyHook(TracingRequestInputSchema),
  );

  app.openapi(listRoute, async (c) => {
    const { limit, offset } = c.req.valid("query");
    const result = await store.tracingRequests.list(c.get("ctx"), { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) });
    return c.json(result as unknown as z.infer<typeof ListSchema>, 200);
  });
}
