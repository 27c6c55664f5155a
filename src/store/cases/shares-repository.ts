import { NotFoundError } from "../../domain/index.ts";
import type { ShareScope } from "../../domain/index.ts";
import { viewFor } from "../../domain/index.ts";
import { isUuid, toIso } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { CasesApi, Share, SharesApi } from "../types.ts";

// Sharing is itself a case action (so it is in the history and reaches the ledger); the
// case_shares table is its queryable projection.
export function createSharesRepository(s: StoreInternals, cases: CasesApi): SharesApi {
  return {
    async grant(ctx, caseId, toPartyId, scope: ShareScope, opts = {}) {
      const clientId = opts.clientId ?? `share:${caseId}:${toPartyId}:${scope}:${crypto.randomUUID()}`;
      await cases.appendAction(ctx, caseId, { type: "share", partyId: toPartyId, scope }, { clientId });
      const row = await s.db
        .selectFrom("case_shares")
        .select(["case_id", "party_id", "scope", "granted_at"])
        .where("case_id", "=", caseId)
        .where("party_id", "=", toPartyId)
        .executeTakeFirstOrThrow();
      return { caseId: row.case_id, partyId: row.party_id, scope: row.scope as ShareScope, grantedAt: toIso(row.granted_at) };
    },
    async revoke(ctx, caseId, toPartyId, opts = {}) {
      const clientId = opts.clientId ?? `unshare:${caseId}:${toPartyId}:${crypto.randomUUID()}`;
      await cases.appendAction(ctx, caseId, { type: "unshare", partyId: toPartyId }, { clientId });
    },
    async list(ctx, caseId) {
      const actor = await actorOf(s, ctx);
      if (!isUuid(caseId)) throw new NotFoundError("case not found");
      const c = await s.db
        .selectFrom("cases as c")
        .leftJoin("case_shares as sh", (j) => j.onRef("sh.case_id", "=", "c.id").on("sh.party_id", "=", actor.partyId))
        .select(["c.party_id", "sh.scope"])
        .where("c.id", "=", caseId)
        .executeTakeFirst();
      const relation = !c ? null : c.party_id === actor.partyId ? "owner" : c.scope === "participate" ? "shared-participate" : c.scope === "view" ? "shared-view" : null;
      const view = relation ? viewFor(relation, actor.role, actor.partyKind) : null;
      if (view === null) throw new NotFoundError("case not found");
      // Only the owner learns with whom else a case is shared.
      if (view !== "full") return [];
      const rows = await s.db.selectFrom("case_shares").select(["case_id", "party_id", "scope", "granted_at"]).where("case_id", "=", caseId).orderBy("party_id").execute();
      return rows.map((r): Share => ({ caseId: r.case_id, partyId: r.party_id, scope: r.scope as ShareScope, grantedAt: toIso(r.granted_at) }));
    },
  };
}
