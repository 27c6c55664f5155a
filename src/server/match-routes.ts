import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { NotFoundError } from "../domain/index.ts";
import { modelSummary, QUEUE_FILTERS } from "../store/matching/index.ts";
import { ProblemError } from "./problem.ts";
import { BEARER } from "./auth-routes.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem, json, IdParamSchema, PaginationQuerySchema } from "./http-helpers.ts";


const VerificationFieldsSchema = z
  .object({
    caseId: z.string(),
    names: z.array(z.object({ given: z.string().optional(), family: z.string().optional(), patronymic: z.string().optional(), script: z.string(), kind: z.string() })),
    sex: z.string(),
    birthDate: z.string().optional(),
    birthDateEstimated: z.boolean().optional(),
    birthPlace: z.string().optional(),
    separation: z.object({ category: z.string(), date: z.string().optional(), place: z.string().optional() }).optional(),
    parents: z.array(z.object({ relation: z.enum(["mother", "father"]), given: z.string().optional(), family: z.string().optional(), patronymic: z.string().optional() })),
  })
  .openapi("MatchVerificationFields", {
    description: "What verification needs of a record: never contact details, notes, health, consent or the child's views.",
  });

const SideDecisionSchema = z
  .object({ decision: z.enum(["accept", "reject"]), at: z.string(), reason: z.string().optional().openapi({ description: "Only shown to the party that decided." }) })
  .nullable();

const MatchCandidateSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "agreed", "rejected"]).openapi({ description: "agreed only when both parties accepted; rejected when either rejected" }),
    probability: z.number(),
    weight: z.number(),
    flag: z.enum(["family_conflict", "multiple"]).nullable().openapi({
      description: "Several candidates compete for one of the records; family_conflict when two of them are of one family (siblings, twins): review them as a set.",
    }),
    yourSide: z.enum(["tracing", "holding"]).nullable(),
    decisions: z.object({ tracing: SideDecisionSchema, holding: SideDecisionSchema }),
    tracing: VerificationFieldsSchema,
    holding: VerificationFieldsSchema,
    explanation: z.object({
      text: z.string(),
      fields: z.array(z.object({ field: z.string(), label: z.string(), left: z.string(), right: z.string(), level: z.string(), weight: z.number() })),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("MatchCandidate");

const MatchCandidateDetailSchema = MatchCandidateSchema.extend({
  group: z
    .object({ flag: z.enum(["family_conflict", "multiple"]), members: z.array(MatchCandidateSchema) })
    .nullable()
    .openapi({ description: "The other candidates competing for the same record (those the caller may see)." }),
}).openapi("MatchCandidateDetail");

const MatchListSchema = z.object({ items: z.array(MatchCandidateSchema), total: z.number().int() }).openapi("MatchCandidateList");

const ListQuerySchema = z.object({
  status: z
    .enum(QUEUE_FILTERS as unknown as ["pending", "awaiting-you", "agreed", "rejected", "decided"])
    .optional()
    .openapi({ description: "pending; awaiting-you (pending, your party has not decided); agreed; rejected; decided (agreed or rejected)" }),
}).extend(PaginationQuerySchema.shape);


const DecisionBodySchema = z
  .object({
    decision: z.enum(["accept", "reject"]),
    reason: z.string().trim().min(1).max(2000).optional().openapi({ description: "Required to reject." }),
  })
  .openapi("MatchDecision");

const DecisionResultSchema = z.object({ replayed: z.boolean(), candidate: MatchCandidateSchema });

const listRoute = createRoute({
  method: "get",
  path: "/api/matches",
  operationId: "listMatches",
  tags: ["matches"],
  summary: "The review queue: match candidates where one side is the caller's party's case",
  description:
    "Caseworkers and verifiers see the candidates of their party's cases; the mediator sees pending and agreed pairs. " +
    "Each side sees only the verification fields of the other's record. A candidate is a flag for a person, never a merge.",
  security: BEARER,
  request: { query: ListQuerySchema },
  responses: { 200: json("A page of candidates, most probable first", MatchListSchema), 400: problem("Invalid query"), 401: problem("Not logged in"), 403: problem("The caller's role does not review matches") },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/matches/{id}",
  operationId: "getMatch",
  tags: ["matches"],
  summary: "One candidate with its explanation and, when flagged, the competing set",
  security: BEARER,
  request: { params: IdParamSchema },
  responses: { 200: json("The candidate", MatchCandidateDetailSchema), 401: problem("Not logged in"), 403: problem("The caller's role does not review matches"), 404: problem("No such candidate") },
});

const decideRoute = createRoute({
  method: "post",
  path: "/api/matches/{id}/decision",
  operationId: "decideMatch",
  tags: ["matches"],
  summary: "Accept or reject a candidate for the caller's party",
  description:
    "Only caseworkers and verifiers of the party whose case is on one side decide, for that side. A decision is kept: repeating it answers " +
    "with `replayed: true`, a different one is 409. Identity counts as agreed only when both parties accept; a rejected pair is never proposed again.",
  security: BEARER,
  request: { params: IdParamSchema, body: { required: true, content: { "application/json": { schema: DecisionBodySchema } } } },
  responses: {
    200: json("The decision is recorded (or had been)", DecisionResultSchema),
    400: problem("Invalid body"),
    401: problem("Not logged in"),
    403: problem("The caller may see the candidate but not decide on it"),
    404: problem("No such candidate"),
    409: problem("The party already decided otherwise, or the candidate is already rejected or agreed"),
    422: problem("A rejection needs a reason"),
  },
});

const ModelSchema = z
  .object({
    id: z.string(),
    source: z.string().openapi({ description: "preset-defaults (the engine's defaults, before any training) or trained-em (learned from the stored records)" }),
    createdAt: z.string(),
    lambda: z.number().openapi({ description: "Prior chance that two records drawn at random, one from each side, are one child" }),
    fields: z.array(
      z.object({
        field: z.string(),
        levels: z.array(
          z.object({
            level: z.string().openapi({ description: "The comparison level; the last, other, is none of the others" }),
            m: z.number().openapi({ description: "Chance of this level for a pair that is one child" }),
            u: z.number().openapi({ description: "Chance of this level for two different children" }),
            weight: z.number().openapi({ description: "log2(m/u): the evidence this level gives" }),
          }),
        ),
      }),
    ),
  })
  .openapi("MatchModel");

const TrainResultSchema = z
  .object({
    trained: z.boolean().openapi({ description: "false: too few stored records to learn from; the model in use is kept" }),
    records: z.object({ tracing: z.number().int(), holding: z.number().int() }).openapi({ description: "Stored records learned from, one per case" }),
    training: z
      .object({
        randomPairs: z.number().int(),
        emPairs: z.number().int(),
        sessions: z.array(z.object({ rule: z.string(), pairs: z.number().int(), lambda: z.number(), estimated: z.array(z.string()) })),
      })
      .nullable()
      .openapi({ description: "u from random pairs; m from one EM session per training blocking rule" }),
    logIndex: z.number().int().nullable().openapi({ description: "The signed log entry recording the new model" }),
    model: ModelSchema,
  })
  .openapi("MatchModelTraining");

const modelRoute = createRoute({
  method: "get",
  path: "/api/matching/model",
  operationId: "getMatchingModel",
  tags: ["admin"],
  summary: "The matching model in use: its m and u per field and comparison level (admins and auditors)",
  security: BEARER,
  responses: { 200: json("The model in use", ModelSchema), 401: problem("Not logged in"), 403: problem("Admins and auditors only") },
});

const trainRoute = createRoute({
  method: "post",
  path: "/api/matching/model/train",
  operationId: "trainMatchingModel",
  tags: ["admin"],
  summary: "Learn m and u from the stored records and use them from now on (admins only)",
  description:
    "Unsupervised (EM, u from random pairs), one record per case. A new model is a signed log entry of the admin's party. " +
    "Candidates already stored keep their scores until their records are matched again. Takes seconds on a large registry.",
  security: BEARER,
  responses: { 200: json("What was learned, and the model now in use", TrainResultSchema), 401: problem("Not logged in"), 403: problem("Admins only") },
});

const MODEL_READERS = new Set(["admin", "auditor"]);

function notFound(e: unknown): never {
  if (e instanceof NotFoundError) throw new ProblemError(404, "no such match candidate");
  throw e;
}

export function registerMatchRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const matching = deps.store.matching;

  app.openapi(listRoute, async (c) => {
    const { status, limit, offset } = c.req.valid("query");
    const result = await matching.list(c.get("ctx"), {
      ...(status === undefined ? {} : { status }),
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    });
    return c.json(result, 200);
  });

  app.openapi(getRoute, async (c) => {
    const found = await matching.get(c.get("ctx"), c.req.valid("param").id).catch(notFound);
    return c.json(found, 200);
  });

  app.openapi(modelRoute, async (c) => {
    if (!MODEL_READERS.has(c.get("ctx").role)) throw new ProblemError(403, "only admins and auditors see the matching model");
    return c.json(modelSummary(await matching.model()), 200);
  });

  app.openapi(trainRoute, async (c) => {
    const ctx = c.get("ctx");
    if (ctx.role !== "admin") throw new ProblemError(403, "only an admin trains the matching model");
    const result = await matching.train(undefined, { partyId: ctx.partyId, userId: ctx.userId });
    const training = result.report === null ? null : { randomPairs: result.report.randomPairs, emPairs: result.report.emPairs, sessions: result.report.sessions };
    return c.json({ trained: result.trained, records: result.records, training, logIndex: result.logIndex, model: modelSummary(result) }, 200);
  });

  app.openapi(decideRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await matching
      .decide(c.get("ctx"), c.req.valid("param").id, { decision: body.decision, ...(body.reason === undefined ? {} : { reason: body.reason }) })
      .catch(notFound);
    return c.json({ replayed: result.replayed, candidate: result.candidate }, 200);
  });
}
