import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { CitizenshipChangeSchema, DisclosureInputSchema, NameChangeSchema, PlacementSchema, ServiceSchema } from "../domain/index.ts";
import type { DisclosureInput } from "../domain/index.ts";
import { CaseIdParamSchema } from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import { IdempotencyHeaders } from "./case-routes.ts";
import { itemClientIds, oneOrMany, oneOrManyHook, singleClientId } from "./one-or-many.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem, json } from "./http-helpers.ts";


const DisclosureBodySchema = oneOrMany(DisclosureInputSchema, "NewDisclosure");

const CreatedOneOrManySchema = z
  .union([z.object({ id: z.string() }), z.object({ ids: z.array(z.string()) })])
  .openapi("CreatedOneOrMany", { description: "`{id}` for one record, `{ids}` (in the list's order) for a list" });

const DisclosureViewSchema = z
  .object({
    caseId: z.string(),
    party: z.string(),
    view: z.enum(["full", "shared", "mediator", "auditor"]),
    version: z.number().int(),
    disclosedAt: z.string(),
    photos: z.array(z.string()),
    biography: z.string().optional(),
    nameChanges: z.array(NameChangeSchema).optional(),
    citizenshipChanges: z.array(CitizenshipChangeSchema).optional(),
    services: z.array(ServiceSchema).optional(),
    placement: PlacementSchema.optional(),
  })
  .openapi("Disclosure");

const createRoute_ = createRoute({
  method: "post",
  path: "/api/disclosures",
  operationId: "createDisclosures",
  tags: ["channel"],
  summary: "Disclose one child held, or a list of them (the holding side of the case)",
  description:
    "Each child becomes a case of the caller's party, worked from the holding side, with its disclosure (biography, name and citizenship " +
    "changes, services received, placement) and shared with `to` (the tracing party) and `mediator`, all in one transaction. It enters " +
    "matching at once and is a signed log entry. Idempotent through client ids like case creation; a list is all or nothing.",
  security: BEARER,
  request: { headers: IdempotencyHeaders, body: { required: true, content: { "application/json": { schema: DisclosureBodySchema } } } },
  responses: {
    201: json("Created (or replayed)", CreatedOneOrManySchema),
    400: problem("Invalid body; `errors` names each item and field"),
    401: problem("Not logged in"),
    403: problem("The caller's role or party may not disclose"),
    422: problem("A rule of the case is broken (e.g. an unknown party)"),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/cases/{id}/disclosure",
  operationId: "getDisclosure",
  tags: ["channel"],
  summary: "A case's latest disclosure, as much of it as the caller may see",
  description: "The placement's address stays with the holding party; an auditor sees the periods and changes without the biography or summaries.",
  security: BEARER,
  request: { params: CaseIdParamSchema },
  responses: { 200: json("The disclosure", DisclosureViewSchema), 401: problem("Not logged in"), 404: problem("No such case, or nothing disclosed") },
});

export function registerDisclosureRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute_,
    async (c) => {
      const body = c.req.valid("json");
      const header = c.req.valid("header")["idempotency-key"];
      const ctx = c.get("ctx");
      if (Array.isArray(body)) {
        const ids = itemClientIds(header, body);
        const items = body.map(({ clientId: _c, ...input }, i) => ({ clientId: ids[i]!, input: input as DisclosureInput }));
        const result = await store.disclosures.createMany(ctx, items);
        return c.json({ ids: result.ids }, 201);
      }
      const { clientId: bodyId, ...input } = body;
      const result = await store.disclosures.create(ctx, input as DisclosureInput, { clientId: singleClientId(header, bodyId) });
      if (result.replayed) c.header("idempotent-replayed", "true");
      c.header("location", `/api/cases/${encodeURIComponent(result.id)}/disclosure`);
      return c.json({ id: result.id }, 201);
    },
    oneOrManyHook(DisclosureInputSchema),
  );

  app.openapi(getRoute, async (c) => c.json(await store.disclosures.get(c.get("ctx"), c.req.valid("param").id), 200));
}
