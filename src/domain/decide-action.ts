import type { CaseAction } from "./case-action.ts";
import type { CaseState } from "./case-state.ts";
import { nextStatus } from "./case-state.ts";
import type { Actor } from "./party.ts";
import type { PreconditionName, CaseRelation } from "./access-policy.ts";
import { mayTake, policyFor } from "./access-policy.ts";
import { actorSide } from "./case-side.ts";
import { ConflictError, ForbiddenError, ValidationError } from "./errors.ts";
import { adultStatus } from "./partial-date.ts";
import { caseConsent } from "./case-consent.ts";
import { checkCaseDates } from "./date-rules.ts";
import type { CaseStatus } from "./lifecycle.ts";

export interface Decision {
  to: CaseStatus;
  requires?: PreconditionName;
}

function checkConsentGiver(givenBy: "guardian" | "person", birthDate: string | undefined, now: Date, path: string, adultTrack = false): void {
  const a = adultStatus(birthDate, now);
  if (givenBy === "guardian" && (a.adult || adultTrack)) {
    throw new ValidationError(path, "the person is 18 or over: consent is theirs, not a guardian's");
  }
  if (givenBy === "person" && a.age !== null && !a.possiblyAdult) {
    throw new ValidationError(path, "the child is under 18: consent is given by a legal guardian");
  }
}

function checkAdultTrackSwitch(state: CaseState | null, now: Date): void {
  if (state?.adultTrackSince !== undefined) throw new ConflictError("the case is already on the adult track", state.version);
  if (!adultStatus(state?.details.birthDate, now).adult) {
    throw new ValidationError("birthDate", "the person is not certainly 18 yet: the adult track starts on the 18th birthday");
  }
}

function checkDates(state: CaseState | null, action: CaseAction, now: Date): void {
  if (action.type === "report") checkCaseDates(action.details, now, "details.");
  if (action.type !== "update-details") return;
  const { patch } = action;
  const merged = {
    birthDate: "birthDate" in patch ? patch.birthDate : state?.details.birthDate,
    separation: "separation" in patch ? patch.separation : state?.details.separation,
    family: "family" in patch ? patch.family : state?.details.family,
  };
  // Only the fields the patch sets are named: an old date is not the caller's doing. A
  // separation now before the new date of birth names the date of birth.
  const named = (field: string) => (field.startsWith("separation") && !("separation" in patch) ? "birthDate" : field);
  try {
    checkCaseDates(merged, now);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const issues = e.issues
      .map((i) => ({ path: named(i.path), message: i.message }))
      .filter((i) => i.path.split(/[.[]/)[0]! in patch)
      .map((i) => ({ path: `patch.${i.path}`, message: i.message }));
    const first = issues[0];
    if (first !== undefined) throw new ValidationError(first.path, first.message, issues);
  }
}

// Checks that `actor` (related to the case as `relation`) may take `action` on `state` now.
// Throws ForbiddenError (role/party not allowed), ConflictError (wrong status),
// ValidationError (a rule of the case, with the field path). Pure.
export function decideAction(input: {
  state: CaseState | null;
  action: CaseAction;
  actor: Actor;
  relation: CaseRelation;
  now: Date;
}): Decision {
  const { state, action, actor, relation, now } = input;
  const row = policyFor(action.type);
  const caseSide = state === null ? (action.type === "report" ? (action.side ?? "tracing") : "tracing") : (state.side ?? "tracing");
  const side = actorSide(caseSide, relation, actor.partyKind);
  if (!mayTake(action.type, relation, actor.role, actor.partyKind, side)) {
    throw new ForbiddenError(`a ${actor.role} of a ${actor.partyKind} (${relation}) may not take "${action.type}"`);
  }
  if (state === null) {
    if (row.from.length !== 0) throw new ValidationError("action.type", `"${action.type}" needs an existing case`);
  } else {
    if (row.from.length === 0) throw new ConflictError(`"${action.type}" only starts a case`, state.version);
    if (!row.from.includes(state.status)) {
      throw new ConflictError(`"${action.type}" is not possible in status "${state.status}"`, state.version);
    }
  }
  checkDates(state, action, now);
  const birthDate = action.type === "report" ? action.details.birthDate : state?.details.birthDate;
  if (action.type === "report" && action.details.consent) {
    checkConsentGiver(action.details.consent.givenBy, birthDate, now, "details.consent.givenBy");
  }
  const adultTrack = state?.adultTrackSince !== undefined;
  if (action.type === "record-consent") checkConsentGiver(action.consent.givenBy, birthDate, now, "consent.givenBy", adultTrack);
  if (action.type === "consent-decision") checkConsentGiver(action.consent.givenBy, birthDate, now, "consent.givenBy", adultTrack);
  if (action.type === "switch-to-adult-track") checkAdultTrackSwitch(state, now);
  if (action.type === "decline") {
    const a = adultStatus(birthDate, now);
    if ((a.adult || adultTrack) && action.by !== "adult") {
      throw new ValidationError("by", "the person is 18 or over: only they can decline");
    }
    if (action.by === "adult" && !a.possiblyAdult && a.age !== null) {
      throw new ValidationError("by", "the child is under 18");
    }
  }
  if ((action.type === "share" || action.type === "unshare") && state && action.partyId === state.partyId) {
    throw new ValidationError("partyId", "a case is not shared with the party that owns it");
  }
  if (action.type === "share" && state && state.details.legalBasis === undefined) {
    // A case with no consent recorded at all is the owner's to judge; one whose consent says no
    // (refused, withdrawn, expired, or naming other recipients) is not shared.
    const consent = caseConsent(state, { purpose: "sharing", recipient: action.partyId, at: now });
    if (!consent.allowed && consent.reason !== "none") {
      throw new ConflictError(`the case may not be shared with ${action.partyId}: ${consent.message} (record consent or a legal basis first)`, state.version);
    }
  }
  if (action.type === "request-tracing" && state && (action.to === state.partyId || action.mediator === state.partyId)) {
    throw new ValidationError(action.to === state.partyId ? "to" : "mediator", "a tracing request is addressed to another party");
  }
  if (action.type === "remove-photo" && state && !(state.photos ?? []).some((p) => p.id === action.photoId)) {
    throw new ValidationError("photoId", "the case has no such photo");
  }
  if (action.type === "mark-duplicate" && state && action.duplicateOf === state.id) {
    throw new ValidationError("duplicateOf", "a case cannot duplicate itself");
  }
  const decision: Decision = { to: nextStatus(state, action) };
  if (row.requires) decision.requires = row.requires;
  return decision;
}
