import { randomUUID } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { NotFoundError } from "../domain/index.ts";
import { BATCH_STATUSES, BatchStepError } from "../store/index.ts";
import { ProblemError } from "./problem.ts";
import { ProblemSchema } from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem, json, IdParamSchema as IdParam } from "./http-helpers.ts";


const StatusSchema = z.enum(BATCH_STATUSES);
const BatchSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    from: z.string().openapi({ description: "The party handing the children over" }),
    to: z.string().openapi({ description: "The party receiving them (returns go both ways)" }),
    mediator: z.string(),
    plannedDate: z.string(),
    handoverPoint: z.string(),
    status: StatusSchema,
    reason: z.string().nullable().openapi({ description: "Why the batch was postponed or cancelled" }),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.string().nullable(),
    children: z.array(
      z.object({
        caseId: z.string(),
        addedAt: z.string(),
        handovers: z.array(z.object({ partyId: z.string(), at: z.string() })),
        reunitedAt: z.string().nullable(),
        postReturnCheckDue: z.string().nullable(),
        releasedAt: z.string().nullable().openapi({ description: "When the batch, cancelled or postponed, let go of the child (back to confirmed-by-mediator, free to join another batch)" }),
      }),
    ),
    transitions: z.array(z.object({ from: StatusSchema, to: StatusSchema, reason: z.string().nullable(), at: z.string() })),
  })
  .openapi("Batch");

const NewBatchSchema = z
  .object({
    name: z.string().openapi({ example: "Return group 3" }),
    from: z.string().openapi({ example: "holding" }),
    to: z.string().openapi({ example: "tracing" }),
    plannedDate: z.string().openapi({ example: "2026-12-20" }),
    handoverPoint: z.string(),
    clientId: z.string().trim().min(1).max(200).optional(),
  })
  .openapi("NewBatch");

const TransitionSchema = z
  .object({
    to: StatusSchema,
    reason: z.string().optional().openapi({ description: "Required to postpone or cancel" }),
    plannedDate: z.string().optional().openapi({ description: "The new date, when a postponed batch is planned again" }),
    clientId: z.string().trim().min(1).max(200).optional(),
  })
  .openapi("BatchTransition");

const StepProblemSchema = ProblemSchema.extend({
  missingStep: z.string().optional().openapi({ description: "The step still missing, e.g. holding-verifier-signature, return-consent, child-refused" }),
  caseId: z.string().optional(),
}).openapi("BatchStepProblem");

const CaseBody = z.object({ caseId: z.string().min(1).max(100) }).openapi("BatchChildRef");
const HandoverBody = z
  .object({ caseId: z.string().min(1).max(100), on: z.string().optional().openapi({ description: "The day of the handover (YYYY-MM-DD) when confirmed afterwards; default today" }) })
  .openapi("BatchHandover");
const Idem = z.object({ "idempotency-key": z.string().trim().min(1).max(200).optional().openapi({ param: { name: "idempotency-key", in: "header" } }) });
const stepConflict = { description: "A step is missing (named in missingStep)", content: { "application/problem+json": { schema: StepProblemSchema } } };
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const common = { 401: problem("Not logged in"), 404: problem("No such batch (or not one the caller's party is part of)") };

