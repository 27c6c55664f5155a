/**
 * Nearest neighbours inside large blocks. A key whose number of values does not grow with the
 * population (a common given name on one date) makes blocks that grow with it, and their pairs
 * with its square; splitting by further keys helps until the keys run out, and a record without
 * the split value still pairs with every sub-block. In a block of more than `above` pairs a
 * record is paired only with the `size` records of the other side that agree with it best on
 * the window's parts, so its pairs there no longer grow with the block.
 */
export interface BlockWindow {
  size: number;
  /** Partners of a record left in a split block without the split value, among its sub-blocks' records. */
  unsplitSize: number;
  /** Blocks (and records left in a split block against its sub-blocks) of more pairs than this are windowed. */
  above: number;
  /** ...and only when a record of the block expects more than this many records of the other side to share its key (see expected). */
  expectedAbove: number;
  /** Per left record, the records of the other side expected to share its key by chance; null: no such condition. */
  expected: Float32Array | null;
  leftParts: WindowParts;
  rightParts: WindowParts;
}

/** What the records of one side are compared on in a window. */
export interface WindowParts {
  /** One column per part, a code per record (-1 = missing; only equality counts). */
  codes: readonly Int32Array[];
}

/** Whether a block holding left record i, of `pairs` pairs, is windowed. */
export function windowed(w: BlockWindow, pairs: number, i: number): boolean {
  return pairs > w.above && (w.expected === null || w.expected[i]! > w.expectedAbove);
}

/**
 * How well record x (of side xs) and record y (of side ys) agree: first the number of parts
 * both have and share, then which (an earlier part counts for more). A missing part never agrees.
 */
export function agreement(xs: WindowParts, x: number, ys: WindowParts, y: number): number {
  const P = xs.codes.length;
  let count = 0;
  let which = 0;
  // Small integers throughout (at most 24 parts: count << 24 stays below 2^31).
  for (let p = 0; p < P; p++) {
    const a = xs.codes[p]![x]!;
    if (a >= 0 && a === ys.codes[p]![y]!) {
      count++;
      which |= 1 << (P - 1 - p);
    }
  }
  return (count << P) | which;
}

// Scores of the best candidates so far, reused call after call (windows are small).
let bestScore = new Float64Array(8);

/**
 * The `size` records of `candidates` (of the other side) that agree best with record x, ties
 * going to the earlier candidate, so the choice is deterministic for a given candidate order.
 * Writes their indexes into `candidates` to out[offset...], best first, and returns how many
 * (fewer than `size` only when there are fewer candidates). `skip` is a candidate index to
 * leave out (the record itself, when deduplicating).
 */
export function nearest(
  x: number,
  own: WindowParts,
  candidates: ArrayLike<number>,
  other: WindowParts,
  size: number,
  out: Int32Array,
  offset = 0,
  skip = -1,
): number {
  if (bestScore.length < size) bestScore = new Float64Array(size);
  let n = 0;
  for (let k = 0; k < candidates.length; k++) {
    if (k === skip) continue;
    const s = agreement(own, x, other, candidates[k]!);
    if (n === size && s <= bestScore[size - 1]!) continue;
    // Insert after every kept candidate scoring at least as much (an earlier one wins a tie).
    let at = n < size ? n : size - 1;
    while (at > 0 && bestScore[at - 1]! < s) {
      bestScore[at] = bestScore[at - 1]!;
      out[offset + at] = out[offset + at - 1]!;
      at--;
    }
    bestScore[at] = s;
    out[offset + at] = k;
    if (n < size) n++;
  }
  return n;
}

let fromRightBuf = new Int32Array(64);
let countRightBuf = new Int32Array(64);
let mineBuf = new Int32Array(8);

function holds(list: Int32Array, offset: number, count: number, v: number): boolean {
  for (let t = 0; t < count; t++) if (list[offset + t] === v) return true;
  return false;
}

/**
 * Pairs of a block (left records × right records) that the window keeps: a pair is made when
 * each of its records is among the `size` best agreeing records of the other side (mutual), so
 * a record has at most `size` pairs in the block. Calls keep(a, b) with indexes into `left` and
 * `right`, left by left. For deduplication pass the same records and parts on both sides: then
 * only a < b is kept.
 */
export function windowPairs(
  left: ArrayLike<number>,
  leftParts: WindowParts,
  right: ArrayLike<number>,
  rightParts: WindowParts,
  size: number,
  dedupe: boolean,
  keep: (a: number, b: number) => void,
): void {
  const nl = left.length;
  const nr = right.length;
  // Reused across calls: a million-record run windows hundreds of thousands of small blocks,
  // and a few typed arrays each were a large share of its garbage-collection time.
  if (fromRightBuf.length < nr * size) fromRightBuf = new Int32Array(Math.max(nr * size, 2 * fromRightBuf.length));
  if (countRightBuf.length < nr) countRightBuf = new Int32Array(Math.max(nr, 2 * countRightBuf.length));
  if (mineBuf.length < size) mineBuf = new Int32Array(size);
  const fromRight = fromRightBuf;
  const countRight = countRightBuf;
  for (let b = 0; b < nr; b++) countRight[b] = nearest(right[b]!, rightParts, left, leftParts, size, fromRight, b * size, dedupe ? b : -1);
  if (dedupe) {
    for (let a = 0; a < nl; a++) {
      for (let b = a + 1; b < nl; b++) if (holds(fromRight, a * size, countRight[a]!, b) && holds(fromRight, b * size, countRight[b]!, a)) keep(a, b);
    }
    return;
  }
  const mine = mineBuf;
  for (let a = 0; a < nl; a++) {
    const n = nearest(left[a]!, leftParts, right, rightParts, size, mine);
    for (let t = 0; t < n; t++) {
      const b = mine[t]!;
      if (holds(fromRight, b * size, countRight[b]!, a)) keep(a, b);
    }
  }
}

/**
 * A set of record pairs by open addressing on typed arrays: later rules ask it about many
 * pairs, and a Set of numbers past 31 bits boxes every key.
 */
export class PairSet {
  private slots = new Int32Array(2048).fill(-1); // [left, right] per slot; left -1 = empty
  private mask = 1023;
  size = 0;
  private slot(i: number, j: number): number {
    let h = Math.imul(i ^ Math.imul(j, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    let s = h & this.mask;
    while (this.slots[s * 2]! >= 0 && (this.slots[s * 2] !== i || this.slots[s * 2 + 1] !== j)) s = (s + 1) & this.mask;
    return s;
  }
  add(i: number, j: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const s = this.slot(i, j);
    if (this.slots[s * 2]! >= 0) return;
    this.slots[s * 2] = i;
    this.slots[s * 2 + 1] = j;
    this.size++;
  }
  has(i: number, j: number): boolean {
    return this.slots[this.slot(i, j) * 2]! >= 0;
  }
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = old.length - 1;
    this.size = 0;
    for (let s = 0; s < old.length; s += 2) if (old[s]! >= 0) this.add(old[s]!, old[s + 1]!);
  }
}
