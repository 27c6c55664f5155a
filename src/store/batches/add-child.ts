import { sql } from "kysely";
import { NotFoundError } from "../../domain/index.ts";
import { isUuid } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { CasesApi, RequestContext } from "../types.ts";
import { mediatorRow } from "./batch-access.ts";
import { BatchStepError, loadCaseFacts, readinessFor } from "./batch-readiness.ts";

// A child joins a batch once ready (verified, consenting, confirmed by the mediator): a signed
// "schedule" step on its case.
export async function addChild(s: StoreInternals, cases: CasesApi, ctx: RequestContext, id: string, caseId: string): Promise<void> {
  const row = await mediatorRow(s, ctx, id, s.db);
  const facts = isUuid(caseId) ? await loadCaseFacts(s.db, s, caseId) : null;
  if (!facts || (facts.ownerPartyId !== ctx.partyId && !facts.participants.includes(ctx.partyId))) throw new NotFoundError("no such case");
  // A repeat of an addition that was made changes nothing, whatever the batch became since.
  const inBatch = await sql<{ joined: number; released_at: Date | null }>`select joined, released_at from batch_children where case_id = ${caseId} and batch_id = ${id}`.execute(s.db);
  const prior = inBatch.rows[0];
  if (prior && prior.released_at === null) return;
  // A postponed batch let go of its children: it takes them again once planned with its new date.
  if (!["planned", "confirmed"].includes(row.status)) throw new BatchStepError("status", `a ${row.status} batch takes no more children`);
  const missing = await readinessFor(s.db, facts, { from: row.from_party_id, to: row.to_party_id }, s.now());
  if (missing) throw new BatchStepError(missing.missingStep, missing.detail, caseId);
  if (facts.state.status !== "confirmed-by-mediator") {
    throw new BatchStepError("lifecycle", `the case is ${facts.state.status}: a child joins a batch once the mediator has confirmed the identity report (confirmed-by-mediator)`, caseId);
  }
  // Joining again after a release is a new step, keyed apart from the first.
  const joined = prior ? prior.joined + 1 : 1;
  await cases.appendAction(ctx, caseId, { type: "schedule", batchId: id, date: row.planned_date }, { clientId: `batch:${id}:add:${caseId}${joined > 1 ? `:${joined}` : ""}` });
  await sql`insert into batch_children (batch_id, case_id, added_at, joined) values (${id}, ${caseId}, ${s.now()}, ${joined})
    on conflict (batch_id, case_id) do update set released_at = null, joined = ${joined}, added_at = ${s.now()}`.execute(s.db);
}
