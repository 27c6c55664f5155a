// Signed reports (identity, post-return): drafted, signed by each verifier, kept in the log.
export * from "./report-store.ts";
