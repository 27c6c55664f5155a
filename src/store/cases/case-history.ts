import type { ActionRecord, CaseAction, HistoryEntry } from "../../domain/index.ts";
import { NotFoundError, projectHistory } from "../../domain/index.ts";
import { toIso } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { RequestContext } from "../types.ts";
import { actionAad } from "./case-codec.ts";
import { viewOf } from "./case-rows.ts";
import { logAccess } from "./log-access.ts";

// A case's actions as the caller's view shows them; NotFoundError when the caller may not see it.
export async function caseHistory(s: StoreInternals, ctx: RequestContext, caseId: string): Promise<HistoryEntry[]> {
  const actor = await actorOf(s, ctx);
  const seen = await viewOf(s.db, actor, caseId);
  if (!seen) throw new NotFoundError("case not found");
  const rows = await s.db
    .selectFrom("case_actions")
    .select(["sequence", "client_id", "type", "actor_user_id", "actor_party_id", "actor_role", "at", "payload"])
    .where("case_id", "=", caseId)
    .orderBy("sequence")
    .execute();
  let entries: HistoryEntry[];
  if (seen.view === "full" || seen.view === "auditor") {
    const records: ActionRecord[] = rows.map((r) => ({
      caseId,
      sequence: r.sequence,
      clientId: r.client_id,
      action: JSON.parse(s.box.open(r.payload, actionAad(caseId, r.sequence))) as CaseAction,
      actor: { userId: r.actor_user_id, partyId: r.actor_party_id, role: r.actor_role },
      at: toIso(r.at),
    }));
    entries = projectHistory(records, seen.view);
  } else {
    // Other views see which step happened, when and by which party: no payload is decrypted.
    entries = rows.map((r) => ({
      caseId,
      sequence: r.sequence,
      type: r.type as CaseAction["type"],
      at: toIso(r.at),
      actor: { partyId: r.actor_party_id, role: r.actor_role },
    }));
  }
  await logAccess(s, s.db, actor, ctx, "history", [{ id: caseId, party: seen.row.party_id }]);
  return entries;
}
