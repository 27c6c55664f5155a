export * from "./health-summary.ts";
export * from "./health-consent.ts";
