import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { statsCsv } from "../domain/index.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";

// Public: no sign-in. Every count from 1 to 9 reads "<10", with complementary cells withheld
// (docs/statistics.md), so that no child can be singled out.
export const STATS_PATHS = ["/api/stats", "/api/stats.csv"] as const;

const Value = z.union([z.number().int(), z.enum(["<10", "withheld"])]);
const StatsSchema = z
  .object({
    generatedAt: z.string(),
    totals: z.object({ cases: z.union([z.number().int(), z.literal("<10")]), returns: z.union([z.number().int(), z.literal("<10")]) }),
    tables: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        withheld: z.boolean().openapi({ description: "The whole table is withheld (too few large cells to publish it safely)" }),
        cells: z.array(z.object({ label: z.string(), value: Value })),
      }),
    ),
    medianDaysToReturn: z.number().int().nullable().openapi({ description: "Published once ten or more children have returned" }),
  })
  .openapi("PublicStats");

const jsonRoute = createRoute({
  method: "get", path: "/api/stats", operationId: "getStats", tags: ["statistics"], security: [],
  summary: "Public statistics: cases by state, separation, oblast, age band and month; returns by month and direction; median days to return",
  responses: { 200: { description: "The statistics", content: { "application/json": { schema: StatsSchema } } } },
});

const csvRoute = createRoute({
  method: "get", path: "/api/stats.csv", operationId: "getStatsCsv", tags: ["statistics"], security: [],
  summary: "The same statistics as CSV: table,label,value",
  responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } } },
});

export function registerStatsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(jsonRoute, async (c) => c.json(await deps.store.stats.publicStats(), 200));
  app.openapi(csvRoute, async (c) => {
    const csv = statsCsv(await deps.store.stats.publicStats());
    return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="homeward-stats.csv"' });
  });
}
