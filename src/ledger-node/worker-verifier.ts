// The one place that decides how a log's signatures are checked in Node: every thread that
// checks lines of a log (each worker, or the main thread with --threads 0) gets its verifier here.
import type { BatchVerifier } from "../ledger/index.ts";
import { createNodeWasmBatchVerifier } from "./wasm-verifier.ts";

/**
 * Ed25519 batch verification in WebAssembly with Node's SHA-512: each chunk's signatures are
 * checked by one batch equation, several times faster than OpenSSL checking them one by one.
 */
export function createWorkerBatchVerifier(): Promise<BatchVerifier> {
  return createNodeWasmBatchVerifier();
}
