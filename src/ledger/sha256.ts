import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { canonicalBytes } from "./canonical-json.ts";
import { toHex } from "./bytes.ts";

// Callers that hash millions of leaves (the CLI verifier, the registry) may pass a native
// implementation; the default runs anywhere.
export type Sha256 = (data: Uint8Array) => Uint8Array;

export const sha256: Sha256 = (data) => nobleSha256(data);

export function hashCanonical(value: unknown, hash: Sha256 = sha256): string {
  return toHex(hash(canonicalBytes(value)));
}
