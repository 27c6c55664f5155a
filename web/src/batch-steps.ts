import { ApiError } from "./api/client";

export const BATCH_STATUSES = ["planned", "confirmed", "in-transit", "completed", "postponed", "cancelled"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

// Where a batch may go next (the server's rule, repeated so the page offers only these).
export const NEXT_STATUSES: Readonly<Record<BatchStatus, readonly BatchStatus[]>> = {
  planned: ["confirmed", "postponed", "cancelled"],
  confirmed: ["in-transit", "postponed", "cancelled"],
  "in-transit": ["completed", "postponed", "cancelled"],
  postponed: ["planned", "cancelled"],
  completed: [],
  cancelled: [],
};

const KNOWN_STEPS = new Set([
  "parties", "child-refused", "identity-report", "tracing-verifier-signature", "holding-verifier-signature",
  "mediator-confirmation", "return-consent", "lifecycle", "handovers", "children", "status",
]);

/** The step a 409 from the batch routes names, when it names one this app can explain. */
export function missingStepOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const step = (error.problem as { missingStep?: unknown } | undefined)?.missingStep;
  return typeof step === "string" && KNOWN_STEPS.has(step) ? step : null;
}
