import { sql } from "kysely";
import type { CaseState } from "../../domain/index.ts";
import { appendStoreAction, mergeState, openSensitive, readSummary } from "../cases/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { RequestContext, Tx } from "../types.ts";
import type { BatchRow } from "./batch-read.ts";

// Still waiting in this batch: scheduled for it, or put on hold while scheduled for it.
function waitingIn(state: CaseState, batchId: string): boolean {
  if (state.batchId !== batchId) return false;
  return state.status === "scheduled" || (state.status === "on-hold" && state.statusBeforeHold === "scheduled");
}

/**
 * A batch cancelled or postponed lets go of every child not yet handed over to both parties:
 * an "unschedule" step on the case (in the mediator's name, in the transition's transaction)
 * takes it back to confirmed-by-mediator, from where it can join another batch; its linked case
 * follows. The batch keeps the child listed as released. A postponed batch planned again takes
 * its children anew.
 */
export async function releaseChildren(s: StoreInternals, tx: Tx, ctx: RequestContext, row: BatchRow, seq: number, reason: string | undefined): Promise<void> {
  const actor = await actorOf(s, ctx, tx);
  const children = await sql<{ case_id: string }>`select bc.case_id from batch_children bc
    where bc.batch_id = ${row.id} and bc.released_at is null
      and not exists (select 1 from post_return_checks p where p.batch_id = bc.batch_id and p.case_id = bc.case_id)
    order by bc.case_id`.execute(tx);
  for (const { case_id: caseId } of children.rows) {
    const found = await tx.selectFrom("cases").select(["id", "summary", "sensitive"]).where("id", "=", caseId).executeTakeFirst();
    const state = found ? mergeState(readSummary(s.atRest, found.id, found.summary), openSensitive(s.box, found.id, found.sensitive)) : null;
    if (state && waitingIn(state, row.id)) {
      await appendStoreAction(s, tx, {
        caseId,
        action: { type: "unschedule", batchId: row.id, ...(reason ? { reason } : {}) },
        actor,
        clientId: `batch:${row.id}:release:${caseId}:${seq}`,
      });
    }
    await sql`update batch_children set released_at = ${s.now()} where batch_id = ${row.id} and case_id = ${caseId}`.execute(tx);
  }
}
