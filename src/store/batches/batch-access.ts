import { ForbiddenError, NotFoundError } from "../../domain/index.ts";
import { isUuid } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { Db, RequestContext, Tx } from "../types.ts";
import type { BatchRow } from "./batch-read.ts";

export async function isMediator(s: StoreInternals, ctx: RequestContext, db: Db | Tx = s.db): Promise<boolean> {
  const actor = await actorOf(s, ctx, db);
  return actor.partyKind === "mediator" && actor.role === "mediator";
}

// The batch as the caller may see it: null when the caller's party is not part of it.
export async function visibleRow(s: StoreInternals, ctx: RequestContext, id: string, db: Db | Tx = s.db, lock = false): Promise<BatchRow | null> {
  if (!isUuid(id)) return null;
  let q = db.selectFrom("batches" as never).selectAll().where("id" as never, "=", id as never);
  if (lock) q = q.forUpdate();
  const row = (await q.executeTakeFirst()) as BatchRow | undefined;
  if (!row) return null;
  return [row.mediator_party_id, row.from_party_id, row.to_party_id].includes(ctx.partyId) ? row : null;
}

// Only the mediator of the batch acts on it; others who see it get 403, the rest 404.
export async function mediatorRow(s: StoreInternals, ctx: RequestContext, id: string, db: Db | Tx, lock = false): Promise<BatchRow> {
  const row = await visibleRow(s, ctx, id, db, lock);
  if (!row) throw new NotFoundError("no such batch");
  if (row.mediator_party_id !== ctx.partyId || !(await isMediator(s, ctx, db))) throw new ForbiddenError("only the mediator plans and moves a batch");
  return row;
}
