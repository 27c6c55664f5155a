// Matching in the registry: candidate pairs found as cases change, reviewed by both sides.
export * from "./match-registry.ts";
export type { MatchTables } from "./match-schema.ts";
export { matchCodec, type MatchCodec } from "./match-codec.ts";
