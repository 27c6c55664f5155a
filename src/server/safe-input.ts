import { createMiddleware } from "hono/factory";
import { findUnsafeText, unsafeTextReason } from "../domain/index.ts";
import { fieldName, ProblemError } from "./problem.ts";
import type { AppEnv } from "./app-env.ts";

// Every route at once, before any route's own schema: a request whose text could not be stored
// or shown as sent (NUL, which PostgreSQL refuses; a lone surrogate, which has no UTF-8 form;
// control characters) is answered 400 naming the field. The domain's schemas refuse the same
// text on their own (safe-text.ts); this gate also covers parameters, field names and routes
// whose schemas are plain strings, so that no such byte ever reaches the database.

function refused(location: "json" | "query" | "path", path: (string | number)[], reason: string): ProblemError {
  const field = fieldName(location, path);
  const pointer = location === "json" ? `/${path.map(String).join("/")}` : `/${location}/${path.map(String).join("/")}`;
  return new ProblemError(400, `Invalid ${location === "json" ? "body" : location}: ${field}: ${reason}`, {
    type: "urn:homeward:problem:validation",
    title: "Invalid request",
    errors: [{ pointer, field, detail: reason }],
  });
}

export function safeInput() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split("/")) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw refused("path", [segment.slice(0, 100)], "is not percent-encoded UTF-8");
      }
      const reason = unsafeTextReason(decoded);
      if (reason !== null) throw refused("path", [decoded.replace(/[^\x20-\x7e]/g, "?").slice(0, 100)], reason);
    }
    let params: [string, string][];
    try {
      params = [...url.searchParams.entries()];
    } catch {
      throw refused("query", [], "is not percent-encoded UTF-8");
    }
    for (const [name, value] of params) {
      const reason = unsafeTextReason(name) ?? unsafeTextReason(value);
      if (reason !== null) throw refused("query", [name.replace(/[^\x20-\x7e]/g, "?").slice(0, 100)], reason);
    }
    const type = c.req.header("content-type") ?? "";
    if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        // Not JSON at all: the route's validator answers that.
        return next();
      }
      const found = findUnsafeText(body);
      if (found !== null) throw refused("json", found.path, found.reason);
    }
    await next();
  });
}
