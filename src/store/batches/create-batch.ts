import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { ForbiddenError, ValidationError } from "../../domain/index.ts";
import { batchPlanned } from "../../ledger/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { RequestContext } from "../types.ts";
import { isMediator } from "./batch-access.ts";
import type { BatchesApi } from "./batch-types.ts";
import { BatchInputSchema } from "./batch-types.ts";

// The mediator plans a batch between two authorities; a signed log entry. Idempotent on the client id.
export async function createBatch(
  s: StoreInternals,
  ledger: LedgerStore,
  ctx: RequestContext,
  input: Parameters<BatchesApi["create"]>[1],
  opts: Parameters<BatchesApi["create"]>[2],
): Promise<{ id: string; replayed: boolean }> {
  if (!(await isMediator(s, ctx))) throw new ForbiddenError("only the mediator plans a batch");
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
  if (existing.rows[0]) return { id: existing.rows[0].id, replayed: true };
  const id = randomUUID();
  const now = s.now();
  try {
    await s.db.transaction().execute(async (tx) => {
      await sql`insert into batches (id, mediator_party_id, client_id, name, from_party_id, to_party_id, planned_date, handover_point, status, created_at, updated_at)
        values (${id}, ${ctx.partyId}, ${opts.clientId}, ${b.name}, ${b.from}, ${b.to}, ${b.plannedDate}, ${b.handoverPoint}, 'planned', ${now}, ${now})`.execute(tx);
      await ledger.append(tx, {
        id: `batch:${id}:planned`, type: batchPlanned.type, typeVersion: batchPlanned.version, subject: `batch:${id}`,
        party: ctx.partyId, user: ctx.userId, time: now.toISOString(), payload: { batch: id, from: b.from, to: b.to, plannedDate: b.plannedDate },
      }, { partyId: ctx.partyId, userId: ctx.userId });
    });
  } catch (e) {
    const again = await sql<{ id: string }>`select id from batches where mediator_party_id = ${ctx.partyId} and client_id = ${opts.clientId}`.execute(s.db);
    if (again.rows[0]) return { id: again.rows[0].id, replayed: true };
    throw e;
  }
  return { id, replayed: false };
}
