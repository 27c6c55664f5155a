export type * from "./types.ts";
export { openStore } from "./open-store.ts";
export type * from "./batches/batch-types.ts";
export { BatchStepError, BATCH_STATUSES } from "./batches/index.ts";
