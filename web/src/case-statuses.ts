import type { CaseSummary } from "./api/client";

export type CaseStatus = CaseSummary["status"];

// The lifecycle's states in the order a case moves through them (the API's enum, kept complete by the type below).
export const CASE_STATUSES = [
  "reported", "registered", "located", "identity-verified", "confirmed-by-mediator", "scheduled", "reunited",
  "post-return-verified", "closed", "declined-by-child", "declined-by-guardian", "declined-by-adult", "deceased",
  "duplicate", "withdrawn", "on-hold",
] as const satisfies readonly CaseStatus[];

type Missing = Exclude<CaseStatus, (typeof CASE_STATUSES)[number]>;
export const ALL_STATUSES_LISTED: Missing extends never ? true : false = true;
