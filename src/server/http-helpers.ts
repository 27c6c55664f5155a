import { z } from "@hono/zod-openapi";
import { ProblemSchema } from "./schemas.ts";

// One place for the response and parameter shapes every route file declares, so the OpenAPI
// document describes errors, bodies and ids the same way everywhere.

export const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });

export const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });

export { CaseIdParamSchema as IdParamSchema } from "./schemas.ts";

// Every listing pages the same way: `limit` items after skipping `offset`. Each listing keeps
// its own default page size (stated in its description), applied by the store.
export const PaginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: "Items per page, 1 to 500", example: 50 }),
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: "Items to skip (default 0)", example: 0 }),
});
