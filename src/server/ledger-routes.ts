// The signed log over HTTP: public keys, entries, proofs and checkpoints, in the shapes the
// pure ledger code verifies (in the browser as in the CLI).
import { createRoute, z } from "@hono/zod-openapi";
import { stream } from "hono/streaming";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { DraftReportSchema } from "../store/reports/index.ts";
import { nodeSha256 } from "../ledger-node/index.ts";
import { canonicalJson, leafHash, toHex, utf8 } from "../ledger/index.ts";
import { PDF_LANGUAGES, renderReportPdf } from "./report-pdf.ts";
import { BEARER } from "./auth-routes.ts";
import { ProblemError } from "./problem.ts";
import { JsonObjectSchema } from "./schemas.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem, json } from "./http-helpers.ts";


const hex32 = z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: "32 bytes, lowercase hex" });
const SignatureSchema = z.object({ key: hex32, sig: z.string() });
const KeySchema = z.object({
  id: hex32.openapi({ description: "SHA-256 of the raw public key" }),
  algorithm: z.literal("ed25519"),
  party: z.string(),
  user: z.string().optional(),
  publicKey: hex32,
  anchor: z.boolean().openapi({ description: "Trusted from the log's start (a party key); other keys are announced by key entries in the log" }),
  retired: z.boolean(),
}).openapi("LedgerKey");
const KeysSchema = z.object({ log: z.string(), keys: z.array(KeySchema) }).openapi("LedgerKeys");
const CheckpointSchema = z.object({
  kind: z.literal("checkpoint"),
  checkpoint: z.object({ log: z.string(), size: z.number().int(), root: hex32, time: z.string() }),
  sigs: z.array(SignatureSchema),
}).openapi("LedgerCheckpoint");
const LogInfoSchema = z.object({ log: z.string(), size: z.number().int(), root: hex32, checkpoint: CheckpointSchema.nullable() }).openapi("LedgerInfo");
const EntrySchema = z.object({
  kind: z.literal("entry"),
  entry: JsonObjectSchema,
  sigs: z.array(SignatureSchema),
}).openapi("LedgerEntry");
const InclusionSchema = z.object({ index: z.number().int(), size: z.number().int(), leafHash: hex32, proof: z.array(hex32), root: hex32 }).openapi("InclusionProof");
const ConsistencySchema = z.object({ from: z.number().int(), to: z.number().int(), fromRoot: hex32, toRoot: hex32, proof: z.array(hex32) }).openapi("ConsistencyProof");

const size = z.coerce.number().int().nonnegative();
const tags = ["log"];

const keysRoute = createRoute({
  method: "get", path: "/api/keys", operationId: "listKeys", tags, security: [],
  summary: "Every party's and verifier's public signing key (public: no login needed)",
  description: "Compare the fingerprints (the key ids) with the ones each party publishes, then pin them: `homeward log verify LOG --keys KEYS.json`.",
  responses: { 200: json("Public keys", KeysSchema) },
});
const infoRoute = createRoute({
  method: "get", path: "/api/log", operationId: "getLog", tags, security: BEARER,
  summary: "The log's current size and root, and its latest co-signed checkpoint",
  responses: { 200: json("The log's head", LogInfoSchema), 401: problem("Not logged in") },
});
const entryRoute = createRoute({
  method: "get", path: "/api/log/entries/{index}", operationId: "getLogEntry", tags, security: BEARER,
  summary: "One signed entry (hashes only: payloads with personal data stay in the registry)",
  request: { params: z.object({ index: size }) },
  responses: { 200: json("The entry as it is in the log", EntrySchema), 401: problem("Not logged in"), 404: problem("No such entry") },
});
const inclusionRoute = createRoute({
  method: "get", path: "/api/log/proofs/inclusion", operationId: "getInclusionProof", tags, security: BEARER,
  summary: "RFC 9162 inclusion proof of entry `index` in the tree of `size` (default: the current size)",
  request: { query: z.object({ index: size, size: size.optional() }) },
  responses: { 200: json("Inclusion proof", InclusionSchema), 400: problem("No such entry or size"), 401: problem("Not logged in") },
});
const consistencyRoute = createRoute({
  method: "get", path: "/api/log/proofs/consistency", operationId: "getConsistencyProof", tags, security: BEARER,
  summary: "RFC 9162 consistency proof from the tree of size `from` to the tree of size `to` (default: current)",
  request: { query: z.object({ from: size, to: size.optional() }) },
  responses: { 200: json("Consistency proof", ConsistencySchema), 400: problem("No such sizes"), 401: problem("Not logged in") },
});
const checkpointRoute = createRoute({
  method: "get", path: "/api/log/checkpoint", operationId: "getCheckpoint", tags, security: BEARER,
  summary: "The latest checkpoint with every party's co-signature",
  responses: { 200: json("Checkpoint", CheckpointSchema), 401: problem("Not logged in"), 404: problem("No checkpoint yet") },
});
const cosignRoute = createRoute({
  method: "post", path: "/api/log/checkpoints", operationId: "signCheckpoint", tags, security: BEARER,
  summary: "Sign a checkpoint of the current size as the caller's party (verifiers, mediators and admins)",
  description: "Creates the checkpoint of the current size, or adds the caller's party's co-signature to it.",
  responses: { 200: json("The checkpoint with all its co-signatures", CheckpointSchema), 401: problem("Not logged in"), 403: problem("The caller's role may not sign for its party") },
});

