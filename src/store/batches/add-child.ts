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
  const inBatch = await sql<{ batch_id: string }>`select batch_id from batch_children where case_id = ${caseId} and batch_id = ${id}`.execute(s.db);
  if (inBatch.rows[0]) return;
  if (!["planned", "confirmed", "postponed"].includes(row.status)) throw new BatchStepError("status", `a ${row.status} batch takes no more children`);
  const missing = await readinessFor(s.db, facts, { from: row.from_party_id, to: row.to_party_id }, s.now());
  if (missing) throw new BatchStepError(missing.missingStep, missing.detail, caseId);
  if (facts.state.status !== "confirmed-by-mediator") {
    throw new BatchStepError("lifecycle", `the case is ${facts.state.status}: a child joins a batch once the mediator has confirmed the identity report (confirmed-by-mediator)`, caseId);
  }
  await cases.appendAction(ctx, caseId, { type: "schedule", batchId: id, date: row.planned_date }, { clientId: `batch:${id}:add:${caseId}` });
  await sql`insert into batch_children (batch_id, case_id, added_at) values (${id}, ${caseId}, ${s.now()}) on conflict do nothing`.execute(s.db);
}
