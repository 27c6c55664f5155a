import type { ActionRecord, CaseAction, ShareScope } from "./case-action.ts";
import type { CaseDetails, CaseDetailsInput, Note } from "./case-details.ts";
import type { CaseStatus } from "./lifecycle.ts";
import { policyFor } from "./access-policy.ts";
import type { ViewStance } from "./case-action.ts";
import type { ConsentRecord } from "./consent/consent-record.ts";
import { legacyConsentRecords } from "./consent/consent-record.ts";
import type { CaseSide } from "./case-side.ts";

// The latest hearing of the child (the views themselves are in details.childViews).
export interface ViewsHeard {
  recordedAt: string;
  heardOn?: string;
  heardBy?: string;
  stance?: ViewStance;
}

export interface CasePhoto {
  id: string;
  sha256: string;
  caption?: string;
  at: string;
}

// The current state of a case, derived from its actions by `reduceCase`.
export interface CaseState {
  id: string;
  partyId: string;
  // The side the owner works the case from.
  side: CaseSide;
  status: CaseStatus;
  statusBeforeHold?: CaseStatus;
  // Number of actions taken; the sequence of the last one.
  version: number;
  createdAt: string;
  updatedAt: string;
  details: CaseDetails;
  notes: Note[];
  health?: string;
  duplicateOf?: string;
  batchId?: string;
  // The other party's case for the same child, once both parties accepted the match: the two
  // move together from the joint verification on (follow-linked).
  linkedCase?: string;
  // Where the child was found (the "locate" step).
  location?: string;
  // Report references collected on the verification steps (signed reports, later).
  reportRefs: Partial<Record<"verify-identity" | "confirm-by-mediator" | "verify-post-return", string>>;
  shares: Record<string, ShareScope>;
  // Every consent decision, per purpose, in the order recorded (absent on cases stored before
  // consent was recorded per purpose: consentSubjectOf reads their single-form consent).
  consents?: ConsentRecord[];
  // When the case moved to the adult track (a signed switch-to-adult-track action).
  adultTrackSince?: string;
  views?: ViewsHeard;
  // The latest disclosure's sequence and time (its content is kept sealed beside the case).
  disclosure?: { sequence: number; at: string };
  tracingRequest?: { to: string; mediator?: string; at: string };
  photos: CasePhoto[];
}

function detailsFrom(input: CaseDetailsInput): CaseDetails {
  const d: CaseDetails = { names: input.names, sex: input.sex, family: input.family ?? [] };
  if (input.birthDate !== undefined) d.birthDate = input.birthDate;
  if (input.birthDateEstimated !== undefined) d.birthDateEstimated = input.birthDateEstimated;
  if (input.birthPlace !== undefined) d.birthPlace = input.birthPlace;
  if (input.separation !== undefined) d.separation = input.separation;
  if (input.consent !== undefined) d.consent = input.consent;
  if (input.legalBasis !== undefined) d.legalBasis = input.legalBasis;
  if (input.childViews !== undefined) d.childViews = input.childViews;
  return d;
}

function setOrDelete<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | null | undefined): void {
  if (value === undefined) return;
  if (value === null) delete obj[key];
  else obj[key] = value;
}

// Target status of an action taken in `state` (assumes the policy allowed it).
export function nextStatus(state: CaseState | null, action: CaseAction): CaseStatus {
  const row = policyFor(action.type);
  if (row.to === "same") return state?.status ?? "reported";
  if (row.to === "resume") return state?.statusBeforeHold ?? "registered";
  if (row.to === "by-decliner") {
    if (action.type !== "decline") throw new Error("by-decliner on a non-decline action");
    return `declined-by-${action.by}`;
  }
  // A case on hold whose batch is called off stays on hold, to resume where it can join another.
  if (action.type === "unschedule" && state?.status === "on-hold") return "on-hold";
  if (row.to === "linked") {
    if (action.type !== "follow-linked") throw new Error("linked on a non-follow-linked action");
    // A case on hold stays on hold: it resumes to the state its linked case reached.
    return state?.status === "on-hold" ? "on-hold" : action.status;
  }
  return row.to;
}

// States stored before a field existed lack it: cases reported before sides were per case were
// reported by the tracing side unless the store says otherwise.
export function withStateDefaults(state: CaseState, side: CaseSide = "tracing"): CaseState {
  const loose = state as Partial<CaseState>;
  if (loose.side === undefined) state.side = side;
  if (loose.photos === undefined) state.photos = [];
  return state;
}