const exportRoute = createRoute({
  method: "get", path: "/api/log/export", operationId: "exportLog", tags, security: BEARER,
  summary: "The whole log as JSON Lines, for `homeward log verify`",
  description: "A header with the parties' public keys, then entries and co-signed checkpoints, one JSON object a line; it ends with a checkpoint of the full size (signed now when there is none yet).",
  responses: { 200: { description: "The log", content: { "application/jsonl": { schema: z.string() } } }, 401: problem("Not logged in") },
});

const reportTags = ["reports"];
const ReportViewSchema = z.object({
  id: z.string(),
  case: z.string(),
  kind: z.enum(["identity", "post-return"]),
  language: z.string(),
  hash: hex32.openapi({ description: "SHA-256 of the RFC 8785 form of the document; the log's entries sign this" }),
  verificationCode: z.string().openapi({ description: "Short code printed on the report to match it to its file" }),
  document: JsonObjectSchema,
  draftEntryIndex: z.number().int(),
  signatures: z.array(z.object({ role: z.string(), party: z.string(), user: z.string(), at: z.string(), entryIndex: z.number().int() })),
  stage: z.enum(["drafted", "signed", "jointly-signed", "confirmed"]),
}).openapi("VerificationReport");
const reportId = z.object({ id: z.string() });
const draftRoute = createRoute({
  method: "post", path: "/api/cases/{id}/reports", operationId: "draftReport", tags: reportTags, security: BEARER,
  summary: "Draft a verification report (identity, or post-return with the welfare check) for a case",
  description: "Idempotent by the body's `clientId`. The document is sealed in the registry; the log records its hash.",
  request: { params: reportId, body: { required: true, content: { "application/json": { schema: DraftReportSchema.extend({ clientId: z.string().min(1).max(200) }) } } } },
  responses: { 201: json("The drafted report", ReportViewSchema), 400: problem("Invalid report"), 401: problem("Not logged in"), 404: problem("No such case") },
});
const listReportsRoute = createRoute({
  method: "get", path: "/api/cases/{id}/reports", operationId: "listCaseReports", tags: reportTags, security: BEARER,
  summary: "The case's verification reports",
  request: { params: reportId },
  responses: { 200: json("Reports", z.object({ items: z.array(ReportViewSchema) })), 401: problem("Not logged in"), 404: problem("No such case") },
});
const getReportRoute = createRoute({
  method: "get", path: "/api/reports/{id}", operationId: "getReport", tags: reportTags, security: BEARER,
  summary: "One verification report with its signatures",
  request: { params: reportId },
  responses: { 200: json("The report", ReportViewSchema), 401: problem("Not logged in"), 404: problem("No such report") },
});
const signReportRoute = createRoute({
  method: "post", path: "/api/reports/{id}/signatures", operationId: "signReport", tags: reportTags, security: BEARER,
  summary: "Sign the report as the caller's party's verifier, or confirm it as the mediator (after both verifiers)",
  request: { params: reportId },
  responses: {
    200: json("The report with the new signature", ReportViewSchema), 401: problem("Not logged in"),
    403: problem("The caller may not sign reports"), 404: problem("No such report"), 409: problem("Already signed in this role, or the mediator came too early"),
  },
});
const signedReportRoute = createRoute({
  method: "get", path: "/api/reports/{id}/signed", operationId: "getSignedReport", tags: reportTags, security: BEARER,
  summary: "The signed report file for `homeward report verify`: document, signature entries, inclusion proofs, co-signed checkpoint, keys",
  request: { params: reportId },
  responses: { 200: json("Signed report", JsonObjectSchema), 401: problem("Not logged in"), 404: problem("No such report"), 409: problem("Not signed yet") },
});

