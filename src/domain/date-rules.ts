import { ValidationError } from "./errors.ts";
import type { ValidationIssue } from "./errors.ts";
import { parsePartialDate, partialDateBounds } from "./partial-date.ts";

// Dates a case states about the past must lie in the past, and in order. A partial date stands
// for a span of days ("2027" is every day of 2027): it is refused only when every day it could
// mean is impossible, so an uncertain date is never refused for its uncertainty.

type Ymd = [number, number, number];

function compare(a: Ymd, b: Ymd): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function today(now: Date): Ymd {
  return [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
}

function bounds(date: string | null | undefined) {
  if (date === undefined || date === null) return null;
  const p = parsePartialDate(date);
  return p === null ? null : partialDateBounds(p);
}

/** True when even the earliest day the (partial) date can mean is after today. */
export function isCertainlyFuture(date: string | null | undefined, now: Date): boolean {
  const b = bounds(date);
  return b !== null && compare(b.earliest, today(now)) > 0;
}

/** True when every day `later` can mean is before every day `earlier` can mean. */
export function isCertainlyBefore(later: string | null | undefined, earlier: string | null | undefined): boolean {
  const l = bounds(later);
  const e = bounds(earlier);
  return l !== null && e !== null && compare(l.latest, e.earliest) < 0;
}

export interface DatedDetails {
  birthDate?: string | null | undefined;
  separation?: { date?: string | undefined } | null | undefined;
  family?: readonly { birthDate?: string | undefined }[] | undefined;
}

/** The date problems of a case's details, each with its field path under `prefix`. */
export function caseDateIssues(details: DatedDetails, now: Date, prefix = ""): ValidationIssue[] {
  const at = (field: string) => `${prefix}${field}`;
  const issues: ValidationIssue[] = [];
  if (isCertainlyFuture(details.birthDate, now)) {
    issues.push({ path: at("birthDate"), message: "the date of birth is in the future" });
  }
  const separationDate = details.separation?.date;
  if (isCertainlyBefore(separationDate, details.birthDate)) {
    issues.push({ path: at("separation.date"), message: "the separation is before the date of birth" });
  }
  details.family?.forEach((member, i) => {
    if (isCertainlyFuture(member.birthDate, now)) {
      issues.push({ path: at(`family[${i}].birthDate`), message: "the date of birth is in the future" });
    }
  });
  return issues;
}

/** Throws a ValidationError naming every date problem of `details`. */
export function checkCaseDates(details: DatedDetails, now: Date, prefix = ""): void {
  const issues = caseDateIssues(details, now, prefix);
  const first = issues[0];
  if (first !== undefined) throw new ValidationError(first.path, first.message, issues);
}
