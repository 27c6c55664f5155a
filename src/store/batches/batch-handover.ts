import { sql } from "kysely";
import { NotFoundError } from "../../domain/index.ts";
import type { Role } from "../../domain/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { CasesApi, RequestContext } from "../types.ts";
import { BatchStepError, loadCaseFacts, stillWilling } from "./batch-readiness.ts";
import type { BatchRow } from "./batch-read.ts";

const DAY_MS = 86_400_000;

// One party confirms one child's handover: a signed step on the case. When both parties of
// the batch have, the case is reunited in the name of its owner's confirming person, and the
// post-return check falls due. Every write is keyed so that a repeat, or a second process
// doing the same, changes nothing.
export async function confirmHandoverStep(
  d: { s: StoreInternals; cases: CasesApi; checkDays: number },
  ctx: RequestContext,
  batch: BatchRow,
  caseId: string,
): Promise<void> {
  const { s } = d;
  const member = await sql`select 1 from batch_children where batch_id = ${batch.id} and case_id = ${caseId}`.execute(s.db);
  if (member.rows.length === 0) throw new NotFoundError("no such child in this batch");
  const facts = (await loadCaseFacts(s.db, s.box, caseId))!;
  const missing = stillWilling(facts, s.now());
  if (missing) throw new BatchStepError(missing.missingStep, missing.detail, caseId);
  await d.cases.appendAction(ctx, caseId, { type: "confirm-handover", batchId: batch.id }, { clientId: `batch:${batch.id}:handover:${caseId}:${ctx.partyId}` });
  await sql`insert into batch_handovers (batch_id, case_id, party_id, user_id, at)
    values (${batch.id}, ${caseId}, ${ctx.partyId}, ${ctx.userId}, ${s.now()}) on conflict do nothing`.execute(s.db);
  const handovers = (await sql<{ party_id: string; user_id: string }>`select party_id, user_id from batch_handovers
    where batch_id = ${batch.id} and case_id = ${caseId}`.execute(s.db)).rows;
  const byParty = new Map(handovers.map((h) => [h.party_id, h.user_id]));
  if (!byParty.has(batch.from_party_id) || !byParty.has(batch.to_party_id)) return;
  const ownerUser = byParty.get(facts.ownerPartyId)!;
  const user = await s.db.selectFrom("users").select(["role"]).where("id", "=", ownerUser).executeTakeFirstOrThrow();
  const ownerCtx: RequestContext = { partyId: facts.ownerPartyId, userId: ownerUser, role: user.role as Role, purpose: "handover" };
  const now = s.now();
  await d.cases.appendAction(ownerCtx, caseId, { type: "reunite", date: now.toISOString().slice(0, 10) }, { clientId: `batch:${batch.id}:reunite:${caseId}` });
  const due = new Date(now.getTime() + d.checkDays * DAY_MS).toISOString().slice(0, 10);
  await sql`insert into post_return_checks (batch_id, case_id, reunited_at, due_date)
    values (${batch.id}, ${caseId}, ${now}, ${due}) on conflict do nothing`.execute(s.db);
}