const rotateRoute = createRoute({
  method: "post", path: "/api/log/keys/rotate", operationId: "rotateKey", tags, security: BEARER,
  summary: "Replace a signing key: an admin rotates the party's key, a verifier or mediator their own",
  description: "The new key is announced in the log, signed by the party and by itself; the old key signs nothing afterwards.",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ scope: z.enum(["party", "personal"]) }) } } } },
  responses: { 200: json("The new key", KeySchema.omit({ anchor: true, retired: true })), 401: problem("Not logged in"), 403: problem("The caller's role may not") },
});
const revokeRoute = createRoute({
  method: "post", path: "/api/log/keys/revoke", operationId: "revokeKey", tags, security: BEARER,
  summary: "Revoke a person's signing key (admins, for their own party's people)",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ userId: z.string().min(1), reason: z.string().trim().min(1).max(500) }) } } } },
  responses: { 204: { description: "Revoked" }, 401: problem("Not logged in"), 403: problem("Not an admin of the person's party"), 404: problem("No such person") },
});

const pdfRoute = createRoute({
  method: "get", path: "/api/reports/{id}/pdf", operationId: "getReportPdf", tags: reportTags, security: BEARER,
  summary: "The report as a PDF in the reader's language (en, uk, ru), with each signature, its log entry hash and the verification code",
  request: { params: reportId, query: z.object({ lang: z.enum(PDF_LANGUAGES).optional() }) },
  responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string() } } }, 401: problem("Not logged in"), 404: problem("No such report") },
});

const SIGNING_ROLES = new Set(["verifier", "mediator", "admin"]);

