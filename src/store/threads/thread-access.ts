import { sql } from "kysely";
import type { Actor, PartyKind, ThreadSubject } from "../../domain/index.ts";
import { ForbiddenError, NotFoundError, ValidationError, isMediator, mayUseThread, threadOpeningProblem } from "../../domain/index.ts";
import type { BatchesApi } from "../batches/index.ts";
import { isUuid } from "../errors-util.ts";
import type { CasesApi, Db, RequestContext, Tx } from "../types.ts";

// Who may see a thread and its subject. A thread about a case is read only by people of its
// parties who still see the case, and each such read is a read of the case in the access log.

export interface ThreadRow {
  id: string;
  subject_kind: "case" | "batch";
  subject_id: string;
  mediator_party_id: string;
  title: Uint8Array;
  opened_by_party: string;
  opened_by_user: string;
  client_id: string;
  request_hash: string;
  created_at: Date | string;
  last_message_at: Date | string | null;
}

export interface SubjectDeps {
  cases: CasesApi;
  batches: () => BatchesApi;
}

/** Null when the caller may not see the subject. A case read here is in the access log under `purpose`. */
export async function subjectVisible(deps: SubjectDeps, ctx: RequestContext, subject: ThreadSubject, purpose: string): Promise<boolean> {
  if (subject.kind === "case") return (await deps.cases.get({ ...ctx, purpose }, subject.id)) !== null;
  return (await deps.batches().get(ctx, subject.id)) !== null;
}

export async function loadThreadRow(db: Db | Tx, id: string, lock = false): Promise<{ row: ThreadRow; parties: string[] } | null> {
  if (!isUuid(id)) return null;
  const found = await sql<ThreadRow>`select * from threads where id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  const row = found.rows[0];
  if (!row) return null;
  const parties = await sql<{ party_id: string }>`select party_id from thread_parties where thread_id = ${id} order by party_id`.execute(db);
  return { row, parties: parties.rows.map((p) => p.party_id) };
}

/** The thread, when the caller is one of its people and still sees its subject; NotFoundError otherwise. */
export async function usableThread(deps: SubjectDeps, db: Db | Tx, actor: Actor, ctx: RequestContext, id: string, purpose: string, lock = false) {
  const found = await loadThreadRow(db, id, lock);
  if (!found || !mayUseThread(actor, found.parties)) throw new NotFoundError("no such thread");
  const subject: ThreadSubject = { kind: found.row.subject_kind, id: found.row.subject_id };
  if (!(await subjectVisible(deps, ctx, subject, purpose))) throw new NotFoundError("no such thread");
  return found;
}

async function kindsOf(db: Db, ids: readonly string[]): Promise<Map<string, PartyKind>> {
  const rows = await sql<{ id: string; kind: PartyKind }>`select id, kind from parties where id = any(${[...ids]}::text[])`.execute(db);
  const kinds = new Map(rows.rows.map((r) => [r.id, r.kind]));
  ids.forEach((id, i) => {
    if (!kinds.has(id)) throw new ValidationError(i === ids.length - 1 ? "mediator" : `parties.${i}`, `no such party: ${id}`);
  });
  return kinds;
}

// The parties that see a case: its owner and the parties it is shared with.
async function caseParties(db: Db, caseId: string): Promise<Map<string, "owner" | "view" | "participate">> {
  const rows = await sql<{ party_id: string; scope: "owner" | "view" | "participate" }>`
    select party_id, 'owner' as scope from cases where id = ${caseId}
    union all select party_id, scope from case_shares where case_id = ${caseId}`.execute(db);
  return new Map(rows.rows.map((r) => [r.party_id, r.scope]));
}

async function batchParties(deps: SubjectDeps, ctx: RequestContext, batchId: string): Promise<{ mediator: string; all: string[] }> {
  const batch = await deps.batches().get(ctx, batchId);
  if (!batch) throw new NotFoundError("no such batch");
  return { mediator: batch.mediator, all: [batch.mediator, batch.from, batch.to] };
}

/**
 * The thread's parties (the mediator last) once the opener may open it: a party opens one with the
 * mediator of the subject; only the mediator brings both sides in. Every party must see the subject.
 */
export async function threadParties(
  deps: SubjectDeps,
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  input: { subject: ThreadSubject; parties: string[]; mediator?: string | undefined },
): Promise<{ parties: string[]; mediator: string }> {
  let seeing: Map<string, string>;
  let subjectMediators: string[];
  if (input.subject.kind === "case") {
    seeing = await caseParties(db, input.subject.id);
    const kinds = await kindsOf(db, [...seeing.keys()]);
    subjectMediators = [...seeing.keys()].filter((p) => kinds.get(p) === "mediator");
  } else {
    const b = await batchParties(deps, ctx, input.subject.id);
    seeing = new Map(b.all.map((p) => [p, "participate"]));
    subjectMediators = [b.mediator];
  }
  const mediator = input.mediator ?? (isMediator(actor) ? actor.partyId : subjectMediators.length === 1 ? subjectMediators[0] : undefined);
  if (mediator === undefined) {
    throw new ValidationError("mediator", subjectMediators.length === 0 ? "no mediator works this subject" : "name the mediator of the thread");
  }
  const parties = [...new Set(input.parties)].filter((p) => p !== mediator);
  const kinds = await kindsOf(db, [...parties, mediator]);
  const problem = threadOpeningProblem(actor, new Map([...parties, mediator].map((p) => [p, kinds.get(p)!])));
  if (problem !== null) {
    // Who may open which thread is a permission (403); a thread of the wrong shape is bad input (422).
    const permission = problem.field === "role" || problem.message.startsWith("a party opens") || problem.message.includes("own party");
    throw permission ? new ForbiddenError(problem.message) : new ValidationError(problem.field, problem.message);
  }
  for (const [i, p] of [...parties, mediator].entries()) {
    if (!seeing.has(p)) throw new ValidationError(i < parties.length ? `parties.${i}` : "mediator", `${p} does not work this ${input.subject.kind}`);
  }
  return { parties: [...parties, mediator], mediator };
}

/** Lists of threads about cases are reads of those cases in the access log. */
export async function logThreadList(db: Db, actor: Actor, purpose: string, caseIds: readonly string[], at: Date): Promise<void> {
  if (caseIds.length === 0) return;
  await sql`insert into access_log (at, user_id, party_id, role, case_id, case_party_id, kind, purpose)
    select ${at}, ${actor.userId}, ${actor.partyId}, ${actor.role}, c.id, c.party_id, 'list', ${purpose}
    from cases c where c.id = any(${[...caseIds]}::uuid[])`.execute(db);
}
