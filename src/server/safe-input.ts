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

// No request of the API nests anywhere near this deep; deeper bodies would only exhaust the stack
// of whatever walks them next.
const MAX_DEPTH = 32;

/** How deep a parsed JSON value nests, without recursion (so any depth can be measured). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    if (v !== null && typeof v === "object") for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
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
      if (depthOf(body) > MAX_DEPTH) {
        throw new ProblemError(400, `Invalid body: nested deeper than ${MAX_DEPTH} levels`, {
          type: "urn:homeward:problem:validation",
          title: "Invalid request",
          errors: [{ pointer: "/", field: "body", detail: `nested deeper than ${MAX_DEPTH} levels` }],
        });
      }
      const found = findUnsafeText(body);
      if (found !== null) throw refused("json", found.path, found.reason);
    }
    await next();
  });
}
