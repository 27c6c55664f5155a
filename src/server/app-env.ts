import type { RequestContext, Store, User } from "../store/index.ts";
import type { Logger } from "./logger.ts";

export interface AppVariables {
  ctx: RequestContext;
  user: User;
  token: string;
  sessionExpiresAt: string;
}

export interface AppEnv {
  Variables: AppVariables;
}

export interface AppOptions {
  store: Store;
  logger?: Logger;
  /** How long a session lives (default 8 hours). */
  sessionTtlMs?: number;
  /** Failed logins allowed per username within the window before 429 (default 5 per 15 minutes). */
  loginFailures?: { max: number; windowMs: number };
  now?: () => Date;
  /** The built web app to serve beside the API (any path outside /api); none when absent. */
  webDir?: string;
}

export interface AppDeps {
  store: Store;
  logger: Logger;
  sessionTtlMs: number;
  loginFailures: { max: number; windowMs: number };
  now: () => Date;
}
