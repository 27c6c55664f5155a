import { sql } from "kysely";
import { ValidationError } from "../../domain/index.ts";
import { batchTransition } from "../../ledger/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { RequestContext, Tx } from "../types.ts";
import type { BatchStatus, TransitionInput } from "./batch-types.ts";
import { BATCH_TRANSITIONS } from "./batch-types.ts";
import { BatchStepError, loadCaseFacts, stillWilling } from "./batch-readiness.ts";
import type { BatchRow } from "./batch-read.ts";
import { releaseChildren } from "./release-children.ts";

// Whether the batch may take this step now: the transition is allowed, its reason or date is
// given, every child is still ready to go (confirmed, in transit) or handed over (completed).
export async function checkTransition(s: StoreInternals, tx: Tx, row: BatchRow, input: TransitionInput): Promise<void> {
  const from = row.status as BatchStatus;
  if (!BATCH_TRANSITIONS[from].includes(input.to)) throw new BatchStepError("status", `a ${from} batch cannot become ${input.to}`);
  if ((input.to === "postponed" || input.to === "cancelled") && !input.reason) throw new ValidationError("reason", `a batch is ${input.to} with a reason`);
  if (from === "postponed" && input.to === "planned" && !input.plannedDate) throw new ValidationError("plannedDate", "a postponed batch is planned again with its new date");
  if (input.to === "confirmed" || input.to === "in-transit") {
    const children = await sql<{ case_id: string }>`select case_id from batch_children where batch_id = ${row.id} and released_at is null order by case_id`.execute(tx);
    if (children.rows.length === 0) throw new BatchStepError("children", "a batch with no children cannot be confirmed");
    for (const c of children.rows) {
      const facts = (await loadCaseFacts(tx, s, c.case_id))!;
      const missing = stillWilling(facts, s.now());
      if (missing) throw new BatchStepError(missing.missingStep, `case ${c.case_id}: ${missing.detail}`, c.case_id);
    }
  }
  if (input.to === "completed") {
    const open = await sql<{ case_id: string }>`select bc.case_id from batch_children bc
      where bc.batch_id = ${row.id} and bc.released_at is null and (select count(*) from batch_handovers h where h.batch_id = bc.batch_id and h.case_id = bc.case_id) < 2
      order by bc.case_id`.execute(tx);
    if (open.rows.length > 0) {
      throw new BatchStepError("handovers", `both parties have not yet confirmed the handover of ${open.rows.map((r) => r.case_id).join(", ")}`, open.rows[0]!.case_id);
    }
  }
}

// The step as a signed log entry, a row of the batch's history and the batch's new state.
export async function applyTransition(s: StoreInternals, ledger: LedgerStore, tx: Tx, ctx: RequestContext, row: BatchRow, input: TransitionInput, clientId: string): Promise<void> {
  const now = s.now();
  const seq = Number((await sql<{ n: string | number }>`select count(*) as n from batch_transitions where batch_id = ${row.id}`.execute(tx)).rows[0]!.n) + 1;
  const plannedDate = input.to === "planned" ? input.plannedDate! : row.planned_date;
  const { index } = await ledger.append(tx, {
    id: `batch:${row.id}:transition:${seq}`, type: batchTransition.type, typeVersion: batchTransition.version, subject: `batch:${row.id}`,
    party: ctx.partyId, user: ctx.userId, time: now.toISOString(),
    payload: { batch: row.id, from: row.status as BatchStatus, to: input.to, ...(input.to === "planned" ? { plannedDate } : {}) },
  }, { partyId: ctx.partyId, userId: ctx.userId });
  await sql`insert into batch_transitions (batch_id, seq, client_id, from_status, to_status, reason, user_id, at, entry_idx)
    values (${row.id}, ${seq}, ${clientId}, ${row.status}, ${input.to}, ${input.reason ?? null}, ${ctx.userId}, ${now}, ${index})`.execute(tx);
  await sql`update batches set status = ${input.to}, status_reason = ${input.reason ?? null}, planned_date = ${plannedDate}, updated_at = ${now},
    completed_at = ${input.to === "completed" ? now : null} where id = ${row.id}`.execute(tx);
  if (input.to === "cancelled" || input.to === "postponed") await releaseChildren(s, tx, ctx, row, seq, input.reason);
}
