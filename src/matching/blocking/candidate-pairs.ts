/** Growable pair list in typed arrays: no object per pair. */
export class PairList {
  left: Int32Array;
  right: Int32Array;
  rule: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.rule = new Uint8Array(capacity);
  }
  push(l: number, r: number, rule: number): void {
    if (this.length === this.left.length) {
      const cap = this.left.length * 2;
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      this.left = grow(this.left, (n) => new Int32Array(n));
      this.right = grow(this.right, (n) => new Int32Array(n));
      this.rule = grow(this.rule, (n) => new Uint8Array(n));
    }
    this.left[this.length] = l;
    this.right[this.length] = r;
    this.rule[this.length] = rule;
    this.length++;
  }
}

export interface RuleStats {
  name: string;
  /** Pairs this rule produced that no earlier rule had produced. */
  newPairs: number;
  /** All pairs agreeing on this rule's key (before removing earlier rules' pairs). */
  pairs: number;
  skippedBlocks: number;
  skippedPairs: number;
  /** Oversized blocks split by the rule's split keys (each counted once per split step). */
  splitBlocks: number;
  /** Split blocks above the split's unsplitAbove, whose records without the split value were not paired with the sub-blocks. */
  unsplitBlocks: number;
  /** Pairs so dropped (records without the split value × the sub-blocks' records on the other side). */
  unsplitPairs: number;
}

/** Reusable arrays for buckets(): one allocation for all rules (large allocations cost full garbage collections). */
interface BucketScratch {
  start: Int32Array;
  fill: Int32Array;
  items: Int32Array;
}

function bucketScratch(maxKeys: number, records: number): BucketScratch {
  return { start: new Int32Array(maxKeys + 1), fill: new Int32Array(maxKeys), items: new Int32Array(records) };
}

/** Buckets of record indexes by key code (compressed sparse rows), in the scratch arrays. */
function buckets(codes: Int32Array, keyCount: number, scratch: BucketScratch): { start: Int32Array; items: Int32Array } {
  const start = scratch.start.subarray(0, keyCount + 1);
  start.fill(0);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) start[codes[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const fill = scratch.fill.subarray(0, keyCount);
  fill.set(start.subarray(0, keyCount));
  const items = scratch.items.subarray(0, start[keyCount]!);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) items[fill[c]!++] = i;
  }
  return { start, items };
}

/**
 * Whether key codes a and b put two records in one block: equal codes, or one code is a block
 * that was split and the other one of its sub-blocks (a record without the split key's value
 * stays in the split block and pairs with every sub-block of it).
 */
export function sharesBlock(parent: Int32Array | null | undefined, a: number, b: number): boolean {
  if (a < 0 || b < 0) return false;
  if (a === b) return true;
  if (!parent) return false;
  for (let x = parent[a]!; x >= 0; x = parent[x]!) if (x === b) return true;
  for (let x = parent[b]!; x >= 0; x = parent[x]!) if (x === a) return true;
  return false;
}

/** Children of every code, as compressed sparse rows, from a parent array (in the scratch arrays). */
function childLists(parent: Int32Array, scratch: BucketScratch): { start: Int32Array; items: Int32Array } {
  const K = parent.length;
  const start = scratch.start.subarray(0, K + 1);
  start.fill(0);
  for (let c = 0; c < K; c++) if (parent[c]! >= 0) start[parent[c]! + 1]!++;
  for (let k = 0; k < K; k++) start[k + 1]! += start[k]!;
  const fill = scratch.fill.subarray(0, K);
  fill.set(start.subarray(0, K));
  const items = scratch.items.subarray(0, start[K]!);
  for (let c = 0; c < K; c++) if (parent[c]! >= 0) items[fill[parent[c]!]!++] = c;
  return { start, items };
}

/**
 * Union of blocking rules. A pair is produced once, by the first rule whose key it shares;
 * later rules skip it by checking the earlier rules' keys (no pair set needed).
 * For deduplication pass the same key arrays as left and right: only i < j pairs are made.
 * parents[r], when given, says which codes are sub-blocks of which (see sharesBlock): records
 * left in a split block pair with the records of all its sub-blocks too.
 */
