// Signed reports (identity, post-return): drafted, signed by each verifier, kept in the log.
export { createReportsStore } from "./report-store.ts";
export { signedReportPreconditions } from "./report-preconditions.ts";
export * from "./report-types.ts";
