import { createMiddleware } from "hono/factory";
import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ProblemError } from "./problem.ts";
import { clientAddress, recordLoginFailure, recordLoginSuccess, throttleKeys, waitBeforeLogin } from "./login-throttle.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { LoginSchema, MeSchema, TokenSchema } from "./schemas.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem } from "./http-helpers.ts";


export const BEARER = [{ Bearer: [] }];

function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, detail, {}, { "www-authenticate": 'Bearer realm="homeward"' });
}

/** Resolves the bearer token to a user and the RequestContext every store call receives. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    if (token === null) throw unauthorized("log in first: POST /api/session, then send Authorization: Bearer TOKEN");
    const session = await deps.store.sessions.get(token);
    if (session === null) throw unauthorized("the session is unknown or has expired; log in again");
    c.set("user", session.user);
    c.set("token", token);
    c.set("sessionExpiresAt", session.expiresAt);
    c.set("ctx", { partyId: session.user.partyId, userId: session.user.id, role: session.user.role, purpose: "api" });
    await next();
  });
}

const loginRoute = createRoute({
  method: "post",
  path: "/api/session",
  operationId: "signIn",
  tags: ["session"],
  security: [],
  summary: "Log in: exchange a username and password for a bearer token",
  description:
    "Failed attempts are counted per account and client address, per address, and per account, in the database (shared by every server process). " +
    "Past a few failures each further attempt must wait a delay that doubles with every failure: until then it answers 429 with Retry-After. " +
    "The per-account count holds back only clients the account has not signed in from: send the deviceToken of an earlier sign-in (or come " +
    "from an address the account signed in from lately) and someone else's guesses never slow you down, so nobody can lock an account out.",
  request: { body: { required: true, content: { "application/json": { schema: LoginSchema } } } },
  responses: {
    200: { description: "Logged in", content: { "application/json": { schema: TokenSchema } } },
    400: problem("Invalid body"),
    401: problem("Wrong username or password"),
    429: problem("Too many failed attempts: wait Retry-After seconds"),
  },
});

const logoutRoute = createRoute({
  method: "delete",
  path: "/api/session",
  operationId: "signOut",
  tags: ["session"],
  summary: "Log out: revoke the current token",
  security: BEARER,
  responses: { 204: { description: "Logged out" }, 401: problem("Not logged in") },
});

const meRoute = createRoute({
  method: "get",
  path: "/api/me",
  operationId: "getMe",
  tags: ["session"],
  summary: "The logged-in user, their party and role",
  security: BEARER,
  responses: { 200: { description: "The user", content: { "application/json": { schema: MeSchema } } }, 401: problem("Not logged in") },
});

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store, logger } = deps;

  app.openapi(loginRoute, async (c) => {
    const { username, password, deviceToken } = c.req.valid("json");
    const keys = throttleKeys(username, clientAddress(c, deps.trustProxy), deviceToken);
    const wait = await waitBeforeLogin(store.rateLimit, keys, deps.loginThrottle, deps.now());
    if (wait > 0) {
      logger.warn({ username }, "login held back: failed attempts");
      throw new ProblemError(429, "too many failed login attempts; wait and try again", {}, {
        "retry-after": String(Math.ceil(wait / 1000)),
      });
    }
    const user = await store.users.findByUsername(username);
    const ok = user === null || user.disabled ? await verifyAgainstDummy(password) : await verifyPassword(user.passwordHash, password);
    if (!ok || user === null) {
      await recordLoginFailure(store.rateLimit, keys);
      logger.info({ username }, "login failed");
      throw unauthorized("wrong username or password");
    }
    const device = await recordLoginSuccess(store.rateLimit, username, keys, deps.loginThrottle, deps.now());
    const session = await store.sessions.create(user.id, deps.sessionTtlMs);
    logger.info({ userId: user.id, partyId: user.partyId }, "logged in");
    return c.json({ token: session.token, expiresAt: session.expiresAt, deviceToken: device }, 200);
  });

  app.use("/api/session", async (c, next) => {
    if (c.req.method === "DELETE") return requireSession(deps)(c, next);
    await next();
  });
  app.openapi(logoutRoute, async (c) => {
    await store.sessions.revoke(c.get("token"));
    return c.body(null, 204);
  });

  app.openapi(meRoute, (c) => {
    const user = c.get("user");
    return c.json({
      id: user.id, username: user.username, party: user.partyId, role: user.role, displayName: user.displayName,
      sessionExpiresAt: c.get("sessionExpiresAt"),
    }, 200);
  });
}

