// An append-only Merkle tree that keeps every complete subtree hash, so that any root, inclusion
// proof or consistency proof for any size up to the current one costs O(log n) stored lookups
// plus at most O(log n) hashes for the ragged right edge.
import { HASH_SIZE, consistencyPath, emptyRoot, inclusionPath, isPowerOfTwo, leafHash, nodeHash, splitPoint } from "./merkle.ts";
import { sha256 as defaultSha256, type Sha256 } from "./sha256.ts";

/** A growable array of 32-byte hashes in one buffer (millions of small arrays would cost far more). */
class HashArray {
  private buffer = new Uint8Array(HASH_SIZE * 16);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * HASH_SIZE > this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer.set(hash, this.length * HASH_SIZE);
    this.length++;
  }

  get(i: number): Uint8Array {
    if (i < 0 || i >= this.length) throw new RangeError(`no hash at ${i}`);
    return this.buffer.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  }
}

export class MerkleTree {
  private readonly levels: HashArray[] = [new HashArray()];
  private readonly hash: Sha256;

  constructor(options: { hash?: Sha256 } = {}) {
    this.hash = options.hash ?? defaultSha256;
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends raw leaf data; returns its index. */
  append(data: Uint8Array): number {
    return this.appendLeafHash(leafHash(data, this.hash));
  }

  appendLeafHash(hash: Uint8Array): number {
    if (hash.length !== HASH_SIZE) throw new Error("leaf hash must be 32 bytes");
    const index = this.size;
    this.levels[0]!.push(hash);
    let i = index;
    let level = 0;
    while (i % 2 === 1) {
      const row = this.levels[level]!;
      const parent = nodeHash(row.get(i - 1), row.get(i), this.hash);
      if (this.levels.length === level + 1) this.levels.push(new HashArray());
      this.levels[level + 1]!.push(parent);
      i = (i - 1) / 2;
      level++;
    }
    return index;
  }

  leafHash(index: number): Uint8Array {
    return this.levels[0]!.get(index).slice();
  }

  /** MTH(D[start:end]) over the leaves appended so far. */
  rangeHash = (start: number, end: number): Uint8Array => {
    if (start < 0 || end > this.size || start >= end) throw new RangeError(`bad range [${start}, ${end})`);
    const n = end - start;
    if (isPowerOfTwo(n) && start % n === 0) {
      return this.levels[Math.log2(n)]!.get(start / n);
    }
    const k = splitPoint(n);
    return nodeHash(this.rangeHash(start, start + k), this.rangeHash(start + k, end), this.hash);
  };

  root(size: number = this.size): Uint8Array {
    if (size < 0 || size > this.size) throw new RangeError(`no tree of size ${size}`);
    if (size === 0) return emptyRoot(this.hash);
    return this.rangeHash(0, size).slice();
  }

  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    if (size > this.size) throw new RangeError(`no tree of size ${size}`);
    return inclusionPath(index, size, this.rangeHash).map((h) => h.slice());
  }

  consistencyProof(size1: number, size2: number = this.size): Uint8Array[] {
    if (size2 > this.size) throw new RangeError(`no tree of size ${size2}`);
    return consistencyPath(size1, size2, this.rangeHash).map((h) => h.slice());
  }
}

/**
 * The right frontier of a tree: only the roots of its complete subtrees, so a verifier can
 * follow a log of any length in O(log n) memory and compute the root at every checkpoint.
 */
export class CompactRange {
  private readonly stack: Uint8Array[] = [];
  private count = 0;
  private readonly hash: Sha256;

  constructor(options: { hash?: Sha256 } = {}) {
    this.hash = options.hash ?? defaultSha256;
  }

  get size(): number {
    return this.count;
  }

  appendLeafHash(hash: Uint8Array): void {
    let node = hash;
    let i = this.count;
    while (i % 2 === 1) {
      node = nodeHash(this.stack.pop()!, node, this.hash);
      i = (i - 1) / 2;
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Uint8Array {
    if (this.stack.length === 0) return emptyRoot(this.hash);
    let r = this.stack[this.stack.length - 1]!;
    for (let i = this.stack.length - 2; i >= 0; i--) r = nodeHash(this.stack[i]!, r, this.hash);
    return r;
  }
}