// Pure: applies one stored action. Validation (policy, rules) happens before, in `decideAction`.
export function applyAction(state: CaseState | null, record: ActionRecord): CaseState {
  const { action } = record;
  if (state === null) {
    if (action.type !== "report") throw new Error("a case starts with a report action");
    const s: CaseState = {
      id: record.caseId,
      partyId: record.actor.partyId,
      side: action.side ?? "tracing",
      status: "reported",
      version: record.sequence,
      createdAt: record.at,
      updatedAt: record.at,
      details: detailsFrom(action.details),
      notes: [],
      reportRefs: {},
      shares: {},
      photos: [],
    };
    if (action.details.notes) s.notes.push({ text: action.details.notes, at: record.at, byUserId: record.actor.userId, byPartyId: record.actor.partyId });
    if (action.details.health) s.health = action.details.health;
    if (action.details.consent) s.consents = legacyConsentRecords(action.details.consent, record.at, record.sequence);
    return s;
  }
  const s: CaseState = withStateDefaults(structuredClone(state));
  const status = nextStatus(state, action);
  if (action.type === "hold") s.statusBeforeHold = state.status;
  if (action.type === "resume") delete s.statusBeforeHold;
  s.status = status;
  s.version = record.sequence;
  s.updatedAt = record.at;
  switch (action.type) {
    case "update-details": {
      const p = action.patch;
      const d = s.details;
      if (p.names) d.names = p.names;
      if (p.sex) d.sex = p.sex;
      if (p.family) d.family = p.family;
      setOrDelete(d, "birthDate", p.birthDate);
      setOrDelete(d, "birthDateEstimated", p.birthDateEstimated);
      setOrDelete(d, "birthPlace", p.birthPlace);
      setOrDelete(d, "separation", p.separation);
      setOrDelete(d, "legalBasis", p.legalBasis);
      setOrDelete(d, "childViews", p.childViews);
      setOrDelete(s, "health", p.health);
      break;
    }
    case "locate":
      if (action.location) {
        s.location = action.location;
        if (s.details.separation) s.details.separation.lastKnownLocation = action.location;
      }
      break;
    case "verify-identity":
    case "confirm-by-mediator":
    case "verify-post-return":
      if (action.reportRef) s.reportRefs[action.type] = action.reportRef;
      break;
    case "schedule":
      if (action.batchId) s.batchId = action.batchId;
      break;
    case "unschedule":
      delete s.batchId;
      if (state.status === "on-hold") s.statusBeforeHold = "confirmed-by-mediator";
      break;
    case "link-case":
      s.linkedCase = action.linkedCase;
      break;
    case "follow-linked":
      followLinked(s, action);
      break;
    case "mark-duplicate":
      s.duplicateOf = action.duplicateOf;
      break;
    case "record-consent":
      s.details.consent = action.consent;
      s.consents = [...(s.consents ?? []), ...legacyConsentRecords(action.consent, record.at, record.sequence)];
      break;
    case "consent-decision":
      s.consents = [...(s.consents ?? []), { ...action.consent, recordedAt: record.at, sequence: record.sequence }];
      break;
    case "switch-to-adult-track":
      s.adultTrackSince = record.at;
      break;
    case "record-views": {
      s.details.childViews = action.views;
      const heard: ViewsHeard = { recordedAt: record.at };
      if (action.heardOn !== undefined) heard.heardOn = action.heardOn;
      if (action.heardBy !== undefined) heard.heardBy = action.heardBy;
      if (action.stance !== undefined) heard.stance = action.stance;
      s.views = heard;
      break;
    }
    case "add-note":
      s.notes.push({ text: action.text, at: record.at, byUserId: record.actor.userId, byPartyId: record.actor.partyId });
      break;
    case "disclose":
      s.disclosure = { sequence: record.sequence, at: record.at };
      break;
    case "request-tracing":
      s.tracingRequest = { to: action.to, at: record.at, ...(action.mediator ? { mediator: action.mediator } : {}) };
      break;
    case "add-photo":
      s.photos = s.photos.filter((p) => p.id !== action.photoId);
      s.photos.push({ id: action.photoId, sha256: action.sha256, at: record.at, ...(action.caption ? { caption: action.caption } : {}) });
      break;
    case "remove-photo":
      s.photos = s.photos.filter((p) => p.id !== action.photoId);
      break;
    case "share":
      s.shares[action.partyId] = action.scope;
      break;
    case "unshare":
      delete s.shares[action.partyId];
      break;
    default:
      break;
  }
  return s;
}

function followLinked(s: CaseState, action: Extract<CaseAction, { type: "follow-linked" }>): void {
  if (s.status === "on-hold") s.statusBeforeHold = action.status;
  if (action.step === "schedule" && action.batchId) s.batchId = action.batchId;
  if (action.step === "unschedule") delete s.batchId;
  const ref = action.step === "verify-identity" || action.step === "confirm-by-mediator" || action.step === "verify-post-return" ? action.step : null;
  if (ref !== null && action.reportRef) s.reportRefs[ref] = action.reportRef;
}

export function reduceCase(records: readonly ActionRecord[]): CaseState | null {
  let state: CaseState | null = null;
  for (const r of records) state = applyAction(state, r);
  return state;
}
