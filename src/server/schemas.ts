import { z } from "@hono/zod-openapi";
import {
  CaseActionSchema, CaseInputSchema, CASE_STATUSES, CaseStatusSchema, requiredText, ROLES, SEXES, text,
} from "../domain/index.ts";

// Request and response shapes of the HTTP API. Request bodies reuse the domain's schemas so
// the API accepts exactly what the registry does.

/** A JSON object of any shape; documented as such (an unknown value alone renders as a bare `nullable`). */
export const JsonObjectSchema = z.record(z.string(), z.unknown()).openapi({ additionalProperties: true });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:homeward:problem:validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ pointer: z.string(), field: z.string().openapi({ example: "names[0].given" }), detail: z.string() }))
      .optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details; `errors` names each offending field." });

export const LoginSchema = z
  .object({
    username: requiredText(100).openapi({ example: "tracing" }),
    password: text({ min: 1, max: 1000, trim: false }).openapi({ example: "demo-password" }),
    deviceToken: text({ min: 0, max: 200, trim: true })
      .optional()
      .openapi({ description: "The deviceToken of this account's last sign-in on this device: failures elsewhere do not slow it down" }),
  })
  .openapi("Login");

export const TokenSchema = z
  .object({
    token: z.string(),
    expiresAt: z.string().openapi({ format: "date-time" }),
    deviceToken: z.string().openapi({ description: "Keep it on this device and send it with the next sign-in to this account" }),
  })
  .openapi("Session");

export const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    party: z.string(),
    role: z.enum(ROLES),
    displayName: z.string().nullable(),
    sessionExpiresAt: z.string(),
  })
  .openapi("Me");

const clientId = requiredText(200);

export const NewCaseSchema = CaseInputSchema.extend({
  clientId: clientId.optional().openapi({
    description: "Idempotency key chosen by the client (or send the Idempotency-Key header). Repeating a create with the same key returns the same case and changes nothing.",
  }),
}).openapi("NewCase", {
  example: { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07" },
});

export const CreatedSchema = z.object({ id: z.string() }).openapi("Created");

const NameSchema = z.object({
  given: z.string().optional(),
  family: z.string().optional(),
  patronymic: z.string().optional(),
  script: z.string(),
  lang: z.string().optional(),
  kind: z.string(),
});

const AgeSchema = z.object({ min: z.number().int(), max: z.number().int() }).nullable();

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    party: z.string().openapi({ description: "The party that holds the case." }),
    view: z.string().openapi({ description: "How much of the case the caller may see: full, shared, mediator or auditor." }),
    status: CaseStatusSchema,
    version: z.number().int(),
    updatedAt: z.string(),
    names: z.array(NameSchema),
    sex: z.enum(SEXES),
    birthDate: z.string().optional(),
    birthDateEstimated: z.boolean().optional(),
    age: AgeSchema,
    adult: z.boolean(),
  })
  .openapi("CaseSummary");

export const CaseListSchema = z
  .object({ items: z.array(CaseSummarySchema), total: z.number().int() })
  .openapi("CaseList");

export const CaseViewSchema = CaseSummarySchema.extend({
  createdAt: z.string(),
  possiblyAdult: z.boolean(),
  consentNeedsRenewal: z.boolean(),
  birthPlace: z.string().optional(),
  separation: JsonObjectSchema.optional(),
  consent: JsonObjectSchema.optional(),
  childViews: z.string().optional(),
  family: z.array(JsonObjectSchema).optional().openapi({
    description: "Family members and guardians; contact details appear only for the party that holds the case.",
  }),
  notes: z.array(JsonObjectSchema).optional(),
  health: z.string().optional(),
  shares: z.record(z.string(), z.string()).optional(),
  photos: z.array(z.object({ id: z.string(), sha256: z.string(), caption: z.string().optional(), at: z.string() })).optional().openapi({
    description: "The child's photographs, each served by GET /api/photos/{id} (?size=thumb for a thumbnail); not in the auditor's view.",
  }),
  linkedCase: z.string().optional().openapi({
    description: "The other party's case for the same child, once both parties accepted the match: the two move together from the joint verification on. Not in the other party's view.",
  }),
})
  .passthrough()
  // Fields a newer server adds pass through to older clients.
  .openapi("Case", { additionalProperties: true });

// Paged with PaginationQuerySchema (http-helpers.ts); 50 cases a page unless asked.
export const ListCasesQuerySchema = z.object({
  q: z.string().trim().max(200).optional().openapi({
    description: "Any name in any script: Oleksandr Kovalenko, Олександр Коваленко and Александр Коваленко find the same child.",
    example: "Александр Коваленко",
  }),
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === "") return undefined;
      const parts = s.split(",").map((p) => p.trim());
      const bad = parts.filter((p) => !(CASE_STATUSES as readonly string[]).includes(p));
      if (bad.length > 0) {
        ctx.addIssue({ code: "custom", message: `unknown status ${bad.join(", ")}; expected ${CASE_STATUSES.join(", ")}` });
        return z.NEVER;
      }
      return parts as (typeof CASE_STATUSES)[number][];
    })
    .openapi({ description: "One status or several, comma-separated.", example: "registered,located" }),
  track: z.enum(["adult", "child"]).optional().openapi({ description: "adult: cases on the adult track (the person is 18 or over and their own consent counts); child: the others" }),
  turning18Within: z.coerce.number().int().min(1).max(3650).optional().openapi({
    description: "Open cases not yet on the adult track whose person certainly turns 18 within this many days",
    example: 90,
  }),
});

export const CaseIdParamSchema = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: "id", in: "path" } }),
});

export const ActionRequestSchema = z
  .object({
    clientId: clientId.optional().openapi({
      description: "Required (here or as the Idempotency-Key header): repeating an action with the same id changes nothing.",
    }),
    expectedVersion: z.number().int().min(0).optional().openapi({
      description: "The case version the client last saw; if the case has moved on the answer is 409.",
    }),
    action: CaseActionSchema,
  })
  .openapi("ActionRequest", { example: { clientId: "8d3c0e4e-2f4b-4c1f-9f39-3a1d4bd1d0a1", expectedVersion: 1, action: { type: "register" } } });

export const ActionResultSchema = z
  .object({ sequence: z.number().int(), replayed: z.boolean(), case: CaseViewSchema })
  .openapi("ActionResult");

export const HistorySchema = z
  .object({
    items: z.array(
      z.object({
        caseId: z.string(),
        sequence: z.number().int(),
        type: z.string(),
        at: z.string(),
        actor: z.object({ partyId: z.string(), role: z.string(), userId: z.string().optional() }),
        action: JsonObjectSchema.optional(),
      }),
    ),
  })
  .openapi("History");

export const AccessLogFilterSchema = z.object({
  caseId: z.uuid().optional().openapi({ description: "Only reads of this case" }),
  partyId: requiredText(63).optional().openapi({ description: "Only reads made by this party's people" }),
  userId: requiredText(200).optional().openapi({ description: "Only reads made by this user" }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: "Reads at or after this time (ISO 8601)" }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "Reads before this time (ISO 8601)" }),
});

export const AccessLogSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        userId: z.string(),
        partyId: z.string(),
        role: z.string(),
        caseId: z.string(),
        kind: z.string(),
        purpose: z.string().nullable(),
      }),
    ),
    total: z.number().int(),
  })
  .openapi("AccessLog");

export const HealthSchema = z.object({ status: z.literal("ok"), database: z.string() }).openapi("Health");
