import type { ActionRecord, ActionType, CaseAction } from "./case-action.ts";
import type { Consent, FamilyMember, LegalBasis, Note, PersonName, Separation, Sex } from "./case-details.ts";
import type { CasePhoto, CaseState } from "./case-state.ts";
import type { CaseSide } from "./case-side.ts";
import type { CaseStatus } from "./lifecycle.ts";
import type { ViewKind } from "./access-policy.ts";
import type { AgeRange } from "./partial-date.ts";
import { adultStatus } from "./partial-date.ts";

// What one reader sees of a case. Optional fields are absent when the view withholds them.
export interface CaseView {
  id: string;
  party: string;
  // The side the owning party works the case from.
  side: CaseSide;
  view: ViewKind;
  status: CaseStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  names: PersonName[];
  sex: Sex;
  birthDate?: string;
  birthDateEstimated?: boolean;
  age: AgeRange | null;
  // Certainly 18 or over (computed at read time, from the latest possible birth date).
  adult: boolean;
  possiblyAdult: boolean;
  // Adult whose recorded consent came from a guardian: it must be asked of them again.
  consentNeedsRenewal: boolean;
  birthPlace?: string;
  separation?: Separation;
  consent?: Consent;
  legalBasis?: LegalBasis;
  childViews?: string;
  statusBeforeHold?: CaseStatus;
  // Where the child was found.
  location?: string;
  duplicateOf?: string;
  batchId?: string;
  // The other party's case for the same child (both accepted the match); not in shared views.
  linkedCase?: string;
  // Present for full, shared and auditor views; contact details only in the full view.
  family?: FamilyMember[];
  notes?: Note[];
  health?: string;
  shares?: Record<string, string>;
  // When the holding side disclosed the child (GET /api/cases/{id}/disclosure has the content).
  disclosedAt?: string;
  tracingRequest?: { to: string; mediator?: string; at: string };
  // The child's photographs (served by GET /api/photos/{id}); not in the auditor's view.
  photos?: CasePhoto[];
}

// The list form: enough to recognise a child, nothing sensitive.
export interface CaseSummary {
  id: string;
  party: string;
  side: CaseSide;
  view: ViewKind;
  status: CaseStatus;
  version: number;
  updatedAt: string;
  names: PersonName[];
  sex: Sex;
  birthDate?: string;
  birthDateEstimated?: boolean;
  age: AgeRange | null;
  adult: boolean;
}

function withoutContact(family: readonly FamilyMember[]): FamilyMember[] {
  return family.map(({ contact: _contact, ...rest }) => rest);
}

export function projectCase(state: CaseState, view: ViewKind, now: Date): CaseView {
  const d = state.details;
  const a = adultStatus(d.birthDate, now);
  const out: CaseView = {
    id: state.id,
    party: state.partyId,
    side: state.side ?? "tracing",
    view,
    status: state.status,
    version: state.version,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    names: d.names,
    sex: d.sex,
    age: a.age,
    adult: a.adult,
    possiblyAdult: a.possiblyAdult,
    consentNeedsRenewal: a.adult && d.consent?.givenBy === "guardian",
  };
  if (d.birthDate !== undefined) out.birthDate = d.birthDate;
  if (d.birthDateEstimated !== undefined) out.birthDateEstimated = d.birthDateEstimated;
  if (d.birthPlace !== undefined) out.birthPlace = d.birthPlace;
  if (d.separation !== undefined) out.separation = d.separation;
  if (d.consent !== undefined) out.consent = d.consent;
  if (d.legalBasis !== undefined) out.legalBasis = d.legalBasis;
  if (d.childViews !== undefined) out.childViews = d.childViews;
  if (state.statusBeforeHold !== undefined) out.statusBeforeHold = state.statusBeforeHold;
  if (state.location !== undefined) out.location = state.location;
  if (state.disclosure !== undefined) out.disclosedAt = state.disclosure.at;
  if (state.tracingRequest !== undefined) out.tracingRequest = state.tracingRequest;
  if (view !== "auditor") out.photos = state.photos ?? [];
  if (state.linkedCase !== undefined && view !== "shared") out.linkedCase = state.linkedCase;
  if (view === "mediator") return out;
  // The case it duplicates may be one the viewer cannot see: only the owner's views name it.
  if (state.duplicateOf !== undefined && view !== "shared") out.duplicateOf = state.duplicateOf;
  if (state.batchId !== undefined) out.batchId = state.batchId;
  if (view === "full") {
    out.family = d.family;
    out.notes = state.notes;
    if (state.health !== undefined) out.health = state.health;
    out.shares = { ...state.shares };
  } else {
    out.family = withoutContact(d.family);
  }
  return out;
}

export function summarise(view: CaseView): CaseSummary {
  const s: CaseSummary = {
    id: view.id,
    party: view.party,
    side: view.side,
    view: view.view,
    status: view.status,
    version: view.version,
    updatedAt: view.updatedAt,
    names: view.names,
    sex: view.sex,
    age: view.age,
    adult: view.adult,
  };
  if (view.birthDate !== undefined) s.birthDate = view.birthDate;
  if (view.birthDateEstimated !== undefined) s.birthDateEstimated = view.birthDateEstimated;
  return s;
}

export interface HistoryEntry {
  caseId: string;
  sequence: number;
  type: ActionType;
  at: string;
  actor: { partyId: string; role: string; userId?: string };
  // Absent when the view shows only that a step happened, not what it carried.
  action?: CaseAction;
}

const WITHHELD = "[withheld]";

function redactForAuditor(action: CaseAction): CaseAction {
  switch (action.type) {
    case "report": {
      const { notes: _n, health: _h, ...details } = action.details;
      return { ...action, details: { ...details, family: details.family ? withoutContact(details.family) : undefined } };
    }
    case "update-details": {
      const { health: _h, ...patch } = action.patch;
      return { ...action, patch: { ...patch, family: patch.family ? withoutContact(patch.family) : undefined } };
    }
    case "add-note":
      return { ...action, text: WITHHELD };
    case "disclose": {
      const { biography: _b, services, placement, ...rest } = action.disclosure;
      return {
        ...action,
        disclosure: {
          ...rest,
          biography: WITHHELD,
          services: services.map((s) => ({ ...s, summary: WITHHELD })),
          ...(placement ? { placement: { kind: placement.kind, ...(placement.since ? { since: placement.since } : {}) } } : {}),
        },
      };
    }
    default:
      return action;
  }
}

// Full: everything. Auditor: every step and who took it, without contact details, notes or
// health. Shared and mediator views: which step, when and by which party, nothing more.
export function projectHistory(records: readonly ActionRecord[], view: ViewKind): HistoryEntry[] {
  return records.map((r) => {
    const e: HistoryEntry = { caseId: r.caseId, sequence: r.sequence, type: r.action.type, at: r.at, actor: { partyId: r.actor.partyId, role: r.actor.role } };
    if (view === "full" || view === "auditor") {
      e.actor.userId = r.actor.userId;
      e.action = view === "full" ? r.action : redactForAuditor(r.action);
    }
    return e;
  });
}
