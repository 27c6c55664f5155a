import { sql } from "kysely";
import { toIso } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { RequestContext } from "../types.ts";
import type { PostReturnCheck } from "./batch-types.ts";

// The post-return checks of the batches the caller's party is part of, due first.
export async function postReturnChecks(s: StoreInternals, ctx: RequestContext, query: { overdue?: boolean } = {}): Promise<PostReturnCheck[]> {
  const today = s.now().toISOString().slice(0, 10);
  const rows = await sql<{ batch_id: string; case_id: string; reunited_at: Date | string; due_date: string; status: string }>`
    select p.batch_id, p.case_id, p.reunited_at, p.due_date, c.status
    from post_return_checks p join batches b on b.id = p.batch_id join cases c on c.id = p.case_id
    where ${ctx.partyId} in (b.mediator_party_id, b.from_party_id, b.to_party_id)
    order by p.due_date, p.case_id`.execute(s.db);
  const checks: PostReturnCheck[] = rows.rows.map((r) => {
    const done = r.status !== "reunited";
    return { batchId: r.batch_id, caseId: r.case_id, reunitedAt: toIso(r.reunited_at), dueDate: r.due_date, done, overdue: !done && r.due_date < today };
  });
  return query.overdue === undefined ? checks : checks.filter((c) => c.overdue === query.overdue);
}
