import { sql } from "kysely";
import { NotFoundError, ValidationError } from "../../domain/index.ts";
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
  on?: string,
): Promise<void> {
  const { s } = d;
  const today = s.now().toISOString().slice(0, 10);
  if (on !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`)) || on > today)) {
    throw new ValidationError("on", "the day of the handover, YYYY-MM-DD, not in the future");
  }
  const member = await sql`select 1 from batch_children where batch_id = ${batch.id} and case_id = ${caseId} and released_at is null`.execute(s.db);
  if (member.rows.length === 0) throw new NotFoundError("no such child in this batch");
  const facts = (await loadCaseFacts(s.db, s, caseId))!;
  const missing = stillWilling(facts, s.now());
  if (missing) throw new BatchStepError(missing.missingStep, missing.detail, caseId);
  await d.cases.appendAction(ctx, caseId, { type: "confirm-handover", batchId: batch.id }, { clientId: `batch:${batch.id}:handover:${caseId}:${ctx.partyId}` });
  await sql`insert into batch_handovers (batch_id, case_id, party_id, user_id, at, handed_over_on)
    values (${batch.id}, ${caseId}, ${ctx.partyId}, ${ctx.userId}, ${s.now()}, ${on ?? today}) on conflict do nothing`.execute(s.db);
  const handovers = (await sql<{ party_id: string; user_id: string; handed_over_on: string | null }>`select party_id, user_id, handed_over_on from batch_handovers
    where batch_id = ${batch.id} and case_id = ${caseId}`.execute(s.db)).rows;
  const byParty = new Map(handovers.map((h) => [h.party_id, h.user_id]));
  if (!byParty.has(batch.from_party_id) || !byParty.has(batch.to_party_id)) return;
  const ownerUser = byParty.get(facts.ownerPartyId)!;
  const user = await s.db.selectFrom("users").select(["role"]).where("id", "=", ownerUser).executeTakeFirstOrThrow();
  const ownerCtx: RequestContext = { partyId: facts.ownerPartyId, userId: ownerUser, role: user.role as Role, purpose: "handover" };
  // Reunited on the later of the two days the parties give (today when they give none).
  const day = handovers.map((h) => h.handed_over_on ?? today).sort().at(-1)!;
  await d.cases.appendAction(ownerCtx, caseId, { type: "reunite", date: day }, { clientId: `batch:${batch.id}:reunite:${caseId}` });
  const reunitedAt = day === today ? s.now() : new Date(`${day}T12:00:00Z`);
  const due = new Date(Date.parse(`${day}T00:00:00Z`) + d.checkDays * DAY_MS).toISOString().slice(0, 10);
  await sql`insert into post_return_checks (batch_id, case_id, reunited_at, due_date)
    values (${batch.id}, ${caseId}, ${reunitedAt}, ${due}) on conflict do nothing`.execute(s.db);
}
