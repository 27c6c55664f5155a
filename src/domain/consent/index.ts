export * from "./consent-record.ts";
export * from "./evaluate-consent.ts";
