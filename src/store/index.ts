export type * from "./types.ts";
export type { Store } from "./store.ts";
export { openStore } from "./open-store.ts";
export type * from "./batches/index.ts";
export type { StatsApi } from "./stats/index.ts";
export type { DashboardApi, DashboardSummary } from "./dashboard/index.ts";
export { BatchStepError, BATCH_STATUSES } from "./batches/index.ts";
export type * from "./threads/index.ts";
export type { HealthSummariesApi, HealthSummaryRelease, RecordedConsent } from "./health-summaries/index.ts";
