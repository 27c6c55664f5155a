import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { BEARER } from "./auth-routes.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { json, problem } from "./http-helpers.ts";

const count = z.number().int().nonnegative();
const DashboardSchema = z
  .object({
    byStatus: z.array(z.object({ status: z.string(), count })).openapi({ description: "States with no case are left out" }),
    total: count,
    adultTrack: count,
    turning18: z.object({ withinDays: count, count }),
    reviewsWaiting: count,
    overduePostReturnChecks: count,
    months: z.array(z.object({ month: z.string().openapi({ example: "2026-05" }), registered: count, returned: count })),
  })
  .openapi("Dashboard");

const route = createRoute({
  method: "get", path: "/api/dashboard", operationId: "getDashboard", tags: ["cases"], security: BEARER,
  summary: "The caller's dashboard in one read: cases by state, reviews waiting, overdue post-return checks, children turning 18 soon, registrations and returns per month",
  description: "Counts only, over the cases the caller's party may see (its own and those shared with it), the review queue it sees and the batches it is part of.",
  request: {
    query: z.object({
      turning18Within: z.coerce.number().int().min(1).max(3650).optional().openapi({ description: "Days ahead for children turning 18 (default 90)" }),
      months: z.coerce.number().int().min(1).max(60).optional().openapi({ description: "Months of registrations and returns, this one included (default 12)" }),
    }),
  },
  responses: { 200: json("The counts", DashboardSchema), 400: problem("Invalid query"), 401: problem("Not logged in") },
});

export function registerDashboardRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  app.openapi(route, async (c) => {
    const { turning18Within, months } = c.req.valid("query");
    const summary = await store.dashboard.summary(c.get("ctx"), {
      ...(turning18Within === undefined ? {} : { turning18Within }),
      ...(months === undefined ? {} : { months }),
    });
    return c.json(summary, 200);
  });
}
