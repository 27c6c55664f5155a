import type { Actor, CaseState, Role } from "../../domain/index.ts";
import { isTerminal } from "../../domain/index.ts";
import { appendStoreAction, mergeState, openSensitive, readSummary } from "../cases/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { Tx } from "../types.ts";

export interface LinkSide {
  caseId: string;
  // The party's person who accepted the match: the link on its case is in their name.
  partyId: string;
  userId: string;
  role: Role;
}

export interface CaseLinks {
  /**
   * Links the two cases both parties agreed are one child, in one transaction: true when they
   * are linked (now or before), false when one of them cannot be (closed for good, or already
   * linked to a third case: that is for people to sort out, the agreement note says so).
   */
  link(input: { candidate: string; tracing: LinkSide; holding: LinkSide }): Promise<boolean>;
}

async function stateOf(s: StoreInternals, tx: Tx, caseId: string): Promise<CaseState | null> {
  const row = await tx.selectFrom("cases").select(["id", "summary", "sensitive"]).where("id", "=", caseId).forUpdate().executeTakeFirst();
  return row ? mergeState(readSummary(s.atRest, row.id, row.summary), openSensitive(s.box, row.id, row.sensitive)) : null;
}

export function createCaseLinks(s: StoreInternals): CaseLinks {
  return {
    async link({ candidate, tracing, holding }) {
      return s.db.transaction().execute(async (tx) => {
        // Locked in id order, so two links taken at once never wait on each other in a circle.
        const [first, second] = [tracing, holding].sort((a, b) => a.caseId.localeCompare(b.caseId));
        const states = new Map<string, CaseState | null>();
        for (const side of [first!, second!]) states.set(side.caseId, await stateOf(s, tx, side.caseId));
        const pairs: [LinkSide, LinkSide][] = [[tracing, holding], [holding, tracing]];
        for (const [own, other] of pairs) {
          const st = states.get(own.caseId);
          if (!st || isTerminal(st.status) || (st.linkedCase !== undefined && st.linkedCase !== other.caseId)) return false;
        }
        for (const [own, other] of pairs) {
          if (states.get(own.caseId)!.linkedCase === other.caseId) continue;
          const actor: Actor = await actorOf(s, { partyId: own.partyId, userId: own.userId, role: own.role }, tx);
          await appendStoreAction(s, tx, { caseId: own.caseId, action: { type: "link-case", linkedCase: other.caseId, candidate }, actor, clientId: `match-linked:${candidate}` });
        }
        return true;
      });
    },
  };
}
