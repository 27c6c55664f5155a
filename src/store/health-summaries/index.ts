// A child's health summary and the consents releasing it: sealed at rest, evaluated on every
// read by another party, every change and release a signed entry.
export { createHealthSummaryRepository } from "./health-summary-repository.ts";
export { HEALTH_SUMMARY_MIGRATIONS } from "./migrations.ts";
export type { HealthSummariesApi, HealthSummaryRelease, RecordedConsent } from "./health-summary-types.ts";
