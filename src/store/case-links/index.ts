// Linked cases: one child, one state across the two parties' cases.
export { followLinkedSink } from "./follow-linked-sink.ts";
export { createCaseLinks, type CaseLinks } from "./link-cases.ts";
