import { sql } from "kysely";
import { toIso } from "../errors-util.ts";
import type { Db, Tx } from "../types.ts";
import type { BatchChild, BatchStatus, BatchView, ReturnFact } from "./batch-types.ts";

export interface BatchRow {
  id: string;
  mediator_party_id: string;
  client_id: string;
  name: string;
  from_party_id: string;
  to_party_id: string;
  planned_date: string;
  handover_point: string;
  status: string;
  status_reason: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  completed_at: Date | string | null;
}

async function childrenOf(db: Db | Tx, ids: readonly string[]): Promise<Map<string, BatchChild[]>> {
  const out = new Map<string, BatchChild[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const list = sql.join(ids.map((id) => sql`${id}::uuid`));
  const children = await sql<{ batch_id: string; case_id: string; added_at: Date | string; released_at: Date | string | null }>`select batch_id, case_id, added_at, released_at
    from batch_children where batch_id in (${list}) order by added_at, case_id`.execute(db);
  const handovers = await sql<{ batch_id: string; case_id: string; party_id: string; at: Date | string }>`select batch_id, case_id, party_id, at
    from batch_handovers where batch_id in (${list}) order by at, party_id`.execute(db);
  const checks = await sql<{ batch_id: string; case_id: string; reunited_at: Date | string; due_date: string }>`select batch_id, case_id, reunited_at, due_date
    from post_return_checks where batch_id in (${list})`.execute(db);
  for (const c of children.rows) {
    const check = checks.rows.find((k) => k.batch_id === c.batch_id && k.case_id === c.case_id);
    out.get(c.batch_id)!.push({
      caseId: c.case_id,
      addedAt: toIso(c.added_at),
      handovers: handovers.rows.filter((h) => h.batch_id === c.batch_id && h.case_id === c.case_id).map((h) => ({ partyId: h.party_id, at: toIso(h.at) })),
      reunitedAt: check ? toIso(check.reunited_at) : null,
      postReturnCheckDue: check?.due_date ?? null,
      releasedAt: c.released_at === null ? null : toIso(c.released_at),
    });
  }
  return out;
}

async function views(db: Db | Tx, rows: readonly BatchRow[]): Promise<BatchView[]> {
  const ids = rows.map((r) => r.id);
  const children = await childrenOf(db, ids);
  const transitions = ids.length === 0 ? { rows: [] } : await sql<{ batch_id: string; from_status: string; to_status: string; reason: string | null; at: Date | string }>`
    select batch_id, from_status, to_status, reason, at from batch_transitions
    where batch_id in (${sql.join(ids.map((id) => sql`${id}::uuid`))}) order by batch_id, seq`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    from: r.from_party_id,
    to: r.to_party_id,
    mediator: r.mediator_party_id,
    plannedDate: r.planned_date,
    handoverPoint: r.handover_point,
    status: r.status as BatchStatus,
    reason: r.status_reason,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    completedAt: r.completed_at === null ? null : toIso(r.completed_at),
    children: children.get(r.id) ?? [],
    transitions: transitions.rows
      .filter((t) => t.batch_id === r.id)
      .map((t) => ({ from: t.from_status as BatchStatus, to: t.to_status as BatchStatus, reason: t.reason, at: toIso(t.at) })),
  }));
}

export async function readBatch(db: Db | Tx, row: BatchRow): Promise<BatchView> {
  return (await views(db, [row]))[0]!;
}

export async function readBatches(db: Db | Tx, partyId: string, status?: BatchStatus): Promise<BatchView[]> {
  const rows = await sql<BatchRow>`select * from batches
    where ${partyId} in (mediator_party_id, from_party_id, to_party_id) and (${status ?? null}::text is null or status = ${status ?? null})
    order by planned_date, created_at, id`.execute(db);
  return views(db, rows.rows);
}

export async function readReturns(db: Db | Tx): Promise<ReturnFact[]> {
  const rows = await sql<{ completed_at: Date | string; kind: string; created_at: Date | string; case_id: string }>`
    select b.completed_at, p.kind, c.created_at, bc.case_id from batches b
    join batch_children bc on bc.batch_id = b.id
    join parties p on p.id = b.to_party_id
    join cases c on c.id = bc.case_id
    where b.status = 'completed' and bc.released_at is null`.execute(db);
  return rows.rows.map((r) => ({
    batchCompletedAt: toIso(r.completed_at),
    direction: r.kind === "holding-authority" ? "to-holding-side" : "to-tracing-side",
    registeredAt: toIso(r.created_at),
    caseId: r.case_id,
  }));
}
