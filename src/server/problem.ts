import type { ZodError } from "zod";

// RFC 9457 problem details. `errors` names each offending field by its path in the request,
// so a client can point at the input that was wrong.
export interface ProblemField {
  readonly pointer: string;
  readonly field: string;
  readonly detail: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly ProblemField[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export class ProblemError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, detail?: string, extra: Partial<Problem> = {}, headers: Record<string, string> = {}) {
    super(detail ?? TITLES[status] ?? "Error");
    this.name = "ProblemError";
    this.status = status;
    this.headers = headers;
    this.problem = {
      type: extra.type ?? "about:blank",
      title: extra.title ?? TITLES[status] ?? "Error",
      status,
      ...(detail === undefined ? {} : { detail }),
      ...extra,
    };
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_MEDIA_TYPE, ...headers },
  });
}

/** Field path as the client wrote it: `names[0].given`, or the location itself for a whole-body error. */
export function fieldName(location: string, path: readonly PropertyKey[]): string {
  if (path.length === 0) return location;
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function jsonPointer(location: string, path: readonly PropertyKey[]): string {
  const escaped = path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"));
  const root = location === "json" ? "" : `/${location}`;
  return escaped.length === 0 ? root || "/" : `${root}/${escaped.join("/")}`;
}

export function validationProblem(location: string, error: ZodError): ProblemError {
  const errors: ProblemField[] = error.issues.map((issue) => ({
    pointer: jsonPointer(location, issue.path),
    field: fieldName(location, issue.path),
    detail: issue.message,
  }));
  const summary = errors.map((e) => `${e.field}: ${e.detail}`).join("; ");
  return new ProblemError(400, `Invalid ${location === "json" ? "body" : location}: ${summary}`, {
    type: "urn:homeward:problem:validation",
    title: "Invalid request",
    errors,
  });
}
