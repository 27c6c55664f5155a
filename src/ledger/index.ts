// The verifiable record: canonical JSON, Ed25519 signatures, the Merkle log, its export format
// and verifiers. Pure: runs unchanged in the browser.
export * from "./bytes.ts";
export * from "./canonical-json.ts";
export * from "./sha256.ts";
export * from "./ed25519.ts";
export { createWasmBatchVerifier, sharedWasmBatchVerifier, WasmBatchVerifier, type WasmBatchVerifierOptions, type Sha512 } from "./ed25519-batch.ts";
export * from "./merkle.ts";
export * from "./merkle-tree.ts";
export * from "./schemas.ts";
export * from "./entry-types.ts";
export * from "./batch-entry-types.ts";
export * from "./thread-entry-types.ts";
export * from "./entry.ts";
export * from "./key-ring.ts";
export * from "./ledger.ts";
export * from "./log-verifier.ts";
export * from "./report.ts";
export * from "./split-view.ts";
export * from "./case-commitment.ts";
export * from "./access-log-digest.ts";
export * from "./health-entry-types.ts";
export { fromBase64, toBase64 } from "./base64.ts";
export * from "./signed-note.ts";
export * from "./tlog-checkpoint.ts";
export * from "./cosignature.ts";
export * from "./witness.ts";
