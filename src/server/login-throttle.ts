import type { Context } from "hono";
import type { RateLimitApi } from "../store/index.ts";

// Failed logins slow the guesser down instead of locking the account (OWASP authentication
// guidance): a lockout by account alone lets anyone shut out an admin or a verifier with a few
// anonymous requests on the day of a handover. Failures are counted per account *and* client
// address, and per address across every account; past a few free failures each further attempt
// must wait a delay that doubles with every failure, up to a ceiling. The rightful user, from
// another address, is never held up by someone else's guesses.

export interface LoginThrottle {
  /** Failures of one account from one address before the first delay. */
  freeFailures: number;
  /** Failures from one address, across all accounts, before that address is slowed down. */
  addressFreeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottle = {
  freeFailures: 3,
  addressFreeFailures: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  windowMs: 24 * 60 * 60 * 1000,
};

/** How long after the latest of `failures` failures the next attempt must wait. */
export function delayAfter(failures: number, free: number, policy: LoginThrottle): number {
  if (failures < free) return 0;
  const exponent = Math.min(failures - free, 40);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/**
 * The client's address, for throttling. Behind a reverse proxy (`trustProxy`), the last address
 * of X-Forwarded-For: the one the proxy itself saw, which the client cannot forge. IPv6
 * addresses count by their /64 network, which one client usually holds whole.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  let address: string | undefined;
  if (trustProxy) address = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
  if (!address) {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    address = env?.incoming?.socket?.remoteAddress;
  }
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (address.includes(":")) {
    const groups = expandIpv6(address);
    return groups === null ? address.slice(0, 64) : `${groups.slice(0, 4).join(":")}::/64`;
  }
  return address.slice(0, 64);
}

function expandIpv6(address: string): string[] | null {
  const [head, tail, ...rest] = address.split("::");
  if (rest.length > 0) return null;
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")) : null;
}

export interface ThrottleKeys {
  pair: string;
  address: string;
}

export function throttleKeys(username: string, address: string): ThrottleKeys {
  return { pair: `login:${username.toLowerCase()}|${address}`, address: `login-from:${address}` };
}

/** Milliseconds the attempt must still wait (0: it may go ahead). */
export async function waitBeforeLogin(rateLimit: RateLimitApi, keys: ThrottleKeys, policy: LoginThrottle, now: Date): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMs);
  let wait = 0;
  for (const [key, free] of [[keys.pair, policy.freeFailures], [keys.address, policy.addressFreeFailures]] as const) {
    const { count, last } = await rateLimit.failedLoginStats(key, since);
    if (last === null) continue;
    wait = Math.max(wait, last.getTime() + delayAfter(count, free, policy) - now.getTime());
  }
  return wait;
}

export async function recordLoginFailure(rateLimit: RateLimitApi, keys: ThrottleKeys): Promise<void> {
  await rateLimit.recordFailedLogin(keys.pair);
  await rateLimit.recordFailedLogin(keys.address);
}

/** A success forgets the account's failures from this address; the address's own count stays. */
export async function recordLoginSuccess(rateLimit: RateLimitApi, keys: ThrottleKeys): Promise<void> {
  await rateLimit.clearFailedLogins(keys.pair);
}
