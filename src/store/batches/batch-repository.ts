// Return batches: the mediator plans a group of children going from one party to the other,
// moves it through its states and each party confirms each child's handover. Batch steps are
// signed log entries; a child's joining and handovers are signed steps on its own case.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/index.ts";
import { batchPlanned, batchTransition } from "../../ledger/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { isUuid, toIso, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { CasesApi, Db, RequestContext, Tx } from "../types.ts";
import type { BatchesApi, BatchStatus, PostReturnCheck, TransitionInput } from "./batch-types.ts";
import { BATCH_TRANSITIONS, BatchInputSchema, TransitionInputSchema } from "./batch-types.ts";
import { BatchStepError, loadCaseFacts, readinessFor, stillWilling } from "./batch-readiness.ts";
import { confirmHandoverStep } from "./batch-handover.ts";
import { readBatch, readBatches, readReturns, type BatchRow } from "./batch-read.ts";

export interface BatchSettings {
  // Days from reunion to the post-return check (default 30).
  postReturnCheckDays?: number;
}

export function createBatchRepository(s: StoreInternals, deps: { cases: CasesApi; ledger: LedgerStore; settings?: BatchSettings }): BatchesApi {
  const checkDays = deps.settings?.postReturnCheckDays ?? 30;

  async function isMediator(ctx: RequestContext, db: Db | Tx = s.db): Promise<boolean> {
    const actor = await actorOf(s, ctx, db);
    return actor.partyKind === "mediator" && actor.role === "mediator";
  }

  // The batch as the caller may see it: null when the caller's party is not part of it.
  async function visibleRow(ctx: RequestContext, id: string, db: Db | Tx = s.db, lock = false): Promise<BatchRow | null> {
    if (!isUuid(id)) return null;
    let q = db.selectFrom("batches" as never).selectAll().where("id" as never, "=", id as never);
    if (lock) q = q.forUpdate();
    const row = (await q.executeTakeFirst()) as BatchRow | undefined;
    if (!row) return null;
    return [row.mediator_party_id, row.from_party_id, row.to_party_id].includes(ctx.partyId) ? row : null;
  }

  // Only the mediator of the batch acts on it; others who see it get 403, the rest 404.
  async function mediatorRow(ctx: RequestContext, id: string, db: Db | Tx, lock = false): Promise<BatchRow> {
    const row = await visibleRow(ctx, id, db, lock);
    if (!row) throw new NotFoundError("no such batch");
    if (row.mediator_party_id !== ctx.partyId || !(await isMediator(ctx, db))) throw new ForbiddenError("only the mediator plans and moves a batch");
    return row;
  }

  const api: BatchesApi = {
    async create(ctx, input, opts) {
      if (!(await isMediator(ctx))) throw new ForbiddenError("only the mediator plans a batch");
      const parsed = BatchInputSchema.safeParse(input);
      if (!parsed.success) throw validationFromZod(parsed.error);
      const b = parsed.data;
      for (const [field, party] of [["from", b.from], ["to", b.to]] as const) {
        const kind = (await s.db.selectFrom("parties").select("kind").where("id", "=", party).executeTakeFirst())?.kind;
        if (kind !== "tracing-authority" && kind !== "holding-authority") {
          throw new ValidationError(field, `${party} is not a tracing or holding authority`);
        }
      }
      const existing = await sql<{ id: string }>`select id from batches where mediator_party_id = ${ctx.partyId} and client_id = ${opts.clientId}`.execute(s.db);
      if (existing.rows[0]) return { batch: (await api.get(ctx, existing.rows[0].id))!, replayed: true };
      const id = randomUUID();
      const now = s.now();
      try {
        await s.db.transaction().execute(async (tx) => {
          await sql`insert into batches (id, mediator_party_id, client_id, name, from_party_id, to_party_id, planned_date, handover_point, status, created_at, updated_at)
            values (${id}, ${ctx.partyId}, ${opts.clientId}, ${b.name}, ${b.from}, ${b.to}, ${b.plannedDate}, ${b.handoverPoint}, 'planned', ${now}, ${now})`.execute(tx);
          await deps.ledger.append(tx, {
            id: `batch:${id}:planned`, type: batchPlanned.type, typeVersion: batchPlanned.version, subject: `batch:${id}`,
            party: ctx.partyId, user: ctx.userId, time: now.toISOString(), payload: { batch: id, from: b.from, to: b.to, plannedDate: b.plannedDate },
          }, { partyId: ctx.partyId, userId: ctx.userId });
        });
      } catch (e) {
        const again = await sql<{ id: string }>`select id from batches where mediator_party_id = ${ctx.partyId} and client_id = ${opts.clientId}`.execute(s.db);
        if (again.rows[0]) return { batch: (await api.get(ctx, again.rows[0].id))!, replayed: true };
        throw e;
      }
      return { batch: (await api.get(ctx, id))!, replayed: false };
    },

    async list(ctx, query = {}) {
      return readBatches(s.db, ctx.partyId, query.status);
    },

    async get(ctx, id) {
      const row = await visibleRow(ctx, id);
      return row ? readBatch(s.db, row) : null;
    },

    async addChild(ctx, id, caseId) {
      const row = await mediatorRow(ctx, id, s.db);
      const facts = isUuid(caseId) ? await loadCaseFacts(s.db, s.box, caseId) : null;
      if (!facts || (facts.ownerPartyId !== ctx.partyId && !facts.participants.includes(ctx.partyId))) throw new NotFoundError("no such case");
      // A repeat of an addition that was made changes nothing, whatever the batch became since.
      const inBatch = await sql<{ batch_id: string }>`select batch_id from batch_children where case_id = ${caseId} and batch_id = ${id}`.execute(s.db);
      if (inBatch.rows[0]) return (await api.get(ctx, id))!;
      if (!["planned", "confirmed", "postponed"].includes(row.status)) throw new BatchStepError("status", `a ${row.status} batch takes no more children`);
      const missing = await readinessFor(s.db, facts, { from: row.from_party_id, to: row.to_party_id }, s.now());
      if (missing) throw new BatchStepError(missing.missingStep, missing.detail, caseId);
      if (facts.state.status !== "confirmed-by-mediator") {
        throw new BatchStepError("lifecycle", `the case is ${facts.state.status}: a child joins a batch once the mediator has confirmed the identity report (confirmed-by-mediator)`, caseId);
      }
      await deps.cases.appendAction(ctx, caseId, { type: "schedule", batchId: id, date: row.planned_date }, { clientId: `batch:${id}:add:${caseId}` });
      await sql`insert into batch_children (batch_id, case_id, added_at) values (${id}, ${caseId}, ${s.now()}) on conflict do nothing`.execute(s.db);
      return (await api.get(ctx, id))!;
    },

    async transition(ctx, id, input, opts) {
      const parsed = TransitionInputSchema.safeParse(input);
      if (!parsed.success) throw validationFromZod(parsed.error);
      await s.db.transaction().execute(async (tx) => {
        const row = await mediatorRow(ctx, id, tx, true);
        const done = await sql<{ seq: number }>`select seq from batch_transitions where batch_id = ${id} and client_id = ${opts.clientId}`.execute(tx);
        if (done.rows[0]) return;
        await checkTransition(tx, row, parsed.data);
        await applyTransition(tx, ctx, row, parsed.data, opts.clientId);
      });
      return (await api.get(ctx, id))!;
    },

    async confirmHandover(ctx, id, caseId, opts = {}) {
      const row = await visibleRow(ctx, id);
      if (!row) throw new NotFoundError("no such batch");
      if (![row.from_party_id, row.to_party_id].includes(ctx.partyId)) throw new ForbiddenError("the sending and the receiving party confirm handovers");
      if (row.status !== "in-transit") throw new BatchStepError("status", `handovers are confirmed while the batch is in transit (it is ${row.status})`);
      await confirmHandoverStep({ s, cases: deps.cases, checkDays }, ctx, row, caseId, opts.on);
      return (await api.get(ctx, id))!;
    },

    async postReturnChecks(ctx, query = {}) {
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
    },

    async returns() {
      return readReturns(s.db);
    },
  };

  async function checkTransition(tx: Tx, row: BatchRow, input: TransitionInput): Promise<void> {
    const from = row.status as BatchStatus;
    if (!BATCH_TRANSITIONS[from].includes(input.to)) throw new BatchStepError("status", `a ${from} batch cannot become ${input.to}`);
    if ((input.to === "postponed" || input.to === "cancelled") && !input.reason) throw new ValidationError("reason", `a batch is ${input.to} with a reason`);
    if (from === "postponed" && input.to === "planned" && !input.plannedDate) throw new ValidationError("plannedDate", "a postponed batch is planned again with its new date");
    if (input.to === "confirmed" || input.to === "in-transit") {
      const children = await sql<{ case_id: string }>`select case_id from batch_children where batch_id = ${row.id} order by case_id`.execute(tx);
      if (children.rows.length === 0) throw new BatchStepError("children", "a batch with no children cannot be confirmed");
      for (const c of children.rows) {
        const facts = (await loadCaseFacts(tx, s.box, c.case_id))!;
        const missing = stillWilling(facts, s.now());
        if (missing) throw new BatchStepError(missing.missingStep, `case ${c.case_id}: ${missing.detail}`, c.case_id);
      }
    }
    if (input.to === "completed") {
      const open = await sql<{ case_id: string }>`select bc.case_id from batch_children bc
        where bc.batch_id = ${row.id} and (select count(*) from batch_handovers h where h.batch_id = bc.batch_id and h.case_id = bc.case_id) < 2
        order by bc.case_id`.execute(tx);
      if (open.rows.length > 0) {
        throw new BatchStepError("handovers", `both parties have not yet confirmed the handover of ${open.rows.map((r) => r.case_id).join(", ")}`, open.rows[0]!.case_id);
      }
    }
  }

  async function applyTransition(tx: Tx, ctx: RequestContext, row: BatchRow, input: TransitionInput, clientId: string): Promise<void> {
    const now = s.now();
    const seq = Number((await sql<{ n: string | number }>`select count(*) as n from batch_transitions where batch_id = ${row.id}`.execute(tx)).rows[0]!.n) + 1;
    const plannedDate = input.to === "planned" ? input.plannedDate! : row.planned_date;
    const { index } = await deps.ledger.append(tx, {
      id: `batch:${row.id}:transition:${seq}`, type: batchTransition.type, typeVersion: batchTransition.version, subject: `batch:${row.id}`,
      party: ctx.partyId, user: ctx.userId, time: now.toISOString(),
      payload: { batch: row.id, from: row.status as BatchStatus, to: input.to, ...(input.to === "planned" ? { plannedDate } : {}) },
    }, { partyId: ctx.partyId, userId: ctx.userId });
    await sql`insert into batch_transitions (batch_id, seq, client_id, from_status, to_status, reason, user_id, at, entry_idx)
      values (${row.id}, ${seq}, ${clientId}, ${row.status}, ${input.to}, ${input.reason ?? null}, ${ctx.userId}, ${now}, ${index})`.execute(tx);
    await sql`update batches set status = ${input.to}, status_reason = ${input.reason ?? null}, planned_date = ${plannedDate}, updated_at = ${now},
      completed_at = ${input.to === "completed" ? now : null} where id = ${row.id}`.execute(tx);
  }

  return api;
}
