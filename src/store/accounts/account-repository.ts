import { createHash, randomBytes } from "node:crypto";
import type { Party, PartyKind, Role } from "../../domain/index.ts";
import { ConflictError, PartySchema, RoleSchema, ValidationError } from "../../domain/index.ts";
import { isUniqueViolation, isUuid, toIso, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { PartiesApi, RateLimitApi, SessionsApi, User, UsersApi, UserWithHash } from "../types.ts";

// Parties, users, sessions and login throttling: all in the database, so several server
// processes behind one load balancer share them.

export function createPartyRepository(s: StoreInternals): PartiesApi {
  const toParty = (r: { id: string; name: string; kind: string }): Party => ({ id: r.id, name: r.name, kind: r.kind as PartyKind });
  return {
    async list() {
      const rows = await s.db.selectFrom("parties").select(["id", "name", "kind"]).orderBy("id").execute();
      return rows.map(toParty);
    },
    async get(id) {
      const row = await s.db.selectFrom("parties").select(["id", "name", "kind"]).where("id", "=", id).executeTakeFirst();
      return row ? toParty(row) : null;
    },
    async ensure(party) {
      const r = PartySchema.safeParse(party);
      if (!r.success) throw validationFromZod(r.error);
      const p = r.data;
      await s.db.insertInto("parties").values({ id: p.id, name: p.name, kind: p.kind }).onConflict((oc) => oc.column("id").doNothing()).execute();
      const row = await s.db.selectFrom("parties").select(["id", "name", "kind"]).where("id", "=", p.id).executeTakeFirstOrThrow();
      if (row.kind !== p.kind) throw new ConflictError(`party ${p.id} exists with kind ${row.kind}`);
      return toParty(row);
    },
  };
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  party_id: string;
  role: string;
  display_name: string | null;
  disabled: boolean;
  created_at: Date;
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    partyId: r.party_id,
    role: r.role as Role,
    displayName: r.display_name,
    disabled: r.disabled,
    createdAt: toIso(r.created_at),
  };
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function createUserRepository(s: StoreInternals): UsersApi {
  const cols = ["id", "username", "password_hash", "party_id", "role", "display_name", "disabled", "created_at"] as const;
  return {
    async create(user) {
      if (!USERNAME.test(user.username)) throw new ValidationError("username", "lowercase letters, digits, '.', '_' and '-'");
      if (!RoleSchema.safeParse(user.role).success) throw new ValidationError("role", `unknown role "${user.role}"`);
      if (typeof user.passwordHash !== "string" || user.passwordHash.length < 10) throw new ValidationError("passwordHash", "a password hash is required");
      const party = await s.db.selectFrom("parties").select("id").where("id", "=", user.partyId).executeTakeFirst();
      if (!party) throw new ValidationError("partyId", "no such party");
      try {
        const row = await s.db
          .insertInto("users")
          .values({
            id: crypto.randomUUID(),
            username: user.username,
            password_hash: user.passwordHash,
            party_id: user.partyId,
            role: user.role,
            display_name: user.displayName ?? null,
          })
          .returning(cols)
          .executeTakeFirstOrThrow();
        return toUser(row);
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictError(`user ${user.username} exists`);
        throw e;
      }
    },
    async findByUsername(username) {
      const row = await s.db.selectFrom("users").select(cols).where("username", "=", username).executeTakeFirst();
      return row ? ({ ...toUser(row), passwordHash: row.password_hash } satisfies UserWithHash) : null;
    },
    async get(id) {
      if (!isUuid(id)) return null;
      const row = await s.db.selectFrom("users").select(cols).where("id", "=", id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async list() {
      const rows = await s.db.selectFrom("users").select(cols).orderBy("username").execute();
      return rows.map(toUser);
    },
    async setPasswordHash(userId, passwordHash) {
      await s.db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    },
    async setDisabled(userId, disabled) {
      await s.db.updateTable("users").set({ disabled }).where("id", "=", userId).execute();
    },
  };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createSessionRepository(s: StoreInternals): SessionsApi {
  return {
    async create(userId, ttlMs) {
      if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new ValidationError("ttlMs", "must be positive");
      const token = randomBytes(32).toString("base64url");
      const now = s.now();
      const expiresAt = new Date(now.getTime() + ttlMs);
      await s.db.insertInto("sessions").values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: expiresAt, revoked_at: null }).execute();
      return { token, expiresAt: expiresAt.toISOString() };
    },
    async get(token) {
      if (typeof token !== "string" || token === "" || token.length > 200) return null;
      const row = await s.db
        .selectFrom("sessions as se")
        .innerJoin("users as u", "u.id", "se.user_id")
        .select(["se.created_at as s_created", "se.expires_at", "se.revoked_at", "u.id", "u.username", "u.password_hash", "u.party_id", "u.role", "u.display_name", "u.disabled", "u.created_at"])
        .where("se.token_hash", "=", hashToken(token))
        .executeTakeFirst();
      if (!row || row.revoked_at !== null || row.disabled) return null;
      if (new Date(row.expires_at).getTime() <= s.now().getTime()) return null;
      return { userId: row.id, user: toUser(row), createdAt: toIso(row.s_created), expiresAt: toIso(row.expires_at) };
    },
    async revoke(token) {
      await s.db.updateTable("sessions").set({ revoked_at: s.now() }).where("token_hash", "=", hashToken(token)).execute();
    },
    async revokeAllForUser(userId) {
      await s.db.updateTable("sessions").set({ revoked_at: s.now() }).where("user_id", "=", userId).where("revoked_at", "is", null).execute();
    },
    async deleteExpired() {
      const r = await s.db.deleteFrom("sessions").where("expires_at", "<=", s.now()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export function createRateLimitRepository(s: StoreInternals): RateLimitApi {
  return {
    async hit(key, windowMs, max) {
      if (!(windowMs > 0) || !(max >= 0)) throw new ValidationError("windowMs", "window and max must be positive");
      const now = s.now().getTime();
      const start = new Date(Math.floor(now / windowMs) * windowMs);
      const row = await s.db
        .insertInto("rate_limits")
        .values({ key, window_start: start, count: 1 })
        .onConflict((oc) => oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ count: eb("rate_limits.count", "+", 1) })))
        .returning("count")
        .executeTakeFirstOrThrow();
      // Old windows of this key are no longer needed.
      await s.db.deleteFrom("rate_limits").where("key", "=", key).where("window_start", "<", start).execute();
      const allowed = row.count <= max;
      return { allowed, count: row.count, retryAfterMs: allowed ? 0 : start.getTime() + windowMs - now };
    },
    async reset(key) {
      await s.db.deleteFrom("rate_limits").where("key", "=", key).execute();
    },
    async recordFailedLogin(key) {
      await s.db.insertInto("failed_logins").values({ key, at: s.now() }).execute();
    },
    async failedLoginsSince(key, since) {
      const r = await s.db
        .selectFrom("failed_logins")
        .select((eb) => eb.fn.countAll<string | number | bigint>().as("n"))
        .where("key", "=", key)
        .where("at", ">=", since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async failedLoginStats(key, since) {
      const r = await s.db
        .selectFrom("failed_logins")
        .select((eb) => [eb.fn.countAll<string | number | bigint>().as("n"), eb.fn.max("at").as("last")])
        .where("key", "=", key)
        .where("at", ">=", since)
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), last: r.last === null || r.last === undefined ? null : new Date(r.last as string | Date) };
    },
    async clearFailedLogins(key) {
      await s.db.deleteFrom("failed_logins").where("key", "=", key).execute();
    },
  };
}
