import type { Actor } from "../../domain/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { Db, RequestContext, Tx } from "../types.ts";

// Every read of a child's record leaves a line in the access log, in the same transaction.
export async function logAccess(
  s: StoreInternals,
  db: Db | Tx,
  actor: Actor,
  ctx: RequestContext,
  kind: "read" | "list" | "history" | "write",
  cases: readonly { id: string; party: string }[],
): Promise<void> {
  if (cases.length === 0) return;
  const at = s.now();
  await db
    .insertInto("access_log")
    .values(
      cases.map((c) => ({
        at,
        user_id: actor.userId,
        party_id: actor.partyId,
        role: actor.role,
        case_id: c.id,
        case_party_id: c.party,
        kind,
        purpose: ctx.purpose ?? null,
      })),
    )
    .execute();
}