export function candidatePairs(
  leftKeys: readonly Int32Array[],
  rightKeys: readonly Int32Array[],
  keyCounts: readonly number[],
  ruleNames: readonly string[],
  maxBlockPairs: readonly number[],
  dedupe: boolean,
  onProgress?: (rule: number, fraction: number) => void,
  parents?: readonly (Int32Array | null)[],
): { pairs: PairList; stats: RuleStats[] } {
  const pairs = new PairList(1 << 16);
  const stats: RuleStats[] = [];
  // Keys of blocks skipped as too large: a pair in such a block was not produced there, so a
  // later rule must still produce it.
  // Allocated only for a rule that skips a block (rare): null means none skipped.
  const skipped: (Uint8Array | null)[] = [];
  const seenBefore = (r: number, i: number, j: number): boolean => {
    for (let q = 0; q < r; q++) {
      const c = leftKeys[q]![i]!;
      const d = rightKeys[q]![j]!;
      if (c < 0 || d < 0) continue;
      if (c === d) {
        const sk = skipped[q];
        if (!sk || sk[c] === 0) return true;
      } else if (parents?.[q] && sharesBlock(parents[q], c, d)) return true;
    }
    return false;
  };
  const maxKeys = Math.max(0, ...keyCounts);
  const leftScratch = bucketScratch(maxKeys, leftKeys[0]?.length ?? 0);
  const rightScratch = dedupe ? leftScratch : bucketScratch(maxKeys, rightKeys[0]?.length ?? 0);
  const childScratch = parents?.some((p) => p) ? bucketScratch(maxKeys, maxKeys) : null;
  for (let r = 0; r < leftKeys.length; r++) {
    skipped.push(null);
    const st: RuleStats = { name: ruleNames[r]!, newPairs: 0, pairs: 0, skippedBlocks: 0, skippedPairs: 0, splitBlocks: 0, unsplitBlocks: 0, unsplitPairs: 0 };
    const lb = buckets(leftKeys[r]!, keyCounts[r]!, leftScratch);
    const rb = dedupe ? lb : buckets(rightKeys[r]!, keyCounts[r]!, rightScratch);
    const K = keyCounts[r]!;
    const step = Math.max(1, Math.floor(K / 20));
    const emit = (i: number, j: number) => {
      if (dedupe && i > j) [i, j] = [j, i];
      if (seenBefore(r, i, j)) return;
      pairs.push(i, j, r);
      st.newPairs++;
    };
    const parent = parents?.[r] ?? null;
    const children = parent ? childLists(parent, childScratch!) : null;
    // Records left in split block k against the records of every sub-block below it.
    const acrossSplit = (k: number, sub: number) => {
      for (let c = children!.start[sub]!; c < children!.start[sub + 1]!; c++) {
        const d = children!.items[c]!;
        for (let a = lb.start[k]!; a < lb.start[k + 1]!; a++) {
          for (let b = rb.start[d]!; b < rb.start[d + 1]!; b++) {
            st.pairs++;
            emit(lb.items[a]!, rb.items[b]!);
          }
        }
        if (!dedupe) {
          for (let a = lb.start[d]!; a < lb.start[d + 1]!; a++) {
            for (let b = rb.start[k]!; b < rb.start[k + 1]!; b++) {
              st.pairs++;
              emit(lb.items[a]!, rb.items[b]!);
            }
          }
        }
        acrossSplit(k, d);
      }
    };
    for (let k = 0; k < K; k++) {
      if (onProgress && k % step === 0) onProgress(r, k / K);
      if (children) acrossSplit(k, k);
      const l0 = lb.start[k]!;
      const l1 = lb.start[k + 1]!;
      const r0 = rb.start[k]!;
      const r1 = rb.start[k + 1]!;
      if (l1 === l0 || r1 === r0) continue;
      const blockPairs = dedupe ? ((l1 - l0) * (l1 - l0 - 1)) / 2 : (l1 - l0) * (r1 - r0);
      if (blockPairs > maxBlockPairs[r]!) {
        st.skippedBlocks++;
        (skipped[r] ??= new Uint8Array(K))[k] = 1;
        st.skippedPairs += blockPairs;
        continue;
      }
      st.pairs += blockPairs;
      for (let a = l0; a < l1; a++) {
        const i = lb.items[a]!;
        for (let b = dedupe ? a + 1 : r0; b < r1; b++) {
          const j = rb.items[b]!;
          if (seenBefore(r, i, j)) continue;
          pairs.push(i, j, r);
          st.newPairs++;
        }
      }
    }
    stats.push(st);
  }
  return { pairs, stats };
}
