// The one place that decides how a log's signatures are checked in Node: every thread that
// checks lines of a log (each worker, or the main thread with --threads 0) gets its verifier here.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import type { BatchVerifier } from "../ledger/index.ts";

/** Today: OpenSSL, one signature after another, on the calling thread. */
export async function createWorkerBatchVerifier(): Promise<BatchVerifier> {
  const keyObjects = new WeakMap<Uint8Array, KeyObject>();
  const keyFor = (publicKey: Uint8Array): KeyObject => {
    // The line checker hands the same bytes for the same key, so this is decoded once per key.
    let key = keyObjects.get(publicKey);
    if (!key) {
      key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey).toString("base64url") }, format: "jwk" });
      keyObjects.set(publicKey, key);
    }
    return key;
  };
  return {
    async verifyBatch(checks) {
      return checks.map((c) => {
        if (c.publicKey.length !== 32 || c.signature.length !== 64) return false;
        try {
          return verify(null, c.message, keyFor(c.publicKey), c.signature);
        } catch {
          return false;
        }
      });
    },
  };
}
