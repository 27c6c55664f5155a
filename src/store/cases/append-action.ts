import type { ActionRecord, Actor, CaseAction, CaseRelation, CaseState } from "../../domain/index.ts";
import { ConflictError, NotFoundError, ValidationError, decideAction, projectCase, viewFor } from "../../domain/index.ts";
import { checkClientId } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { ActionResult, CasesApi, RequestContext, Tx } from "../types.ts";
import { fullState, loadCase, relationOf, stateFor, viewOf } from "./case-rows.ts";
import { findByClientId, withClientIdRetry } from "./client-id-retry.ts";
import { assertSameRequest } from "./client-id-replay.ts";
import { logAccess } from "./log-access.ts";
import { parseAction } from "./parse-action.ts";
import { writeAction } from "./case-append.ts";

// One step on an existing case, from the request to SQL: the case is locked and loaded, a
// repeated client id replays, then commitAction decides, writes and runs the sinks.
export async function appendAction(
  s: StoreInternals,
  ctx: RequestContext,
  caseId: string,
  input: Parameters<CasesApi["appendAction"]>[2],
  opts: Parameters<CasesApi["appendAction"]>[3],
): Promise<ActionResult> {
  const clientId = checkClientId(opts?.clientId);
  const action = parseAction(input);
  if (action.type === "report") throw new ValidationError("type", '"report" only starts a case: create it instead');
  const actor = await actorOf(s, ctx);
  return withClientIdRetry(s, async (tx): Promise<ActionResult> => {
    // Lock first: a concurrent repeat of this request then finds the first one's action
    // below (and replays it) instead of failing on a version it already moved.
    const row = await loadCase(tx, caseId, actor.partyId, true);
    const prior = await findByClientId(tx, actor.partyId, clientId);
    if (prior) {
      assertSameRequest(s.box, prior, caseId, action);
      const seen = await viewOf(tx, actor, caseId);
      if (!seen) throw new NotFoundError("case not found");
      await logAccess(s, tx, actor, ctx, "write", [{ id: caseId, party: seen.row.party_id }]);
      return { case: projectCase(stateFor(s, seen.row, seen.view), seen.view, s.now()), sequence: prior.sequence, replayed: true };
    }
    const relation = row ? relationOf(row, actor.partyId) : null;
    if (!row || relation === null || viewFor(relation, actor.role, actor.partyKind) === null) {
      throw new NotFoundError("case not found");
    }
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      throw new ConflictError(`the case is at version ${row.version}, not ${opts.expectedVersion}`, row.version);
    }
    const after = await commitAction(s, tx, actor, relation, fullState(s, row), action, clientId);
    if (opts.alongside) await opts.alongside(tx);
    // The caller's relation may have changed (an owner never loses it; a share can be revoked only by the owner).
    const view = viewFor(relation, actor.role, actor.partyKind) ?? "shared";
    await logAccess(s, tx, actor, ctx, "write", [{ id: caseId, party: row.party_id }]);
    return { case: projectCase(after, view, s.now()), sequence: after.version, replayed: false };
  });
}

// Appends one validated action to an existing case inside `tx`, running policy,
// preconditions and sinks.
export async function commitAction(
  s: StoreInternals,
  tx: Tx,
  actor: Actor,
  relation: CaseRelation,
  before: CaseState,
  action: CaseAction,
  clientId: string,
): Promise<CaseState> {
  const now = s.now();
  const caseId = before.id;
  await checkAction(s, tx, actor, relation, before, action, now);
  const record: ActionRecord = {
    caseId,
    sequence: before.version + 1,
    clientId,
    action,
    actor: { userId: actor.userId, partyId: actor.partyId, role: actor.role },
    at: now.toISOString(),
  };
  const after = await writeAction(s, tx, actor, before, record, now);
  return after;
}

// Policy and lifecycle (decideAction), then what the decision needs from outside the case.
async function checkAction(
  s: StoreInternals,
  tx: Tx,
  actor: Actor,
  relation: CaseRelation,
  before: CaseState,
  action: CaseAction,
  now: Date,
): Promise<void> {
  const decision = decideAction({ state: before, action, actor, relation, now });
  if (decision.requires) {
    const check = s.preconditions.get(decision.requires);
    if (check) {
      const reason = await check(tx, { caseId: before.id, action, actor, state: before });
      if (reason !== null) throw new ConflictError(`"${action.type}" requires ${decision.requires}: ${reason}`, before.version);
    }
  }
  if ((action.type === "share" || action.type === "unshare") && !(await partyExists(tx, action.partyId))) {
    throw new ValidationError("partyId", "no such party");
  }
  if (action.type === "mark-duplicate" && !(await canSee(tx, actor, action.duplicateOf))) {
    // The same answer whether the case does not exist or is another party's: existence is sensitive.
    throw new ValidationError("duplicateOf", "names no case you can see");
  }
}

// Actions taken on a new case in the transaction that creates it (a disclosure, a tracing
// request and its shares): the case never exists without them. Their client ids derive from the case's.
export async function commitFollowUps(
  s: StoreInternals,
  tx: Tx,
  actor: Actor,
  created: CaseState,
  actions: readonly CaseAction[],
  clientId: string,
): Promise<CaseState> {
  let state = created;
  for (const [i, action] of actions.entries()) state = await commitAction(s, tx, actor, "owner", state, action, `${clientId}#${i + 1}`);
  return state;
}

async function canSee(tx: Tx, actor: Actor, caseId: string): Promise<boolean> {
  const row = await loadCase(tx, caseId, actor.partyId, false);
  return row !== undefined && viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind) !== null;
}

async function partyExists(tx: Tx, partyId: string): Promise<boolean> {
  return (await tx.selectFrom("parties").select("id").where("id", "=", partyId).executeTakeFirst()) !== undefined;
}
