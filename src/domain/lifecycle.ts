import { z } from "zod";

// The main path, in order.
export const MAIN_PATH = [
  "reported",
  "registered",
  "located",
  "identity-verified",
  "confirmed-by-mediator",
  "scheduled",
  "reunited",
  "post-return-verified",
  "closed",
] as const;

export const EXIT_STATUSES = [
  "declined-by-child",
  "declined-by-guardian",
  "declined-by-adult",
  "deceased",
  "duplicate",
  "withdrawn",
] as const;

export const CASE_STATUSES = [...MAIN_PATH, ...EXIT_STATUSES, "on-hold"] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const TERMINAL_STATUSES: readonly CaseStatus[] = ["closed", ...EXIT_STATUSES];
// Statuses in which the case is still being worked (including on hold).
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
// Open statuses from which a case can be put on hold.
export const HOLDABLE_STATUSES: readonly CaseStatus[] = OPEN_STATUSES.filter((s) => s !== "on-hold");

export function isTerminal(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
