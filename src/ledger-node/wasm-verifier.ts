// The WebAssembly Ed25519 batch verifier with Node's native SHA-512 and a fast keystream for
// the batch coefficients (AES-256-CTR under a fresh random key per batch: unpredictable to
// whoever made the signatures, which is all the coefficients need to be).
import { createCipheriv, hash, randomBytes } from "node:crypto";
import { createWasmBatchVerifier, type WasmBatchVerifier } from "../ledger/index.ts";

export const nodeSha512 = (data: Uint8Array): Uint8Array => hash("sha512", data, "buffer");

export function nodeRandomFill(bytes: Uint8Array): void {
  const cipher = createCipheriv("aes-256-ctr", randomBytes(32), randomBytes(16));
  bytes.set(cipher.update(new Uint8Array(bytes.length)));
}

export function createNodeWasmBatchVerifier(): Promise<WasmBatchVerifier> {
  return createWasmBatchVerifier({ sha512: nodeSha512, random: nodeRandomFill });
}
