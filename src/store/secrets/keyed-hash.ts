import { createHash, type Hash } from "node:crypto";

// Keyed hashes (HMAC-SHA256) of the normalised keys that search, blocking and term counts look
// up, so that the tables hold no name a copied disk could read: without the index key nobody
// can hash a guessed name to find it. HMAC is built from two precomputed SHA-256 states that
// are copied per key (several times faster than a fresh HMAC object), and the output is cut to
// 128 bits: these are lookup keys, where a collision costs one extra candidate, never a secret.

const BLOCK = 64;
const OUT_BYTES = 16;
const CACHE_LIMIT = 200_000;

export type KeyedHash = (text: string) => string;

/**
 * HMAC-SHA256 of `text` under `key`, as 22 characters of base64url. Common names come back
 * again and again: results are remembered (up to CACHE_LIMIT, then forgotten at once).
 */
export function keyedHash(key: Uint8Array): KeyedHash {
  if (key.length < 32 || key.length > BLOCK) throw new Error("an index key is 32 to 64 bytes");
  const ipad = Buffer.alloc(BLOCK, 0x36);
  const opad = Buffer.alloc(BLOCK, 0x5c);
  for (let i = 0; i < key.length; i++) {
    ipad[i]! ^= key[i]!;
    opad[i]! ^= key[i]!;
  }
  const inner: Hash = createHash("sha256").update(ipad);
  const outer: Hash = createHash("sha256").update(opad);
  const cache = new Map<string, string>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined) return known;
    const digest = outer.copy().update(inner.copy().update(text, "utf8").digest()).digest();
    const out = digest.subarray(0, OUT_BYTES).toString("base64url");
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
    return out;
  };
}

/** What a keyed key stands for, so that a search key never equals a blocking or count key. */
export type KeyPurpose = "search" | "block" | `term:${string}`;

/** The keyed hash of each key for one purpose. */
export function keyedKeys(hash: KeyedHash, purpose: KeyPurpose, keys: readonly string[]): string[] {
  const prefix = `${purpose}\u0000`;
  return keys.map((k) => hash(prefix + k));
}
