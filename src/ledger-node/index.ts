// Node-only ledger machinery: native hashing and signing, and log verification on worker threads.
export * from "./node-crypto.ts";
export * from "./verify-pool.ts";
export { createNodeWasmBatchVerifier } from "./wasm-verifier.ts";
export { createWorkerBatchVerifier } from "./worker-verifier.ts";
