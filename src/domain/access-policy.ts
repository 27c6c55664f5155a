import type { ActionType } from "./case-action.ts";
import type { CaseStatus } from "./lifecycle.ts";
import { HOLDABLE_STATUSES, OPEN_STATUSES, CASE_STATUSES } from "./lifecycle.ts";
import type { PartyKind, Role } from "./party.ts";
import type { CaseRelation, CaseSide } from "./case-side.ts";
import { defaultSide } from "./case-side.ts";

// The ONE place that says who may do what. Both the store and the tests read it.

export type { CaseRelation } from "./case-side.ts";

export interface ActorRule {
  relation: "owner" | "shared-participate";
  roles: readonly Role[];
  // When given, only parties of these kinds match.
  partyKinds?: readonly PartyKind[];
  // When given, only a party working the case from one of these sides matches (see case-side.ts).
  sides?: readonly CaseSide[];
}

// Named checks an action must also pass (e.g. a signed verification report exists). The
// store runs the check registered under the name; unregistered names pass, so the later
// ledger work can require signed reports without touching this table's shape.
export type PreconditionName = "joint-verification-report" | "mediator-confirmation" | "post-return-report";

export interface PolicyRow {
  action: ActionType;
  // Statuses the case must be in; [] means the action creates the case.
  from: readonly CaseStatus[];
  // Resulting status: "same" keeps it, "resume" returns to the status before the hold,
  // "by-decliner" picks declined-by-child/guardian/adult from the action, "linked" takes the
  // status the linked case reached.
  to: CaseStatus | "same" | "resume" | "by-decliner" | "linked";
  actors: readonly ActorRule[];
  requires?: PreconditionName;
}

const CASE_WORK: readonly Role[] = ["caseworker", "verifier"];
const OWNER_WORK: ActorRule = { relation: "owner", roles: CASE_WORK };
const OWNER_VERIFIER: ActorRule = { relation: "owner", roles: ["verifier"] };
const MEDIATOR: ActorRule = { relation: "shared-participate", roles: ["mediator"], partyKinds: ["mediator"] };
// The other side's party on a case shared with it to participate, when that side holds the child.
const HOLDING_WORK: ActorRule = { relation: "shared-participate", roles: CASE_WORK, sides: ["holding"] };
const OWNER_HOLDING: ActorRule = { relation: "owner", roles: CASE_WORK, sides: ["holding"] };
const OWNER_TRACING: ActorRule = { relation: "owner", roles: CASE_WORK, sides: ["tracing"] };
// The other party working a case shared with it (not the mediator).
const PARTY_WORK: ActorRule = { relation: "shared-participate", roles: CASE_WORK, partyKinds: ["tracing-authority", "holding-authority", "ngo"] };
const ANY_STATUS: readonly CaseStatus[] = CASE_STATUSES;

export const ACCESS_POLICY: readonly PolicyRow[] = [
  {
    action: "report",
    from: [],
    to: "reported",
    actors: [{ relation: "owner", roles: CASE_WORK, partyKinds: ["tracing-authority", "holding-authority", "ngo"] }],
  },
  { action: "register", from: ["reported"], to: "registered", actors: [OWNER_WORK] },
  // The holding side of the case may report that it has found the child on a case shared with it.
  { action: "locate", from: ["registered"], to: "located", actors: [OWNER_WORK, HOLDING_WORK] },
  { action: "verify-identity", from: ["located"], to: "identity-verified", actors: [OWNER_VERIFIER], requires: "joint-verification-report" },
  { action: "confirm-by-mediator", from: ["identity-verified"], to: "confirmed-by-mediator", actors: [MEDIATOR], requires: "mediator-confirmation" },
  { action: "schedule", from: ["confirmed-by-mediator"], to: "scheduled", actors: [MEDIATOR] },
  // Each of the two parties of the return confirms the handover from its own side.
  { action: "confirm-handover", from: ["scheduled"], to: "same", actors: [OWNER_WORK, PARTY_WORK] },
  // A step back: the batch was cancelled or postponed before this child's handover.
  { action: "unschedule", from: ["scheduled", "on-hold"], to: "confirmed-by-mediator", actors: [MEDIATOR] },
  { action: "reunite", from: ["scheduled"], to: "reunited", actors: [OWNER_WORK, MEDIATOR] },
  { action: "verify-post-return", from: ["reunited"], to: "post-return-verified", actors: [OWNER_VERIFIER, MEDIATOR], requires: "post-return-report" },
  { action: "close", from: ["post-return-verified"], to: "closed", actors: [OWNER_WORK] },
  { action: "decline", from: OPEN_STATUSES, to: "by-decliner", actors: [OWNER_WORK, MEDIATOR] },
  { action: "record-death", from: OPEN_STATUSES, to: "deceased", actors: [OWNER_VERIFIER] },
  { action: "mark-duplicate", from: OPEN_STATUSES, to: "duplicate", actors: [OWNER_WORK] },
  { action: "withdraw", from: OPEN_STATUSES, to: "withdrawn", actors: [OWNER_WORK] },
  { action: "hold", from: HOLDABLE_STATUSES, to: "on-hold", actors: [OWNER_WORK, MEDIATOR] },
  { action: "resume", from: ["on-hold"], to: "resume", actors: [OWNER_WORK, MEDIATOR] },
  { action: "update-details", from: OPEN_STATUSES, to: "same", actors: [OWNER_WORK] },
  { action: "record-consent", from: OPEN_STATUSES, to: "same", actors: [OWNER_WORK] },
  { action: "record-views", from: OPEN_STATUSES, to: "same", actors: [OWNER_WORK, MEDIATOR] },
  // Consent stays recordable after return: health information may still be shared or withdrawn.
  { action: "consent-decision", from: ANY_STATUS, to: "same", actors: [OWNER_WORK] },
  { action: "switch-to-adult-track", from: OPEN_STATUSES, to: "same", actors: [OWNER_WORK] },
  // Notes stay possible after closing: follow-up after return is recorded there.
  { action: "add-note", from: ANY_STATUS, to: "same", actors: [OWNER_WORK] },
  // The channel: a disclosure of a child held, a tracing request addressed to the other side,
  // the child's photographs (the image itself is kept by the photo store, the log holds its hash).
  { action: "disclose", from: OPEN_STATUSES, to: "same", actors: [OWNER_HOLDING] },
  { action: "request-tracing", from: OPEN_STATUSES, to: "same", actors: [OWNER_TRACING] },
  { action: "add-photo", from: OPEN_STATUSES, to: "same", actors: [OWNER_WORK] },
  { action: "remove-photo", from: ANY_STATUS, to: "same", actors: [OWNER_WORK] },
  // Written by the store, never taken by a person: no actor may send them.
  { action: "link-case", from: OPEN_STATUSES, to: "same", actors: [] },
  { action: "follow-linked", from: OPEN_STATUSES, to: "linked", actors: [] },
  { action: "share", from: ANY_STATUS, to: "same", actors: [OWNER_WORK] },
  { action: "unshare", from: ANY_STATUS, to: "same", actors: [OWNER_WORK] },
];

