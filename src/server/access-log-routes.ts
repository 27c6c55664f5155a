import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { stream } from "hono/streaming";
import { AccessLogFilterSchema, AccessLogSchema } from "./schemas.ts";
import { BEARER } from "./auth-routes.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import type { AccessLogQuery } from "../store/index.ts";
import { problem, PaginationQuerySchema } from "./http-helpers.ts";

// Who looked at a child: admins and auditors of a party read the reads of its cases (and the
// reads its own people made), filtered, and export them as CSV to check against the signed log.


const listRoute = createRoute({
  method: "get",
  path: "/api/access-log",
  operationId: "listAccessLog",
  tags: ["admin"],
  summary: "Who read which case, when (admins and auditors)",
  security: BEARER,
  // 100 reads a page unless asked.
  request: { query: AccessLogFilterSchema.extend(PaginationQuerySchema.shape) },
  responses: {
    200: { description: "Access log entries, newest first", content: { "application/json": { schema: AccessLogSchema } } },
    400: problem("Invalid filter; `errors` names it"),
    401: problem("Not logged in"),
    403: problem("Admins and auditors only"),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/api/access-log/export",
  operationId: "exportAccessLog",
  tags: ["admin"],
  summary: "The access log as CSV, oldest first (admins and auditors)",
  description:
    "Settled rows are committed into the signed log as digests first. Check the file with " +
    "`homeward log verify LOG --access-log FILE.csv --party PARTY`: a deleted or altered row is named by the digest that no longer matches.",
  security: BEARER,
  request: { query: AccessLogFilterSchema },
  responses: {
    200: { description: "CSV: id, at, user_id, party_id, role, case_id, case_party_id, kind, purpose", content: { "text/csv": { schema: { type: "string" } } } },
    400: problem("Invalid filter; `errors` names it"),
    401: problem("Not logged in"),
    403: problem("Admins and auditors only"),
  },
});

function filterOf(q: { caseId?: string | undefined; partyId?: string | undefined; userId?: string | undefined; from?: string | undefined; to?: string | undefined }): AccessLogQuery {
  const out: AccessLogQuery = {};
  for (const key of ["caseId", "partyId", "userId", "from", "to"] as const) {
    const v = q[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function registerAccessLogRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const result = await store.accessLog.list(c.get("ctx"), { ...filterOf(q), limit: q.limit, offset: q.offset });
    return c.json(result, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const chunks = store.accessLog.exportCsv(c.get("ctx"), filterOf(c.req.valid("query")));
    // The first chunk (after the permission check and the seal) decides the status.
    const first = await chunks.next();
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", 'attachment; filename="access-log.csv"');
    return stream(c, async (out) => {
      if (!first.done) await out.write(first.value);
      for await (const chunk of chunks) await out.write(chunk);
    });
  });
}
