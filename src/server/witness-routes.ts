// Witnessing over HTTP, public as checkpoints are: the log's latest checkpoint as a C2SP signed
// note with the co-signatures kept for it, consistency proofs in the witness protocol's form,
// and the door through which witnesses hand back their co-signatures. Registering a witness is
// an admin's act.
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { BEARER } from "./auth-routes.ts";
import { ProblemError } from "./problem.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { json, problem } from "./http-helpers.ts";

export const WITNESS_PATHS = ["/api/log/note", "/api/log/note/consistency", "/api/log/note/cosignatures"] as const;
// Read by anyone; registering a witness at the same path is an admin's act.
export const WITNESS_READ_PATHS = ["/api/log/witnesses"] as const;

const tags = ["log"];
const text = (description: string) => ({ description, content: { "text/plain": { schema: z.string() } } });
const size = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const WitnessSchema = z.object({ name: z.string(), vkey: z.string() }).openapi("Witness");
const WitnessesSchema = z.object({
  log: z.object({ origin: z.string(), vkey: z.string().openapi({ description: "The log's checkpoint key as a C2SP verifier key (type 0x01)" }) }),
  witnesses: z.array(WitnessSchema),
}).openapi("LogWitnesses");

const noteRoute = createRoute({
  method: "get", path: "/api/log/note", operationId: "getCheckpointNote", tags, security: [],
  summary: "The latest checkpoint as a C2SP signed note, with every witness co-signature kept for it (public)",
  description: "Signed by the log's own key (`GET /api/log/witnesses` gives it as a verifier key) and co-signed (cosignature/v1) by the witnesses that checked it. Check it with `homeward log verify LOG --checkpoint NOTE --witnesses KEYS --quorum N`.",
  responses: { 200: text("The co-signed checkpoint note") },
});
const consistencyRoute = createRoute({
  method: "get", path: "/api/log/note/consistency", operationId: "getNoteConsistency", tags, security: [],
  summary: "RFC 6962 consistency proof between two sizes, one base64 hash a line (the witness protocol's form)",
  request: { query: z.object({ old: size, new: size }) },
  responses: { 200: text("Proof lines"), 422: problem("The sizes are out of range") , 400: problem("Invalid query") },
});
const cosignRoute = createRoute({
  method: "post", path: "/api/log/note/cosignatures", operationId: "addCosignatures", tags, security: [],
  summary: "A witness hands back its co-signature: the checkpoint note with its signature lines (public; only registered witnesses' valid co-signatures are kept)",
  request: { body: { content: { "text/plain": { schema: z.string().max(64 * 1024) } }, required: true } },
  responses: {
    200: json("The witnesses whose co-signatures were kept", z.object({ kept: z.array(z.string()) }).openapi("KeptCosignatures")),
    400: problem("Not a signed note"),
    422: problem("Not a checkpoint this log published, or no registered witness's valid co-signature"),
  },
});
const witnessesRoute = createRoute({
  method: "get", path: "/api/log/witnesses", operationId: "listWitnesses", tags, security: [],
  summary: "The log's checkpoint key and the witnesses whose co-signatures it keeps (public)",
  responses: { 200: json("Log key and witnesses", WitnessesSchema) },
});
const addWitnessRoute = createRoute({
  method: "post", path: "/api/log/witnesses", operationId: "addWitness", tags, security: BEARER,
  summary: "Register a witness by its verifier key (admins)",
  description: "The witness keeps its own key; `homeward witness keygen` prints the verifier key to register here.",
  request: { body: { content: { "application/json": { schema: z.object({ vkey: z.string().min(1).max(500) }).openapi("AddWitness") } }, required: true } },
  responses: {
    201: json("Registered", WitnessSchema),
    401: problem("Not logged in"),
    403: problem("Admins only"),
    422: problem("Not an Ed25519 co-signature verifier key"),
  },
});

export function registerWitnessRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { witnessing } = deps.store;
  app.openapi(noteRoute, async (c) => c.text((await witnessing.latestNote()).note, 200));
  app.openapi(consistencyRoute, async (c) => {
    const q = c.req.valid("query");
    return c.text((await witnessing.consistency(q.old, q.new)).map((l) => `${l}\n`).join(""), 200);
  });
  app.openapi(cosignRoute, async (c) => {
    const body = await c.req.text();
    if (!body.includes("\n\n")) throw new ProblemError(400, "the body is a checkpoint note with its signature lines");
    return c.json({ kept: await witnessing.addCosignatures(body) }, 200);
  });
  app.openapi(witnessesRoute, async (c) => c.json({ log: await witnessing.logKey(), witnesses: await witnessing.witnesses() }, 200));
  app.openapi(addWitnessRoute, async (c) => {
    if (c.get("ctx").role !== "admin") throw new ProblemError(403, "only an admin registers witnesses");
    return c.json(await witnessing.addWitness(c.req.valid("json").vkey), 201);
  });
}
