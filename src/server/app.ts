import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { registerAuthRoutes, requireSession } from "./auth-routes.ts";
import { registerCaseRoutes } from "./case-routes.ts";
import { registerMatchRoutes } from "./match-routes.ts";
import { registerLedgerRoutes } from "./ledger-routes.ts";
import { registerCaseLogRoutes } from "./case-log-routes.ts";
import { registerBatchRoutes } from "./batch-routes.ts";
import { registerPfifRoutes } from "./pfif-routes.ts";
import { registerStatsRoutes, STATS_PATHS } from "./stats-routes.ts";
import { registerDisclosureRoutes } from "./disclosure-routes.ts";
import { registerTracingRequestRoutes } from "./tracing-request-routes.ts";
import { PHOTO_BODY_LIMIT, PHOTO_UPLOAD_PATH, registerPhotoRoutes } from "./photo-routes.ts";
import { registerAccessLogRoutes } from "./access-log-routes.ts";
import { MESSAGE_BODY_LIMIT, MESSAGE_POST_PATH, registerThreadRoutes } from "./thread-routes.ts";
import { registerHealthSummaryRoutes } from "./health-summary-routes.ts";
import { registerDashboardRoutes } from "./dashboard-routes.ts";
import { registerImportRoutes } from "./import-routes.ts";
import { registerWitnessRoutes, WITNESS_PATHS, WITNESS_READ_PATHS } from "./witness-routes.ts";
import { docsRoutes } from "./docs.ts";
import { serveWebApp } from "./web-app.ts";
import { errorToResponse } from "./errors.ts";
import { createLogger } from "./logger.ts";
import { safeInput } from "./safe-input.ts";
import { DEFAULT_LOGIN_THROTTLE } from "./login-throttle.ts";
import { ProblemError, problemResponse, validationProblem } from "./problem.ts";
import { HealthSchema } from "./schemas.ts";
import type { AppDeps, AppEnv, AppOptions } from "./app-env.ts";

// Public keys are published: anyone (an auditor, a court) must be able to fetch them to check
// the log offline without holding an account.
// Public statistics are for everyone: they show no child.
const OPEN_PATHS = new Set(["/api/health", "/api/openapi.json", "/api/session", "/api/keys", ...STATS_PATHS, ...WITNESS_PATHS]);
// Paths open for reading only: writing to them needs a session.
const OPEN_READS = new Set<string>(WITNESS_READ_PATHS);

const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  tags: ["meta"],
  security: [],
  summary: "Liveness and database kind",
  responses: { 200: { description: "Up", content: { "application/json": { schema: HealthSchema } } } },
});

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const deps: AppDeps = {
    store: options.store,
    logger: options.logger ?? createLogger(),
    sessionTtlMs: options.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    loginThrottle: { ...DEFAULT_LOGIN_THROTTLE, ...options.loginThrottle },
    trustProxy: options.trustProxy ?? false,
    now: options.now ?? (() => new Date()),
  };
  const { logger } = deps;

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) return problemResponse(validationProblem(result.target, result.error).problem);
      return undefined;
    },
  });

  app.onError((error, c) => errorToResponse(error, logger, { method: c.req.method, path: c.req.path }));
  app.notFound(() => problemResponse(new ProblemError(404, "no such endpoint").problem));

  // Request lines carry the route, never the query string: searches hold children's names.
  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    logger.info({ method: c.req.method, path: c.req.routePath, status: c.res.status, ms, userId: c.get("user")?.id }, "request");
  });
  app.use("*", secureHeaders());
  // Responses carry children's data: no shared or browser cache may keep them.
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.req.path.startsWith("/api/docs")) c.header("cache-control", "no-store");
  });
  const apiLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => problemResponse(new ProblemError(413, "the request body is larger than 1 MiB").problem),
  });
  // A photograph may be larger than any other body.
  const photoLimit = bodyLimit({
    maxSize: PHOTO_BODY_LIMIT,
    onError: () => problemResponse(new ProblemError(413, `a photo upload is at most ${PHOTO_BODY_LIMIT} bytes`).problem),
  });
  // A message carries its attachments in its JSON body.
  const messageLimit = bodyLimit({
    maxSize: MESSAGE_BODY_LIMIT,
    onError: () => problemResponse(new ProblemError(413, `a message with its attachments is at most ${MESSAGE_BODY_LIMIT} bytes`).problem),
  });
  app.use("/api/*", (c, next) => {
    if (c.req.method === "POST" && PHOTO_UPLOAD_PATH.test(c.req.path)) return photoLimit(c, next);
    if (c.req.method === "POST" && MESSAGE_POST_PATH.test(c.req.path)) return messageLimit(c, next);
    return apiLimit(c, next);
  });
  app.use("/api/*", safeInput());
  app.use("/api/*", async (c, next) => {
    if (OPEN_PATHS.has(c.req.path) || (c.req.method === "GET" && OPEN_READS.has(c.req.path)) || c.req.path === "/api/docs" || c.req.path.startsWith("/api/docs/")) return next();
    return requireSession(deps)(c, next);
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    description: "The token from POST /api/session.",
  });

  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const, database: deps.store.kind }, 200));
  registerAuthRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerMatchRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerCaseLogRoutes(app, deps);
  registerBatchRoutes(app, deps);
  registerPfifRoutes(app, deps);
  registerStatsRoutes(app, deps);
  registerDisclosureRoutes(app, deps);
  registerTracingRequestRoutes(app, deps);
  registerPhotoRoutes(app, deps);
  registerAccessLogRoutes(app, deps);
  registerThreadRoutes(app, deps);
  registerHealthSummaryRoutes(app, deps);
  registerWitnessRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerImportRoutes(app, deps);

  app.doc("/api/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "Homeward API",
      version: "0.1.0",
      description:
        "Case registry for tracing children separated from their families by war. Every party sees only what it is entitled to: " +
        "a case of another party is answered 404, exactly as a case that does not exist. Errors are RFC 9457 problem+json.",
      license: { name: "MPL-2.0", url: "https://www.mozilla.org/en-US/MPL/2.0/" },
    },
    // Relative: the API is served from the same origin as the web app, wherever it is deployed.
    servers: [{ url: "/", description: "This server" }],
    security: [{ Bearer: [] }],
    tags: [
      { name: "session", description: "Logging in and out" },
      { name: "cases", description: "The case registry" },
      { name: "matches", description: "The review queue of match candidates: a flag for people, never a merge" },
      { name: "channel", description: "The mediated channel: disclosures, tracing requests, photos, threads" },
      { name: "admin", description: "Administration" },
      { name: "log", description: "The signed, append-only log: keys, entries, proofs, checkpoints" },
      { name: "reports", description: "Verification reports signed by both verifiers and confirmed by the mediator" },
      { name: "batches", description: "Return batches (planned by the mediator), handovers and post-return checks" },
      { name: "statistics", description: "Public statistics, no sign-in: counts under 10 are published as <10" },
      { name: "meta", description: "Service information" },
    ],
  });
  app.route("/api/docs", docsRoutes());
  if (options.webDir !== undefined) serveWebApp(app, options.webDir);
  // Without a built web app the start page is the API's documentation.
  app.get("/", (c) => c.redirect("/api/docs"));
  return app;
}
