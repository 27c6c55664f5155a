import type { CaseAction, CaseInput } from "../../domain/index.ts";
import { CaseInputSchema, ConflictError, ValidationError, defaultSide, projectCase, viewFor } from "../../domain/index.ts";
import { checkClientId, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { CasesApi, CreateResult, RequestContext } from "../types.ts";
import { commitFollowUps } from "./append-action.ts";
import { stateFor, viewOf } from "./case-rows.ts";
import { findByClientId, withClientIdRetry } from "./client-id-retry.ts";
import { assertSameRequest } from "./client-id-replay.ts";
import { logAccess } from "./log-access.ts";
import { parseFollowUp } from "./parse-action.ts";
import { prepareNewCase } from "./prepare-new-case.ts";
import { runSinks } from "./run-sinks.ts";

// A new case: its "report" action and any follow-ups, in one transaction; a repeated client id replays.
export async function createCase(
  s: StoreInternals,
  ctx: RequestContext,
  input: CaseInput,
  opts: Parameters<CasesApi["create"]>[2],
): Promise<CreateResult> {
  const clientId = checkClientId(opts?.clientId);
  const parsed = CaseInputSchema.safeParse(input);
  if (!parsed.success) throw validationFromZod(parsed.error);
  const action: CaseAction = { type: "report", details: parsed.data, ...(opts.side ? { side: opts.side } : {}) };
  const followUps = (opts.followUps ?? []).map((a, i) => parseFollowUp(a, i));
  const actor = await actorOf(s, ctx);
  return withClientIdRetry(s, async (tx): Promise<CreateResult> => {
    const prior = await findByClientId(tx, actor.partyId, clientId);
    if (prior) {
      // The side is recorded as defaulted (see prepareNewCase): compare like with like.
      assertSameRequest(s.box, prior, null, action.side === undefined ? { ...action, side: defaultSide(actor.partyKind) } : action);
      const seen = await viewOf(tx, actor, prior.case_id);
      if (!seen) throw new ConflictError("this client id was already used for another request");
      await logAccess(s, tx, actor, ctx, "write", [{ id: prior.case_id, party: seen.row.party_id }]);
      return { id: prior.case_id, case: projectCase(stateFor(s, seen.row, seen.view), seen.view, s.now()), replayed: true };
    }
    const id = crypto.randomUUID();
    const prepared = fieldsOfInput(() => prepareNewCase(s, actor, id, action, clientId, s.now()));
    await tx.insertInto("cases").values(prepared.caseRow).execute();
    await tx.insertInto("case_actions").values(prepared.actionRow).execute();
    await runSinks(s, tx, prepared.event);
    const after = await commitFollowUps(s, tx, actor, prepared.event.after, followUps, clientId);
    const view = viewFor("owner", actor.role, actor.partyKind) ?? "full";
    await logAccess(s, tx, actor, ctx, "write", [{ id, party: actor.partyId }]);
    return { id, case: projectCase(after, view, s.now()), replayed: false };
  });
}

// The input is the "report" action's details, and the policy names the fields of the action
// ("details.birthDate"): errors name them as the caller sent them ("birthDate").
function fieldsOfInput<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const strip = (p: string) => p.replace(/^details\./, "");
    const message = e.issues.find((i) => i.path === e.path)?.message ?? e.message;
    throw new ValidationError(strip(e.path), message, e.issues.map((i) => ({ path: strip(i.path), message: i.message })));
  }
}
