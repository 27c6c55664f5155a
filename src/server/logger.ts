import pino from "pino";
import type { Logger } from "pino";

// Tokens, passwords and keys must never reach a log line, even by accident through an object
// logged whole; request lines carry the route path only, because query strings hold children's names.
export const REDACT_PATHS = [
  "password", "*.password", "token", "*.token", "key", "*.key", "authorization", "*.authorization",
  "headers.authorization", "req.headers.authorization", "req.headers.cookie", "passwordHash", "*.passwordHash",
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const config = { level: options.level ?? process.env["LOG_LEVEL"] ?? "info", redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
  return options.destination ? pino(config, options.destination) : pino(config);
}

export type { Logger };
