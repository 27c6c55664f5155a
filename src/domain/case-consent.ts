import type { CaseState } from "./case-state.ts";
import type { ConsentEvaluation, ConsentQuery, ConsentSubject } from "./consent/evaluate-consent.ts";
import { evaluateConsent } from "./consent/evaluate-consent.ts";
import { legacyConsentRecords } from "./consent/consent-record.ts";
import { adultStatus, ADULT_AGE, parsePartialDate, partialDateBounds } from "./partial-date.ts";

// What the consent evaluator needs from a case. Cases stored before consent was recorded per
// purpose carry only the single-form consent: it is read as given when the case was created.
export function consentSubjectOf(state: CaseState): ConsentSubject {
  const consents = state.consents ?? (state.details.consent ? legacyConsentRecords(state.details.consent, state.createdAt, 1) : []);
  return { birthDate: state.details.birthDate, adultTrackSince: state.adultTrackSince, consents };
}

export function caseConsent(state: CaseState, query: ConsentQuery): ConsentEvaluation {
  return evaluateConsent(consentSubjectOf(state), query);
}

export type Track = "child" | "adult";

export function trackOf(state: CaseState): Track {
  return state.adultTrackSince !== undefined ? "adult" : "child";
}

// The day (YYYY-MM-DD, UTC) from which the person is certainly 18: the 18th birthday of the
// latest day the partial birth date allows (a 29 February birthday turns into 1 March).
export function certainlyAdultFrom(birthDate: string | undefined): string | null {
  if (!birthDate) return null;
  const p = parsePartialDate(birthDate);
  if (!p) return null;
  const [y, m, d] = partialDateBounds(p).latest;
  // Date.UTC rolls 29 February of a common year over to 1 March, as the law counts it.
  return new Date(Date.UTC(y + ADULT_AGE, m - 1, d)).toISOString().slice(0, 10);
}

// Due for the switch: certainly 18 by `now` and not yet on the adult track.
export function dueForAdultTrack(state: CaseState, now: Date): boolean {
  return state.adultTrackSince === undefined && adultStatus(state.details.birthDate, now).adult;
}

// Not yet 18 for certain, and certainly 18 within `days` days of `now`.
export function turning18Within(birthDate: string | undefined, now: Date, days: number): boolean {
  const from = certainlyAdultFrom(birthDate);
  if (from === null || adultStatus(birthDate, now).adult) return false;
  const limit = now.getTime() + days * 86_400_000;
  return Date.parse(`${from}T00:00:00Z`) <= limit;
}

/**
 * Whether a case may enter matching across parties (be proposed to, and shown in, the other
 * side's review queue) at `at`: its consent to sharing holds, or a legal basis is recorded.
 */
export function mayEnterCrossPartyMatching(state: CaseState, at: Date): boolean {
  return state.details.legalBasis !== undefined || caseConsent(state, { purpose: "sharing", at }).allowed;
}
