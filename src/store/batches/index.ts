// Return batches: planning (mediator), children joining once verified and consenting,
// transitions, handovers per party, post-return checks.
export * from "./batch-types.ts";
export { createBatchRepository, type BatchSettings } from "./batch-repository.ts";
export { BatchStepError, MISSING_STEPS, type MissingStep } from "./batch-readiness.ts";
export { BATCH_MIGRATIONS } from "./migrations.ts";
