import createClient from "openapi-fetch";
import type { components, paths } from "./api-schema";

export type Schemas = components["schemas"];
export type CaseSummary = Schemas["CaseSummary"];
export type CaseView = Schemas["Case"];
export type MatchCandidate = Schemas["MatchCandidate"];
export type MatchDetail = Schemas["MatchCandidateDetail"];
export type Report = Schemas["VerificationReport"];
export type Me = Schemas["Me"];
export type Problem = Schemas["Problem"];

const TOKEN_KEY = "homeward.token";

export function sessionToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setSessionToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** The typed client: every call's path, parameters and body are checked against the API's document. */
export const api = createClient<paths>({ baseUrl: "" });

api.use({
  onRequest({ request }) {
    const token = sessionToken();
    if (token !== null) request.headers.set("authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && sessionToken() !== null) {
      setSessionToken(null);
      onUnauthorized();
    }
    return response;
  },
});

/** A failed call as the UI shows it: the status and the server's problem details, when it sent any. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (result.data !== undefined && result.response.ok) return result.data;
  throw new ApiError(result.response.status, result.error as Problem | undefined);
}