const routes = {
  create: createRoute({
    method: "post", path: "/api/batches", operationId: "createBatch", tags: ["batches"], security: BEARER,
    summary: "Plan a return batch (mediator only)",
    description: "Idempotent through the Idempotency-Key header or the body's clientId.",
    request: { headers: Idem, body: body(NewBatchSchema) },
    responses: { 201: json("Planned", z.object({ id: z.string() })), 400: problem("Invalid body"), 401: common[401], 403: problem("Only the mediator plans"), 422: problem("A party is not a tracing or holding authority") },
  }),
  list: createRoute({
    method: "get", path: "/api/batches", operationId: "listBatches", tags: ["batches"], security: BEARER,
    summary: "The batches the caller's party is part of",
    request: { query: z.object({ status: StatusSchema.optional() }) },
    responses: { 200: json("Batches", z.object({ items: z.array(BatchSchema) }).openapi("BatchList")), 401: common[401] },
  }),
  get: createRoute({
    method: "get", path: "/api/batches/{id}", operationId: "getBatch", tags: ["batches"], security: BEARER, summary: "One batch",
    request: { params: IdParam },
    responses: { 200: json("The batch", BatchSchema), ...common },
  }),
  addChild: createRoute({
    method: "post", path: "/api/batches/{id}/children", operationId: "addBatchChild", tags: ["batches"], security: BEARER,
    summary: "Add a child's case to the batch (mediator only)",
    description: "Only when the case's identity report is signed by both verifiers and confirmed by the mediator, the return consent of the one entitled to give it is recorded, and no refusal is recorded; otherwise 409 naming the missing step.",
    request: { params: IdParam, body: body(CaseBody) },
    responses: { 200: json("The batch", BatchSchema), 400: problem("Invalid body"), 403: problem("Only the mediator adds children"), 409: stepConflict, ...common },
  }),
  transition: createRoute({
    method: "post", path: "/api/batches/{id}/transitions", operationId: "moveBatch", tags: ["batches"], security: BEARER,
    summary: "Move the batch: planned → confirmed → in-transit → completed, or postponed / cancelled with a reason (mediator only)",
    request: { params: IdParam, headers: Idem, body: body(TransitionSchema) },
    responses: { 200: json("The batch", BatchSchema), 400: problem("Invalid body"), 403: problem("Only the mediator moves a batch"), 409: stepConflict, 422: problem("A reason or date is missing"), ...common },
  }),
  handover: createRoute({
    method: "post", path: "/api/batches/{id}/handovers", operationId: "confirmHandover", tags: ["batches"], security: BEARER,
    summary: "Confirm a child's handover for the caller's party (a signed step on the case); when both parties have, the case is reunited",
    request: { params: IdParam, body: body(HandoverBody) },
    responses: { 200: json("The batch", BatchSchema), 400: problem("Invalid body"), 403: problem("Only the sending and receiving parties confirm"), 409: stepConflict, 422: problem("The day is not a past date"), ...common },
  }),
  checks: createRoute({
    method: "get", path: "/api/post-return-checks", operationId: "listPostReturnChecks", tags: ["batches"], security: BEARER,
    summary: "Post-return checks of the batches the caller's party is part of",
    request: { query: z.object({ overdue: z.enum(["true", "false"]).optional() }) },
    responses: {
      200: json("Checks", z.object({ items: z.array(z.object({ batchId: z.string(), caseId: z.string(), reunitedAt: z.string(), dueDate: z.string(), done: z.boolean(), overdue: z.boolean() })) }).openapi("PostReturnCheckList")),
      401: common[401],
    },
  }),
};

function clientIdOf(header: string | undefined, fromBody: string | undefined): string | undefined {
  if (header !== undefined && fromBody !== undefined && header !== fromBody) throw new ProblemError(400, "the Idempotency-Key header and the body's clientId differ");
  return header ?? fromBody;
}

// A missing step answers 409 naming it; everything else goes to the app's error mapping.
async function steps<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BatchStepError) {
      throw new ProblemError(409, e.message, {
        type: "urn:homeward:problem:missing-step",
        title: "A step is missing",
        missingStep: e.missingStep,
        ...(e.caseId === undefined ? {} : { caseId: e.caseId }),
      });
    }
    throw e;
  }
}

export function registerBatchRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const batches = () => deps.store.batches;

  app.openapi(routes.create, async (c) => {
    const { clientId: fromBody, ...input } = c.req.valid("json");
    const clientId = clientIdOf(c.req.valid("header")["idempotency-key"], fromBody) ?? randomUUID();
    const r = await batches().create(c.get("ctx"), input, { clientId });
    if (r.replayed) c.header("idempotent-replayed", "true");
    c.header("location", `/api/batches/${r.batch.id}`);
    return c.json({ id: r.batch.id }, 201);
  });

  app.openapi(routes.list, async (c) => {
    const { status } = c.req.valid("query");
    return c.json({ items: await batches().list(c.get("ctx"), status === undefined ? {} : { status }) }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const b = await batches().get(c.get("ctx"), c.req.valid("param").id);
    if (!b) throw new ProblemError(404, "no such batch");
    return c.json(b, 200);
  });

  app.openapi(routes.addChild, async (c) => {
    const b = await steps(() => batches().addChild(c.get("ctx"), c.req.valid("param").id, c.req.valid("json").caseId)).catch(notFound);
    return c.json(b, 200);
  });

  app.openapi(routes.transition, async (c) => {
    const { clientId: fromBody, ...input } = c.req.valid("json");
    const clientId = clientIdOf(c.req.valid("header")["idempotency-key"], fromBody) ?? randomUUID();
    const b = await steps(() => batches().transition(c.get("ctx"), c.req.valid("param").id, input, { clientId })).catch(notFound);
    return c.json(b, 200);
  });

  app.openapi(routes.handover, async (c) => {
    const { caseId, on } = c.req.valid("json");
    const b = await steps(() => batches().confirmHandover(c.get("ctx"), c.req.valid("param").id, caseId, on === undefined ? {} : { on })).catch(notFound);
    return c.json(b, 200);
  });

  app.openapi(routes.checks, async (c) => {
    const { overdue } = c.req.valid("query");
    const items = await batches().postReturnChecks(c.get("ctx"), overdue === undefined ? {} : { overdue: overdue === "true" });
    return c.json({ items }, 200);
  });
}

// The store's NotFoundError says what was not found (a batch, a case, a child in the batch).
function notFound(e: unknown): never {
  if (e instanceof NotFoundError) throw new ProblemError(404, e.message);
  throw e;
}
