import { unsafeTextReason } from "../domain/index.ts";
import type { ZodError } from "zod";
import { ValidationError } from "../domain/index.ts";

export function validationFromZod(error: ZodError, prefix = ""): ValidationError {
  const issues = error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== "").join("."),
    message: i.message,
  }));
  const first = issues[0] ?? { path: prefix, message: "invalid" };
  return new ValidationError(first.path, first.message, issues);
}

// PostgreSQL unique_violation, from pg or PGlite, optionally on a given constraint/index.
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown };
  if (err.code !== "23505") return false;
  if (constraint === undefined) return true;
  if (err.constraint === constraint) return true;
  return typeof err.message === "string" && err.message.includes(constraint);
}

export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function checkClientId(clientId: unknown, path = "clientId"): string {
  if (typeof clientId !== "string" || clientId.trim() === "" || clientId.length > 200) {
    throw new ValidationError(path, "a client id of 1 to 200 characters is required");
  }
  const unsafe = unsafeTextReason(clientId);
  if (unsafe !== null) throw new ValidationError(path, unsafe);
  return clientId;
}

export function clampLimit(limit: number | undefined, def: number, max: number): number {
  if (limit === undefined) return def;
  if (!Number.isInteger(limit) || limit < 0) throw new ValidationError("limit", "must be a non-negative integer");
  return Math.min(limit, max);
}

export function checkOffset(offset: number | undefined): number {
  if (offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0) throw new ValidationError("offset", "must be a non-negative integer");
  return offset;
}