export function registerLedgerRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const ledger = deps.store.ledger;
  const rangeError = (e: unknown): never => {
    if (e instanceof RangeError) throw new ProblemError(400, e.message);
    throw e;
  };

  app.openapi(keysRoute, async (c) => c.json({ log: await ledger.logId(), keys: await ledger.keys() }, 200));

  app.openapi(infoRoute, async (c) => {
    const n = await ledger.size();
    return c.json({ log: await ledger.logId(), size: n, root: await ledger.root(n), checkpoint: await ledger.latestCheckpoint() }, 200);
  });

  app.openapi(entryRoute, async (c) => {
    const line = await ledger.entry(c.req.valid("param").index);
    if (!line) throw new ProblemError(404, "no such entry");
    return c.json(line as z.infer<typeof EntrySchema>, 200);
  });

  app.openapi(inclusionRoute, async (c) => {
    const { index, size: n } = c.req.valid("query");
    return c.json(await ledger.inclusionProof(index, n).catch(rangeError), 200);
  });

  app.openapi(consistencyRoute, async (c) => {
    const { from, to } = c.req.valid("query");
    return c.json(await ledger.consistencyProof(from, to).catch(rangeError), 200);
  });

  app.openapi(checkpointRoute, async (c) => {
    const cp = await ledger.latestCheckpoint();
    if (!cp) throw new ProblemError(404, "no checkpoint yet");
    return c.json(cp, 200);
  });

  app.openAPIRegistry.registerPath(exportRoute);
  app.get(exportRoute.path, (c) => {
    c.header("content-type", "application/jsonl; charset=utf-8");
    c.header("content-disposition", 'attachment; filename="homeward-log.jsonl"');
    return stream(c, async (out) => {
      for await (const line of ledger.exportLines()) await out.write(line + "\n");
    });
  });

  const reports = deps.store.reports;
  app.openapi(draftRoute, async (c) => {
    const { clientId, ...input } = c.req.valid("json");
    return c.json(await reports.draft(c.get("ctx"), c.req.valid("param").id, input, { clientId }) as never, 201);
  });
  app.openapi(listReportsRoute, async (c) => c.json({ items: (await reports.list(c.get("ctx"), c.req.valid("param").id)) as never[] }, 200));
  app.openapi(getReportRoute, async (c) => {
    const report = await reports.get(c.get("ctx"), c.req.valid("param").id);
    if (!report) throw new ProblemError(404, "no such report");
    return c.json(report as never, 200);
  });
  app.openapi(signReportRoute, async (c) => c.json((await reports.sign(c.get("ctx"), c.req.valid("param").id)) as never, 200));
  app.openapi(signedReportRoute, async (c) => c.json((await reports.signed(c.get("ctx"), c.req.valid("param").id)) as never, 200));

  app.openapi(rotateRoute, async (c) => {
    const ctx = c.get("ctx");
    const { scope } = c.req.valid("json");
    if (scope === "party" && ctx.role !== "admin") throw new ProblemError(403, "only an admin rotates the party's key");
    if (scope === "personal" && !["verifier", "mediator"].includes(ctx.role)) throw new ProblemError(403, "only verifiers and mediators hold personal keys");
    const key = await ledger.rotateKey(ctx.partyId, scope === "personal" ? ctx.userId : undefined).catch((e: unknown) => {
      throw new ProblemError(409, (e as Error).message);
    });
    return c.json(key, 200);
  });

  app.openapi(revokeRoute, async (c) => {
    const ctx = c.get("ctx");
    if (ctx.role !== "admin") throw new ProblemError(403, "only an admin revokes keys");
    const { userId, reason } = c.req.valid("json");
    const user = await deps.store.users.get(userId);
    if (!user || user.partyId !== ctx.partyId) throw new ProblemError(404, "no such person in the caller's party");
    await ledger.revokeUserKey(ctx.partyId, userId, reason).catch((e: unknown) => {
      throw new ProblemError(409, (e as Error).message);
    });
    return c.body(null, 204);
  });

  app.openAPIRegistry.registerPath(pdfRoute);
  app.get("/api/reports/:id/pdf", async (c) => {
    const lang = c.req.query("lang") ?? "en";
    if (!(PDF_LANGUAGES as readonly string[]).includes(lang)) throw new ProblemError(400, `lang must be one of ${PDF_LANGUAGES.join(", ")}`);
    const report = await reports.get(c.get("ctx"), c.req.param("id"));
    if (!report) throw new ProblemError(404, "no such report");
    const signatures = [];
    for (const s of report.signatures) {
      const entry = await ledger.entry(s.entryIndex);
      // People are named as their accounts name them; the log itself holds only their ids.
      const user = await deps.store.users.get(s.user).catch(() => null);
      const name = user ? `${user.displayName ?? user.username} (${user.username})` : s.user;
      signatures.push({ ...s, user: name, entryHash: entry ? toHex(leafHash(utf8(canonicalJson(entry)), nodeSha256)) : "" });
    }
    const pdf = await renderReportPdf(report, signatures, lang as (typeof PDF_LANGUAGES)[number]);
    c.header("content-type", "application/pdf");
    c.header("content-disposition", `inline; filename="report-${report.verificationCode}.pdf"`);
    return c.body(new Uint8Array(pdf), 200);
  });

  app.openapi(cosignRoute, async (c) => {
    const ctx = c.get("ctx");
    if (!SIGNING_ROLES.has(ctx.role)) throw new ProblemError(403, "only verifiers, mediators and admins sign checkpoints for their party");
    return c.json(await ledger.checkpoint([ctx.partyId]), 200);
  });
}
