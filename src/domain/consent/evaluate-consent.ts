import type { ConsentGiver } from "../case-details.ts";
import { adultStatus } from "../partial-date.ts";
import type { ConsentPurpose, ConsentRecord } from "./consent-record.ts";

// What the evaluator needs to know about the person: their (partial) birth date, when their
// case moved to the adult track (if it has), and every consent decision recorded for them.
export interface ConsentSubject {
  birthDate?: string | undefined;
  adultTrackSince?: string | undefined;
  consents: readonly ConsentRecord[];
}

export interface ConsentQuery {
  purpose: ConsentPurpose;
  // The party that would receive the data or act (sharing, health information); absent for a
  // purpose that names no recipient (tracing, return).
  recipient?: string | undefined;
  at: Date;
}

export type ConsentReason = "granted" | "none" | "refused" | "withdrawn" | "expired" | "not-entitled" | "recipient-not-named";

export interface ConsentEvaluation {
  allowed: boolean;
  reason: ConsentReason;
  // Whose consent counts at `at`: ["person"] from 18 (or once on the adult track), ["guardian"]
  // for a child, both while a partial birth date leaves it open.
  entitled: ConsentGiver[];
  // The decision that settled it (for each entitled giver, the latest that applies).
  decisions: ConsentRecord[];
  message: string;
}

// Conservative where the age is uncertain: when a partial birth date may or may not make the
// person 18, both the person and the guardian must agree, and either one's refusal counts.
export function entitledConsenters(subject: Pick<ConsentSubject, "birthDate" | "adultTrackSince">, at: Date): ConsentGiver[] {
  if (onAdultTrack(subject, at)) return ["person"];
  const a = adultStatus(subject.birthDate, at);
  if (a.adult) return ["person"];
  if (a.possiblyAdult) return ["person", "guardian"];
  return ["guardian"];
}

export function onAdultTrack(subject: Pick<ConsentSubject, "adultTrackSince">, at: Date): boolean {
  return subject.adultTrackSince !== undefined && Date.parse(subject.adultTrackSince) <= at.getTime();
}

function endOfDay(day: string): number {
  return Date.parse(`${day}T23:59:59.999Z`);
}

function applies(record: ConsentRecord, query: ConsentQuery): boolean {
  if (record.purpose !== query.purpose) return false;
  if (Date.parse(record.recordedAt) > query.at.getTime()) return false;
  if (query.recipient === undefined || record.recipients === undefined) return true;
  return record.recipients.includes(query.recipient);
}

function later(a: ConsentRecord, b: ConsentRecord): boolean {
  const ta = Date.parse(a.recordedAt);
  const tb = Date.parse(b.recordedAt);
  return ta !== tb ? ta > tb : a.sequence > b.sequence;
}

function latestBy(records: readonly ConsentRecord[], giver: ConsentGiver): ConsentRecord | undefined {
  let best: ConsentRecord | undefined;
  for (const r of records) if (r.givenBy === giver && (best === undefined || later(r, best))) best = r;
  return best;
}

const MESSAGES: Record<ConsentReason, string> = {
  granted: "consent is recorded",
  none: "no consent is recorded",
  refused: "consent was refused",
  withdrawn: "consent was withdrawn",
  expired: "the consent has expired",
  "not-entitled": "consent was given by someone no longer entitled to give it (from 18 only the person's own consent counts)",
  "recipient-not-named": "the consent does not name this recipient",
};

// Precedence when several entitled givers disagree: the strongest "no" is reported.
const ORDER: ConsentReason[] = ["refused", "withdrawn", "expired", "none", "not-entitled", "recipient-not-named", "granted"];

function judge(record: ConsentRecord | undefined, at: Date): ConsentReason {
  if (record === undefined) return "none";
  if (record.decision !== "granted") return record.decision;
  if (record.validUntil !== undefined && at.getTime() > endOfDay(record.validUntil)) return "expired";
  return "granted";
}

// Pure: does the consent recorded for `subject` allow `query.purpose` for `query.recipient`
// at `query.at`? Only decisions recorded by then, of a giver entitled then, for that purpose
// and naming that recipient (or every recipient) count; for each entitled giver the latest
// such decision holds, so a withdrawal takes effect from the moment it is recorded.
export function evaluateConsent(subject: ConsentSubject, query: ConsentQuery): ConsentEvaluation {
  const entitled = entitledConsenters(subject, query.at);
  const relevant = subject.consents.filter((r) => applies(r, query));
  const decisions: ConsentRecord[] = [];
  const reasons: ConsentReason[] = [];
  for (const giver of entitled) {
    const latest = latestBy(relevant, giver);
    if (latest) decisions.push(latest);
    let reason = judge(latest, query.at);
    if (reason === "none") reason = missingReason(subject.consents, relevant, giver, query);
    reasons.push(reason);
  }
  const reason = ORDER.find((r) => reasons.includes(r)) ?? "none";
  return { allowed: reason === "granted", reason, entitled, decisions, message: MESSAGES[reason] };
}

// Why nothing counts for `giver`: someone else (no longer entitled) gave it, or it names
// other recipients, or there is simply nothing.
function missingReason(all: readonly ConsentRecord[], relevant: readonly ConsentRecord[], giver: ConsentGiver, query: ConsentQuery): ConsentReason {
  if (relevant.some((r) => r.givenBy !== giver && r.decision === "granted")) return "not-entitled";
  const otherRecipients = all.some(
    (r) => r.purpose === query.purpose && r.givenBy === giver && Date.parse(r.recordedAt) <= query.at.getTime() && !relevant.includes(r),
  );
  return otherRecipients ? "recipient-not-named" : "none";
}
