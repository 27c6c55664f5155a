import type { RequestContext, Store, User } from "../store/index.ts";
import type { Logger } from "./logger.ts";
import type { LoginThrottle } from "./login-throttle.ts";

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
  /** How failed logins slow down further attempts (see login-throttle.ts for the defaults). */
  loginThrottle?: Partial<LoginThrottle>;
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For hop. */
  trustProxy?: boolean;
  now?: () => Date;
  /** The built web app to serve beside the API (any path outside /api); none when absent. */
  webDir?: string;
}

export interface AppDeps {
  store: Store;
  logger: Logger;
  sessionTtlMs: number;
  loginThrottle: LoginThrottle;
  trustProxy: boolean;
  now: () => Date;
}
