import type { ActionRecord, Actor, CaseAction } from "../../domain/index.ts";
import { applyAction, decideAction, defaultSide } from "../../domain/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { ActionEvent } from "../types.ts";
import { actionAad, NAME_KEYS_VERSION, sealSensitive, storedNameKeys } from "./case-codec.ts";

// The `case_actions` row of one action, its payload sealed.
export function actionRow(box: SealedBox, actor: Actor, record: ActionRecord, now: Date) {
  return {
    case_id: record.caseId,
    sequence: record.sequence,
    client_id: record.clientId,
    type: record.action.type,
    actor_user_id: actor.userId,
    actor_party_id: actor.partyId,
    actor_role: actor.role,
    at: now,
    payload: box.seal(JSON.stringify(record.action), actionAad(record.caseId, record.sequence)),
  };
}

// A new case's rows, built without touching the database (so an import can write many at once).
export function prepareNewCase(s: StoreInternals, actor: Actor, caseId: string, reported: CaseAction, clientId: string, now: Date) {
  // Without a side, a party reports from its kind's usual side (see case-side.ts).
  const action = reported.type === "report" && reported.side === undefined ? { ...reported, side: defaultSide(actor.partyKind) } : reported;
  decideAction({ state: null, action, actor, relation: "owner", now });
  const record: ActionRecord = {
    caseId,
    sequence: 1,
    clientId,
    action,
    actor: { userId: actor.userId, partyId: actor.partyId, role: actor.role },
    at: now.toISOString(),
  };
  const after = applyAction(null, record);
  const sealed = sealSensitive(s.atRest, s.box, after);
  const caseRow = {
    id: caseId,
    party_id: actor.partyId,
    status: after.status,
    version: after.version,
    created_at: now,
    updated_at: now,
    summary: sealed.summary,
    sensitive: sealed.sensitive,
    name_keys: storedNameKeys(s.atRest, after.details.names),
    name_keys_version: NAME_KEYS_VERSION,
  };
  const event: ActionEvent = { caseId, action, actor, at: record.at, clientId, sequence: 1, before: null, after };
  return { caseRow, actionRow: actionRow(s.box, actor, record, now), event };
}

export type PreparedCase = ReturnType<typeof prepareNewCase>;
