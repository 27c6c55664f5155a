import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { OpenThreadInput, ThreadSubject } from "../../domain/index.ts";
import { ClientIdReusedError, NotFoundError, OpenThreadSchema, ThreadSubjectSchema, ValidationError, mayUseThread } from "../../domain/index.ts";
import { hashCanonical } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { checkClientId, checkOffset, clampLimit, isUniqueViolation, isUuid, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { RequestContext } from "../types.ts";
import { logThreadList, subjectVisible, threadParties, usableThread, type SubjectDeps, type ThreadRow } from "./thread-access.ts";
import { threadViews, titleAad } from "./thread-codec.ts";
import { createMessageWriter } from "./message-writer.ts";
import type { ThreadsApi, ThreadView } from "./thread-types.ts";

// The open channel: threads about a case or a return batch between one party and the mediator,
// or both sides and the mediator when the mediator opens it so.

export function createThreadRepository(s: StoreInternals, deps: SubjectDeps & { ledger: LedgerStore }): ThreadsApi {
  const writer = createMessageWriter(s, deps);

  async function view(row: ThreadRow, userId: string): Promise<ThreadView> {
    return (await threadViews(s.db, s.atRest, [row], userId))[0]!;
  }

  async function prior(ctx: RequestContext, clientId: string, requestHash: string): Promise<ThreadRow | null> {
    const found = await sql<ThreadRow>`select * from threads where opened_by_party = ${ctx.partyId} and client_id = ${clientId}`.execute(s.db);
    const row = found.rows[0];
    if (!row) return null;
    if (row.request_hash !== requestHash) throw new ClientIdReusedError();
    return row;
  }

  async function open(ctx: RequestContext, input: OpenThreadInput, opts: { clientId: string }): Promise<{ thread: ThreadView; replayed: boolean }> {
    const clientId = checkClientId(opts?.clientId);
    const parsed = OpenThreadSchema.safeParse(input);
    if (!parsed.success) throw validationFromZod(parsed.error);
    const requestHash = hashCanonical(parsed.data, nodeSha256);
    const actor = await actorOf(s, ctx);
    const replay = await prior(ctx, clientId, requestHash);
    if (replay) return { thread: await view(replay, ctx.userId), replayed: true };
    if (!(await subjectVisible(deps, ctx, parsed.data.subject, "thread-open"))) throw new NotFoundError(`no such ${parsed.data.subject.kind}`);
    const { parties, mediator } = await threadParties(deps, s.db, actor, ctx, parsed.data);
    const id = randomUUID();
    const at = s.now();
    try {
      await s.db.transaction().execute(async (tx) => {
        await sql`insert into threads (id, subject_kind, subject_id, mediator_party_id, title, opened_by_party, opened_by_user, client_id, request_hash, created_at)
          values (${id}, ${parsed.data.subject.kind}, ${parsed.data.subject.id}, ${mediator}, ${Buffer.from(s.atRest.seal(parsed.data.title, titleAad(id)))},
            ${ctx.partyId}, ${ctx.userId}, ${clientId}, ${requestHash}, ${at})`.execute(tx);
        for (const p of parties) await sql`insert into thread_parties (thread_id, party_id) values (${id}, ${p})`.execute(tx);
      });
    } catch (e) {
      if (!isUniqueViolation(e, "threads_client_id_idx")) throw e;
      const again = await prior(ctx, clientId, requestHash);
      if (again) return { thread: await view(again, ctx.userId), replayed: true };
      throw e;
    }
    const row = await sql<ThreadRow>`select * from threads where id = ${id}`.execute(s.db);
    return { thread: await view(row.rows[0]!, ctx.userId), replayed: false };
  }

  async function list(ctx: RequestContext, query: { subject?: ThreadSubject; limit?: number; offset?: number } = {}) {
    const limit = clampLimit(query.limit, 50, 200);
    const offset = checkOffset(query.offset);
    if (query.subject !== undefined && !ThreadSubjectSchema.safeParse(query.subject).success) throw new ValidationError("subject", "a subject kind (case, batch) and id");
    const actor = await actorOf(s, ctx);
    if (!mayUseThread(actor, [actor.partyId])) return { items: [], total: 0 };
    const p = ctx.partyId;
    // The party is in the thread and still sees its subject.
    const where = sql`t.id in (select thread_id from thread_parties where party_id = ${p})
      and (${query.subject?.kind ?? null}::text is null or (t.subject_kind = ${query.subject?.kind ?? null} and t.subject_id = ${query.subject?.id ?? null}::uuid))
      and ((t.subject_kind = 'case' and exists (select 1 from cases c where c.id = t.subject_id
            and (c.party_id = ${p} or exists (select 1 from case_shares cs where cs.case_id = c.id and cs.party_id = ${p}))))
        or (t.subject_kind = 'batch' and exists (select 1 from batches b where b.id = t.subject_id
            and ${p} in (b.mediator_party_id, b.from_party_id, b.to_party_id))))`;
    const total = await sql<{ n: number | string }>`select count(*) as n from threads t where ${where}`.execute(s.db);
    const rows = await sql<ThreadRow>`select t.* from threads t where ${where}
      order by coalesce(t.last_message_at, t.created_at) desc, t.id limit ${limit} offset ${offset}`.execute(s.db);
    const caseIds = [...new Set(rows.rows.filter((r) => r.subject_kind === "case").map((r) => r.subject_id))];
    await logThreadList(s.db, actor, "threads", caseIds, s.now());
    return { items: await threadViews(s.db, s.atRest, rows.rows, ctx.userId), total: Number(total.rows[0]!.n) };
  }

  async function get(ctx: RequestContext, id: string): Promise<ThreadView> {
    const actor = await actorOf(s, ctx);
    const { row } = await usableThread(deps, s.db, actor, ctx, id, "thread");
    return view(row, ctx.userId);
  }

  async function markRead(ctx: RequestContext, threadId: string, upTo: string): Promise<{ marked: number }> {
    const actor = await actorOf(s, ctx);
    await usableThread(deps, s.db, actor, ctx, threadId, "thread-read");
    const target = isUuid(upTo)
      ? (await sql<{ seq: number }>`select seq from thread_messages where id = ${upTo} and thread_id = ${threadId}`.execute(s.db)).rows[0]
      : undefined;
    if (!target) throw new ValidationError("upTo", "not a message of this thread");
    const marked = await sql<{ message_id: string }>`insert into thread_reads (message_id, user_id, party_id, read_at)
      select id, ${ctx.userId}, ${ctx.partyId}, ${s.now()} from thread_messages where thread_id = ${threadId} and seq <= ${target.seq}
      on conflict do nothing returning message_id`.execute(s.db);
    return { marked: marked.rows.length };
  }

  return { open, list, get, markRead, post: writer.post, messages: writer.messages, attachment: writer.attachment };
}