export function policyFor(action: ActionType): PolicyRow {
  const row = ACCESS_POLICY.find((r) => r.action === action);
  if (!row) throw new Error(`no policy row for action ${action}`);
  return row;
}

// `side`: the side the actor works this case from (actorSide), null when none.
export function actorMatches(rule: ActorRule, relation: CaseRelation, role: Role, partyKind: PartyKind, side: CaseSide | null = null): boolean {
  if (rule.relation !== relation) return false;
  if (!rule.roles.includes(role)) return false;
  if (rule.sides !== undefined && (side === null || !rule.sides.includes(side))) return false;
  return rule.partyKinds === undefined || rule.partyKinds.includes(partyKind);
}

// Without a case at hand (`side` undefined) a party is taken to work from its kind's usual side.
export function mayTake(action: ActionType, relation: CaseRelation, role: Role, partyKind: PartyKind, side?: CaseSide | null): boolean {
  const s = side !== undefined ? side : relation === "shared-view" || partyKind === "mediator" ? null : defaultSide(partyKind);
  return policyFor(action).actors.some((rule) => actorMatches(rule, relation, role, partyKind, s));
}

// What a reader sees of a case. null: nothing (the case does not exist for them).
export type ViewKind = "full" | "shared" | "mediator" | "auditor";

export interface ReadRule {
  relation: CaseRelation;
  roles: readonly Role[];
  partyKinds?: readonly PartyKind[];
  view: ViewKind;
}

// First matching rule wins. Admins read no case content: they manage users and the access log.
export const READ_POLICY: readonly ReadRule[] = [
  { relation: "owner", roles: ["mediator"], view: "mediator" },
  { relation: "owner", roles: CASE_WORK, view: "full" },
  { relation: "owner", roles: ["auditor"], view: "auditor" },
  { relation: "shared-view", roles: ["auditor"], view: "auditor" },
  { relation: "shared-participate", roles: ["auditor"], view: "auditor" },
  { relation: "shared-view", roles: ["caseworker", "verifier", "mediator"], partyKinds: ["mediator"], view: "mediator" },
  { relation: "shared-participate", roles: ["caseworker", "verifier", "mediator"], partyKinds: ["mediator"], view: "mediator" },
  { relation: "shared-view", roles: CASE_WORK, view: "shared" },
  { relation: "shared-participate", roles: CASE_WORK, view: "shared" },
];

export function viewFor(relation: CaseRelation | null, role: Role, partyKind: PartyKind): ViewKind | null {
  if (relation === null) return null;
  const rule = READ_POLICY.find(
    (r) => r.relation === relation && r.roles.includes(role) && (r.partyKinds === undefined || r.partyKinds.includes(partyKind)),
  );
  return rule?.view ?? null;
}

// Who may read the access log.
export const ACCESS_LOG_READERS: readonly Role[] = ["admin", "auditor"];
