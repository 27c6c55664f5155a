import { z } from "@hono/zod-openapi";
import { ProblemSchema } from "./schemas.ts";

// One place for the response and parameter shapes every route file declares, so the OpenAPI
// document describes errors, bodies and ids the same way everywhere.

export const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });

export const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });

export { CaseIdParamSchema as IdParamSchema } from "./schemas.ts";
