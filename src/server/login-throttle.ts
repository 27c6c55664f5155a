import { createHash, randomBytes } from "node:crypto";
import type { Context } from "hono";
import type { RateLimitApi } from "../store/index.ts";

// Failed logins slow the guesser down instead of locking the account (OWASP authentication
// guidance): a lockout by account alone lets anyone shut out an admin or a verifier with a few
// anonymous requests on the day of a handover. Failures are counted per account *and* client
// address, per address across every account, and per account across every address; past a few
// free failures each further attempt must wait a delay that doubles with every failure, up to a
// ceiling. The account-wide count is what stops many addresses guessing one password; it holds
// back only clients the account has not signed in from before (OWASP's device cookies): a
// device token given at sign-in, or an address the account signed in from lately. So the
// rightful user, on a known device or address, is never held up by someone else's guesses.

export interface LoginThrottle {
  /** Failures of one account from one address before the first delay. */
  freeFailures: number;
  /** Failures from one address, across all accounts, before that address is slowed down. */
  addressFreeFailures: number;
  /** Failures of one account, across all addresses, before clients it does not know are slowed down. */
  accountFreeFailures: number;
  /** How long a device token, or an address the account signed in from, stays known. */
  knownForMs: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottle = {
  freeFailures: 3,
  addressFreeFailures: 20,
  accountFreeFailures: 10,
  knownForMs: 90 * 24 * 60 * 60 * 1000,
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
  account: string;
  /** Marks that the account signed in from this address. */
  knownAddress: string;
  /** Marks the device token the client sent, when it sent one. */
  device: string | null;
}

const digest = (text: string): string => createHash("sha256").update(text, "utf8").digest("base64url");

export function throttleKeys(username: string, address: string, deviceToken?: string): ThrottleKeys {
  const user = username.toLowerCase();
  return {
    pair: `login:${user}|${address}`,
    address: `login-from:${address}`,
    account: `login-account:${user}`,
    knownAddress: `login-known:${user}|${address}`,
    // Only the token's hash is kept: the table does not hand out working tokens.
    device: deviceToken === undefined || deviceToken === "" ? null : `login-device:${user}|${digest(deviceToken)}`,
  };
}

/** Whether the client has signed in to this account before (a device token, or its address). */
async function knownClient(rateLimit: RateLimitApi, keys: ThrottleKeys, since: Date): Promise<boolean> {
  for (const key of [keys.device, keys.knownAddress]) {
    if (key !== null && (await rateLimit.failedLoginStats(key, since)).count > 0) return true;
  }
  return false;
}

/** Milliseconds the attempt must still wait (0: it may go ahead). */
export async function waitBeforeLogin(rateLimit: RateLimitApi, keys: ThrottleKeys, policy: LoginThrottle, now: Date): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMs);
  const counted: [string, number][] = [[keys.pair, policy.freeFailures], [keys.address, policy.addressFreeFailures]];
  if (!(await knownClient(rateLimit, keys, new Date(now.getTime() - policy.knownForMs)))) counted.push([keys.account, policy.accountFreeFailures]);
  let wait = 0;
  for (const [key, free] of counted) {
    const { count, last } = await rateLimit.failedLoginStats(key, since);
    if (last === null) continue;
    wait = Math.max(wait, last.getTime() + delayAfter(count, free, policy) - now.getTime());
  }
  return wait;
}

export async function recordLoginFailure(rateLimit: RateLimitApi, keys: ThrottleKeys): Promise<void> {
  await rateLimit.recordFailedLogin(keys.pair);
  await rateLimit.recordFailedLogin(keys.address);
  await rateLimit.recordFailedLogin(keys.account);
}

/**
 * A success forgets the account's failures from this address (the address's and the account's
 * own counts stay), remembers the address, and gives the client a new device token that keeps it
 * known to this account wherever it signs in from next.
 */
export async function recordLoginSuccess(rateLimit: RateLimitApi, username: string, keys: ThrottleKeys, policy: LoginThrottle, now: Date): Promise<string> {
  await rateLimit.clearFailedLogins(keys.pair);
  if ((await rateLimit.failedLoginStats(keys.knownAddress, new Date(now.getTime() - policy.knownForMs / 2))).count === 0) {
    await rateLimit.recordFailedLogin(keys.knownAddress);
  }
  const token = randomBytes(24).toString("base64url");
  const device = throttleKeys(username, "", token).device;
  if (device !== null) await rateLimit.recordFailedLogin(device);
  return token;
}
