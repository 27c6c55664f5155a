import type { CaseAction, LinkedStep } from "../../domain/index.ts";
import { LINKED_STEPS } from "../../domain/index.ts";
import { appendStoreAction } from "../cases/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { ActionEvent, ActionSink, Tx } from "../types.ts";

function isLinkedStep(type: CaseAction["type"]): type is LinkedStep {
  return (LINKED_STEPS as readonly string[]).includes(type);
}

// What the linked case learns of the step: the step, the state, the batch, the joint report and
// the day of reunion. Never a note, a contact or the place of reunion (one party's own).
export function followOf(event: ActionEvent): CaseAction | null {
  const { action, after } = event;
  if (!isLinkedStep(action.type) || after.linkedCase === undefined) return null;
  const follow: Extract<CaseAction, { type: "follow-linked" }> = { type: "follow-linked", linkedCase: event.caseId, step: action.type, status: after.status };
  if ("batchId" in action && action.batchId !== undefined) follow.batchId = action.batchId;
  if ("reportRef" in action && action.reportRef !== undefined) follow.reportRef = action.reportRef;
  if ((action.type === "reunite" || action.type === "schedule") && action.date !== undefined) follow.date = action.date;
  return follow;
}

// A sink: a step on a linked case is followed on the other case in the same transaction, in
// the name of the person who took it (their key signs both entries). A linked case closed for
// good (withdrawn, a duplicate, declined) follows no more.
export function followLinkedSink(s: StoreInternals): ActionSink {
  return async (tx: Tx, event: ActionEvent) => {
    const follow = followOf(event);
    if (follow === null) return;
    await appendStoreAction(s, tx, {
      caseId: event.after.linkedCase!,
      action: follow,
      actor: event.actor,
      clientId: `linked:${event.caseId}:${event.sequence}`,
    });
  };
}
