import { nearest, PairSet, windowed, windowPairs, type BlockWindow } from "./block-window.ts";

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
  /** Blocks (and split blocks' records without the split value against their sub-blocks) above the rule's window.above, where only the window's pairs were made. */
  windowBlocks: number;
  /** Pairs of those blocks left out by the window (a later rule sharing a key still makes them). */
  windowPairs: number;
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

/** The one of codes a and b that is a split block holding the other (an ancestor), or -1. */
function ancestorOf(parent: Int32Array, a: number, b: number): number {
  for (let x = parent[b]!; x >= 0; x = parent[x]!) if (x === a) return a;
  for (let x = parent[a]!; x >= 0; x = parent[x]!) if (x === b) return b;
  return -1;
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
 * windows[r], when given, limits the pairs of rule r's large blocks to each record's best
 * agreeing records (see windowPairs); a pair left out there is still made by a later rule.
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
  windows?: readonly (BlockWindow | null)[],
): { pairs: PairList; stats: RuleStats[] } {
  const pairs = new PairList(1 << 16);
  const stats: RuleStats[] = [];
  // Keys of blocks skipped as too large: a pair in such a block was not produced there, so a
  // later rule must still produce it.
  // Allocated only for a rule that skips a block (rare): null means none skipped.
  const skipped: (Uint8Array | null)[] = [];
  // Blocks windowed by their rule (within: the block's own pairs; across: its records without the
  // split value against its sub-blocks), and the pairs the windows made: a pair of such a block
  // that was not made must still come from a later rule. null when none.
  const windowedIn: (Uint8Array | null)[] = [];
  const acrossCut: (Uint8Array | null)[] = [];
  const windowMade: (PairSet | null)[] = [];
  const seenBefore = seenBeforeRule({ leftKeys, rightKeys, dedupe, parents, skipped, windowedIn, acrossCut, windowMade });
  const maxKeys = Math.max(0, ...keyCounts);
  const leftScratch = bucketScratch(maxKeys, leftKeys[0]?.length ?? 0);
  const rightScratch = dedupe ? leftScratch : bucketScratch(maxKeys, rightKeys[0]?.length ?? 0);
  const childScratch = parents?.some((p) => p) ? bucketScratch(maxKeys, maxKeys) : null;
  for (let r = 0; r < leftKeys.length; r++) {
    skipped.push(null);
    windowedIn.push(null);
    acrossCut.push(null);
    windowMade.push(null);
    const st: RuleStats = { name: ruleNames[r]!, newPairs: 0, pairs: 0, skippedBlocks: 0, skippedPairs: 0, splitBlocks: 0, unsplitBlocks: 0, unsplitPairs: 0, windowBlocks: 0, windowPairs: 0 };
    const window = windows?.[r] ?? null;
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
    const { acrossSplit, acrossWindow } = children
      ? splitBlockWalkers({ lb, rb, children, dedupe, st, emit, r, K, acrossCut, windowMade }, window)
      : { acrossSplit: () => {}, acrossWindow: () => {} };
    for (let k = 0; k < K; k++) {
      if (onProgress && k % step === 0) onProgress(r, k / K);
      if (children) {
        if (window) acrossWindow(k, window);
        else acrossSplit(k, k);
      }
      const l0 = lb.start[k]!;
      const l1 = lb.start[k + 1]!;
      const r0 = rb.start[k]!;
      const r1 = rb.start[k + 1]!;
      if (l1 === l0 || r1 === r0) continue;
      const blockPairs = dedupe ? ((l1 - l0) * (l1 - l0 - 1)) / 2 : (l1 - l0) * (r1 - r0);
      const inWindow = window !== null && windowed(window, blockPairs, lb.items[l0]!);
      // A windowed block makes at most `size` pairs per record of its smaller side.
      const made = inWindow ? Math.min(blockPairs, (dedupe ? l1 - l0 : Math.min(l1 - l0, r1 - r0)) * window.size) : blockPairs;
      if (made > maxBlockPairs[r]!) {
        st.skippedBlocks++;
        (skipped[r] ??= new Uint8Array(K))[k] = 1;
        st.skippedPairs += blockPairs;
        continue;
      }
      st.pairs += blockPairs;
      if (inWindow) {
        st.windowBlocks++;
        (windowedIn[r] ??= new Uint8Array(K))[k] = 1;
        const set = (windowMade[r] ??= new PairSet());
        const ls = lb.items.subarray(l0, l1);
        const rs = rb.items.subarray(r0, r1);
        let kept = 0;
        windowPairs(ls, window.leftParts, rs, window.rightParts, window.size, dedupe, (a, b) => {
          const i = ls[a]!;
          const j = rs[b]!;
          set.add(i, j);
          kept++;
          if (seenBefore(r, i, j)) return;
          pairs.push(i, j, r);
          st.newPairs++;
        });
        st.windowPairs += blockPairs - kept;
        continue;
      }
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

/** What a later rule must know of the earlier ones: which blocks were skipped or windowed, and what the windows made. */
interface EarlierRules {
  leftKeys: readonly Int32Array[];
  rightKeys: readonly Int32Array[];
  dedupe: boolean;
  parents: readonly (Int32Array | null)[] | undefined;
  skipped: (Uint8Array | null)[];
  windowedIn: (Uint8Array | null)[];
  acrossCut: (Uint8Array | null)[];
  windowMade: (PairSet | null)[];
}

/** Whether an earlier rule than r already produced the pair (i, j). */
function seenBeforeRule(e: EarlierRules): (r: number, i: number, j: number) => boolean {
  const { leftKeys, rightKeys, dedupe, parents, skipped, windowedIn, acrossCut, windowMade } = e;
  return (r: number, i: number, j: number): boolean => {
    for (let q = 0; q < r; q++) {
      const c = leftKeys[q]![i]!;
      const d = rightKeys[q]![j]!;
      if (c < 0 || d < 0) continue;
      if (c === d) {
        const sk = skipped[q];
        const wi = windowedIn[q];
        if ((!sk || sk[c] === 0) && (!wi || wi[c] === 0 || windowMade[q]!.has(dedupe && i > j ? j : i, dedupe && i > j ? i : j))) return true;
      } else if (parents?.[q]) {
        const cut = acrossCut[q];
        if (!cut) {
          if (sharesBlock(parents[q], c, d)) return true;
        } else {
          const a = ancestorOf(parents[q]!, c, d);
          if (a >= 0 && (cut[a] === 0 || windowMade[q]!.has(dedupe && i > j ? j : i, dedupe && i > j ? i : j))) return true;
        }
      }
    }
    return false;
    };
}

type Buckets = { start: Int32Array; items: Int32Array };

interface SplitRule {
  lb: Buckets;
  rb: Buckets;
  children: Buckets;
  dedupe: boolean;
  st: RuleStats;
  emit: (i: number, j: number) => void;
  r: number;
  K: number;
  acrossCut: (Uint8Array | null)[];
  windowMade: (PairSet | null)[];
}

/** The pairs a split block's leftover records make with its sub-blocks, in full or windowed. */
function splitBlockWalkers(
  rule: SplitRule,
  window: BlockWindow | null,
): { acrossSplit: (k: number, sub: number) => void; acrossWindow: (k: number, w: BlockWindow) => void } {
  const { lb, rb, children, dedupe, st, emit, r, K, acrossCut, windowMade } = rule;
  // Records left in split block k against the records of every sub-block below it.
  const acrossSplit = (k: number, sub: number) => {
    for (let c = children.start[sub]!; c < children.start[sub + 1]!; c++) {
      const d = children.items[c]!;
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
  // Records of all sub-blocks below k, on one side.
  const below = (k: number, side: { start: Int32Array; items: Int32Array }, out: number[]): number[] => {
    for (let c = children.start[k]!; c < children.start[k + 1]!; c++) {
      const d = children.items[c]!;
      for (let a = side.start[d]!; a < side.start[d + 1]!; a++) out.push(side.items[a]!);
      below(d, side, out);
    }
    return out;
  };
  let best = new Int32Array(window?.unsplitSize ?? 0);
  // Reused for every split block (hundreds of thousands at a million records).
  const belowR: number[] = [];
  const belowL: number[] = [];
  // With a window, records left in split block k pair with their `unsplitSize` best agreeing
  // records of the sub-blocks below it once those pairs exceed window.above.
  const acrossWindow = (k: number, w: BlockWindow): void => {
    // Called for every key: return before allocating anything for the many that have no sub-blocks.
    if (children.start[k + 1] === children.start[k]) return;
    if (lb.start[k + 1] === lb.start[k] && (dedupe || rb.start[k + 1] === rb.start[k])) return;
    const lackL = lb.items.subarray(lb.start[k]!, lb.start[k + 1]!);
    const lackR = dedupe ? lackL : rb.items.subarray(rb.start[k]!, rb.start[k + 1]!);
    belowR.length = 0;
    belowL.length = 0;
    const dr = below(k, rb, belowR);
    const dl = dedupe ? dr : below(k, lb, belowL);
    const full = lackL.length * dr.length + (dedupe ? 0 : dl.length * lackR.length);
    if (!windowed(w, full, lackL.length > 0 ? lackL[0]! : dl[0]!)) {
      acrossSplit(k, k);
      return;
    }
    st.pairs += full;
    st.windowBlocks++;
    (acrossCut[r] ??= new Uint8Array(K))[k] = 1;
    const made = (windowMade[r] ??= new PairSet());
    let kept = 0;
    if (best.length < w.unsplitSize) best = new Int32Array(w.unsplitSize);
    for (const i of lackL) {
      const n = nearest(i, w.leftParts, dr, w.rightParts, w.unsplitSize, best);
      for (let t = 0; t < n; t++) {
        const j = dr[best[t]!]!;
        made.add(dedupe && i > j ? j : i, dedupe && i > j ? i : j);
        kept++;
        emit(i, j);
      }
    }
    if (!dedupe) {
      for (const j of lackR) {
        const n = nearest(j, w.rightParts, dl, w.leftParts, w.unsplitSize, best);
        for (let t = 0; t < n; t++) {
          const i = dl[best[t]!]!;
          made.add(i, j);
          kept++;
          emit(i, j);
        }
      }
    }
    st.windowPairs += full - kept;
  };
  return { acrossSplit, acrossWindow };
}
