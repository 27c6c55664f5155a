import { randomUUID } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { ProblemError, validationProblem } from "./problem.ts";
import { clientIdFrom } from "./case-routes.ts";

// Bodies that carry one record or a list of them (disclosures, tracing requests).

export const MAX_LIST = 1000;

export function oneOrMany<T extends z.ZodObject>(item: T, name: string) {
  const one = item.extend({
    clientId: z.string().trim().min(1).max(200).optional().openapi({
      description: "Idempotency key chosen by the client; in a list, each item's own (else the Idempotency-Key header with `:N` appended)",
    }),
  });
  return z.union([one, z.array(one).min(1).max(MAX_LIST)]).openapi(name);
}

// On a bad body, names the offending item and field: `[3].names` rather than a union's summary.
export function oneOrManyHook<T extends z.ZodObject>(item: T) {
  return (result: { success: boolean; target: string; data?: unknown; error?: unknown }): undefined => {
    if (result.success) return undefined;
    if (result.target !== "json") throw validationProblem(result.target, result.error as z.ZodError);
    // The validator passes the input it refused along with the error.
    const raw = result.data;
    const schema = Array.isArray(raw) ? z.array(item).min(1).max(MAX_LIST) : item;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw validationProblem("json", parsed.error);
    throw validationProblem("json", result.error as z.ZodError);
  };
}

// Client ids of a list: each item's own, else the header's with the item's position.
export function itemClientIds(header: string | undefined, items: readonly { clientId?: string | undefined }[]): string[] {
  return items.map((it, i) => it.clientId ?? (header === undefined ? randomUUID() : `${header}:${i}`));
}

export function singleClientId(header: string | undefined, body: unknown): string {
  if (body !== undefined && typeof body !== "string") throw new ProblemError(400, "clientId must be a string");
  return clientIdFrom(header, body) ?? randomUUID();
}
