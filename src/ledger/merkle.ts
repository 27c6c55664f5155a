// RFC 6962 / RFC 9162 Merkle tree hashing and proof verification (RFC 9162 §2.1).
// Sizes and indices are plain numbers: arithmetic, not 32-bit bit operations, keeps them exact
// far beyond any log this software will hold.
import { bytesEqual, concatBytes } from "./bytes.ts";
import { sha256 as defaultSha256, type Sha256 } from "./sha256.ts";

export const HASH_SIZE = 32;
const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

export function leafHash(data: Uint8Array, hash: Sha256 = defaultSha256): Uint8Array {
  return hash(concatBytes(LEAF_PREFIX, data));
}

export function nodeHash(left: Uint8Array, right: Uint8Array, hash: Sha256 = defaultSha256): Uint8Array {
  return hash(concatBytes(NODE_PREFIX, left, right));
}

export function emptyRoot(hash: Sha256 = defaultSha256): Uint8Array {
  return hash(new Uint8Array(0));
}

/** The largest power of two strictly smaller than n (n > 1), the RFC's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

function validHashes(hashes: readonly Uint8Array[]): boolean {
  return hashes.every((h) => h instanceof Uint8Array && h.length === HASH_SIZE);
}

export type ProofResult = { ok: true } | { ok: false; reason: string };
const fail = (reason: string): ProofResult => ({ ok: false, reason });
const OK: ProofResult = { ok: true };

/** RFC 9162 §2.1.3.2: does `proof` show the leaf with hash `leaf` at `index` in the tree `root` of `size`? */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hash: Sha256 = defaultSha256,
): ProofResult {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0) return fail("bad index or size");
  if (index >= size) return fail(`index ${index} is not below tree size ${size}`);
  if (!validHashes([leaf, root, ...proof])) return fail("a hash is not 32 bytes");
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return fail("proof is too long");
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r, hash);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p, hash);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail("proof is too short");
  if (!bytesEqual(r, root)) return fail("proof does not lead to the root");
  return OK;
}

/**
 * RFC 9162 §2.1.4.2: is the tree `root2` of `size2` an append-only extension of `root1` of `size1`?
 * A proof from size 0 is rejected: an empty tree commits to nothing, so "consistent with it"
 * would be a claim with no content.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
  hash: Sha256 = defaultSha256,
): ProofResult {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2)) return fail("bad size");
  if (size1 <= 0) return fail("consistency from an empty tree is not defined");
  if (size2 < size1) return fail(`size ${size2} is smaller than ${size1}`);
  // Equal sizes compare the roots as given, whatever their length (as the reference vectors do).
  if (size1 === size2) {
    if (proof.length !== 0) return fail("proof between equal sizes must be empty");
    return bytesEqual(root1, root2) ? OK : fail("roots of equal sizes differ");
  }
  if (!validHashes([root1, root2, ...proof])) return fail("a hash is not 32 bytes");
  if (proof.length === 0) return fail("proof is empty");
  let path = proof;
  // When size1 is a power of two its root is itself a node of the larger tree.
  if (isPowerOfTwo(size1)) path = [root1, ...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return fail("proof is too long");
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr, hash);
      sr = nodeHash(c, sr, hash);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c, hash);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail("proof is too short");
  if (!bytesEqual(fr, root1)) return fail("proof does not lead to the first root");
  if (!bytesEqual(sr, root2)) return fail("proof does not lead to the second root");
  return OK;
}

/** Anything that can give the hash of the subtree over leaves [start, end). */
export type RangeHasher = (start: number, end: number) => Uint8Array;

/** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
export function inclusionPath(index: number, size: number, rangeHash: RangeHasher): Uint8Array[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`index ${index} is outside a tree of size ${size}`);
  }
  const out: Uint8Array[] = [];
  let start = 0;
  let n = size;
  let m = index;
  // Walk down from the root, collecting siblings; the RFC lists them leaf-first.
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      out.push(rangeHash(start + k, start + n));
      n = k;
    } else {
      out.push(rangeHash(start, start + k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return out.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) for 0 < m <= n. */
export function consistencyPath(size1: number, size2: number, rangeHash: RangeHasher): Uint8Array[] {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 <= 0 || size1 > size2) {
    throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  }
  const out: Uint8Array[] = [];
  let start = 0;
  let n = size2;
  let m = size1;
  let complete = true;
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      out.push(rangeHash(start + k, start + n));
      n = k;
    } else {
      out.push(rangeHash(start, start + k));
      start += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  if (!complete) out.push(rangeHash(start, start + n));
  return out.reverse();
}
