import { HTTPException } from "hono/http-exception";
import { ClientIdReusedError, ConflictError, ForbiddenError, HomewardError, NotFoundError, ValidationError } from "../domain/index.ts";
import { ProblemError, problemResponse } from "./problem.ts";
import type { Logger } from "./logger.ts";

/** Every error leaves the API as problem+json; unknown errors are logged and answered 500 without detail. */
export function errorToResponse(error: unknown, logger: Logger, where: { method: string; path: string }): Response {
  if (error instanceof ProblemError) return problemResponse(error.problem, error.headers);
  if (error instanceof NotFoundError) {
    return problemResponse({ type: "about:blank", title: "Not Found", status: 404, detail: "no such case" });
  }
  if (error instanceof ForbiddenError) {
    return problemResponse({ type: "urn:homeward:problem:forbidden", title: "Forbidden", status: 403, detail: error.message });
  }
  if (error instanceof ConflictError) {
    return problemResponse({
      type: "urn:homeward:problem:conflict",
      title: "Conflict",
      status: 409,
      detail: error.message,
      ...(error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion }),
    });
  }
  if (error instanceof ValidationError) {
    return problemResponse({
      type: "urn:homeward:problem:validation",
      title: "Invalid request",
      status: 422,
      detail: error.message,
      errors: error.issues.map((i) => ({ pointer: `/${i.path.replaceAll(".", "/")}`, field: i.path, detail: i.message })),
    });
  }
  if (error instanceof ClientIdReusedError) {
    return problemResponse({
      type: "urn:homeward:problem:idempotency-key-reused",
      title: "Unprocessable Content",
      status: 422,
      detail: error.message,
      errors: [{ pointer: "/clientId", field: "clientId", detail: "already used for a different request (also sent as Idempotency-Key)" }],
    });
  }
  if (error instanceof HomewardError) {
    return problemResponse({ type: "about:blank", title: "Bad Request", status: 400, detail: error.message });
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    return problemResponse({ type: "about:blank", title: status === 400 ? "Bad Request" : "Error", status, detail: error.message });
  }
  logger.error({ err: error, method: where.method, path: where.path }, "unhandled error");
  return problemResponse({ type: "about:blank", title: "Internal Server Error", status: 500 });
}
