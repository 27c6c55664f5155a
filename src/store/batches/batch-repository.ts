// Return batches: the mediator plans a group of children going from one party to the other,
// moves it through its states and each party confirms each child's handover. Batch steps are
// signed log entries; a child's joining and handovers are signed steps on its own case.
import { sql } from "kysely";
import { ForbiddenError, NotFoundError } from "../../domain/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { CasesApi } from "../types.ts";
import type { BatchesApi } from "./batch-types.ts";
import { TransitionInputSchema } from "./batch-types.ts";
import { BatchStepError } from "./batch-readiness.ts";
import { confirmHandoverStep } from "./batch-handover.ts";
import { readBatch, readBatches, readReturns } from "./batch-read.ts";
import { mediatorRow, visibleRow } from "./batch-access.ts";
import { createBatch } from "./create-batch.ts";
import { addChild } from "./add-child.ts";
import { applyTransition, checkTransition } from "./batch-transition.ts";
import { postReturnChecks } from "./post-return-checks.ts";

export interface BatchSettings {
  // Days from reunion to the post-return check (default 30).
  postReturnCheckDays?: number;
}

export function createBatchRepository(s: StoreInternals, deps: { cases: CasesApi; ledger: LedgerStore; settings?: BatchSettings }): BatchesApi {
  const checkDays = deps.settings?.postReturnCheckDays ?? 30;

  const api: BatchesApi = {
    async create(ctx, input, opts) {
      const { id, replayed } = await createBatch(s, deps.ledger, ctx, input, opts);
      return { batch: (await api.get(ctx, id))!, replayed };
    },

    async list(ctx, query = {}) {
      return readBatches(s.db, ctx.partyId, query.status);
    },

    async get(ctx, id) {
      const row = await visibleRow(s, ctx, id);
      return row ? readBatch(s.db, row) : null;
    },

    async addChild(ctx, id, caseId) {
      await addChild(s, deps.cases, ctx, id, caseId);
      return (await api.get(ctx, id))!;
    },

    async transition(ctx, id, input, opts) {
      const parsed = TransitionInputSchema.safeParse(input);
      if (!parsed.success) throw validationFromZod(parsed.error);
      await s.db.transaction().execute(async (tx) => {
        const row = await mediatorRow(s, ctx, id, tx, true);
        const done = await sql<{ seq: number }>`select seq from batch_transitions where batch_id = ${id} and client_id = ${opts.clientId}`.execute(tx);
        if (done.rows[0]) return;
        await checkTransition(s, tx, row, parsed.data);
        await applyTransition(s, deps.ledger, tx, ctx, row, parsed.data, opts.clientId);
      });
      return (await api.get(ctx, id))!;
    },

    async confirmHandover(ctx, id, caseId, opts = {}) {
      const row = await visibleRow(s, ctx, id);
      if (!row) throw new NotFoundError("no such batch");
      if (![row.from_party_id, row.to_party_id].includes(ctx.partyId)) throw new ForbiddenError("the sending and the receiving party confirm handovers");
      if (row.status !== "in-transit") throw new BatchStepError("status", `handovers are confirmed while the batch is in transit (it is ${row.status})`);
      await confirmHandoverStep({ s, cases: deps.cases, checkDays }, ctx, row, caseId, opts.on);
      return (await api.get(ctx, id))!;
    },

    postReturnChecks: (ctx, query = {}) => postReturnChecks(s, ctx, query),

    async returns() {
      return readReturns(s.db);
    },
  };
  return api;
}
