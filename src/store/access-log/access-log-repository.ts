import { ACCESS_LOG_READERS, ForbiddenError } from "../../domain/index.ts";
import { checkOffset, clampLimit, isUuid, toIso } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { AccessLogApi, AccessLogEntry } from "../types.ts";

export function createAccessLogRepository(s: StoreInternals): AccessLogApi {
  return {
    async list(ctx, query = {}) {
      if (!ACCESS_LOG_READERS.includes(ctx.role)) throw new ForbiddenError("only admins read the access log");
      const limit = clampLimit(query.limit, 100, 1000);
      const offset = checkOffset(query.offset);
      if (query.caseId !== undefined && !isUuid(query.caseId)) return { items: [], total: 0 };
      // An admin sees reads of their own party's cases and reads made by their party's users.
      let base = s.db
        .selectFrom("access_log")
        .where((eb) => eb.or([eb("case_party_id", "=", ctx.partyId), eb("party_id", "=", ctx.partyId)]));
      if (query.caseId !== undefined) base = base.where("case_id", "=", query.caseId);
      const [rows, count] = await Promise.all([
        base
          .select(["id", "at", "user_id", "party_id", "role", "case_id", "kind", "purpose"])
          .orderBy("at", "desc")
          .orderBy("id", "desc")
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<string | number | bigint>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const items: AccessLogEntry[] = rows.map((r) => ({
        id: String(r.id),
        at: toIso(r.at),
        userId: r.user_id,
        partyId: r.party_id,
        role: r.role,
        caseId: r.case_id,
        kind: r.kind as AccessLogEntry["kind"],
        purpose: r.purpose,
      }));
      return { items, total: Number(count.n) };
    },
  };
}
