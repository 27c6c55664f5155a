import { sql } from "kysely";
import type { CaseRelation, CaseSide, PartyKind, Role } from "../../domain/index.ts";
import { actorSide } from "../../domain/index.ts";
import { readPublicSummary } from "../cases/index.ts";
import type { Db, RequestContext, Tx } from "../types.ts";

export type SigningRole = "tracing-verifier" | "holding-verifier" | "mediator";

// Which side's verifier a signature is follows the case, not the party's kind: on a child held by
// the tracing authority and sought by the other side, the tracing authority's verifier signs as
// the holding side's. Only the two authorities' verifiers sign for a side.
export function signingRoleFor(kind: PartyKind, role: Role, side: CaseSide | null): SigningRole | null {
  if (kind === "mediator") return role === "mediator" ? "mediator" : null;
  if (role !== "verifier" || side === null) return null;
  if (kind !== "tracing-authority" && kind !== "holding-authority") return null;
  return side === "tracing" ? "tracing-verifier" : "holding-verifier";
}

/**
 * How the caller's party relates to the case and the side it works it from (null when it sees the
 * case only through a view-only share, or not at all).
 */
export async function callerOnCase(
  db: Db | Tx,
  ctx: RequestContext,
  caseId: string,
): Promise<{ relation: CaseRelation | null; kind: PartyKind; side: CaseSide | null }> {
  const row = (await sql<{ party_id: string; summary: unknown; scope: string | null; kind: PartyKind }>`
    select c.party_id, c.summary, s.scope, p.kind from cases c
    join parties p on p.id = ${ctx.partyId}
    left join case_shares s on s.case_id = c.id and s.party_id = ${ctx.partyId}
    where c.id = ${caseId}`.execute(db)).rows[0];
  if (!row) return { relation: null, kind: "ngo", side: null };
  const relation: CaseRelation | null =
    row.party_id === ctx.partyId ? "owner" : row.scope === "participate" ? "shared-participate" : row.scope === "view" ? "shared-view" : null;
  const side = relation === null ? null : actorSide(readPublicSummary(row.summary).side, relation, row.kind);
  return { relation, kind: row.kind, side };
}
