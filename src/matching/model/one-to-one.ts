/**
 * One-to-one assignment between two lists in which each child appears at most once per side.
 * Candidates are taken strongest first; a pair is assigned when neither of its records is
 * assigned yet. A pair not assigned is kept only when it comes within `margin` (match-weight
 * units, log2 odds) of the strongest kept pair of each of its records: a near-tie, which a
 * person must settle (the competing pairs are then flagged as a set). Anything weaker is set
 * aside: a record's clearly better candidate explains it. So every kept pair is, within the
 * margin, the best for both of its records. Nothing is decided or merged here.
 *
 * Returns, per pair, 1 to keep and 0 to set aside.
 */
export function assignOneToOne(
  left: Int32Array,
  right: Int32Array,
  weight: ArrayLike<number>,
  count: number,
  margin: number,
): Uint8Array {
  const order = strongestFirst(weight, count);
  let maxLeft = -1;
  let maxRight = -1;
  for (let p = 0; p < count; p++) {
    if (left[p]! > maxLeft) maxLeft = left[p]!;
    if (right[p]! > maxRight) maxRight = right[p]!;
  }
  // The assigned pair's weight per record; NaN while a record is free.
  const leftBest = new Float64Array(maxLeft + 1).fill(Number.NaN);
  const rightBest = new Float64Array(maxRight + 1).fill(Number.NaN);
  const keep = new Uint8Array(count);
  for (const p of order) {
    const w = weight[p]!;
    const lb = leftBest[left[p]!]!;
    const rb = rightBest[right[p]!]!;
    if (Number.isNaN(lb) && Number.isNaN(rb)) {
      leftBest[left[p]!] = w;
      rightBest[right[p]!] = w;
      keep[p] = 1;
    } else if ((Number.isNaN(lb) || lb - w <= margin) && (Number.isNaN(rb) || rb - w <= margin)) {
      keep[p] = 1;
      // A near-tie holds a free record too: its weaker candidates are measured against this one.
      if (Number.isNaN(lb)) leftBest[left[p]!] = w;
      if (Number.isNaN(rb)) rightBest[right[p]!] = w;
    }
  }
  return keep;
}

const INDEX_BITS = 2 ** 29;
const WEIGHT_SCALE = 16_384;
const WEIGHT_RANGE = 256;

/**
 * Pair indexes by descending weight, ties by position. A million pairs sorted with a comparator
 * take most of a second; packing (weight to 1/16384, position) into one integer-valued double
 * lets the native numeric sort do it several times faster. Weights closer than that are taken
 * in position order, which changes nothing that matters: the margin test uses exact weights.
 */
function strongestFirst(weight: ArrayLike<number>, count: number): Float64Array | Uint32Array {
  if (count >= INDEX_BITS) {
    const order = new Uint32Array(count);
    for (let p = 0; p < count; p++) order[p] = p;
    return order.sort((a, b) => weight[b]! - weight[a]! || a - b);
  }
  const keys = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const w = Math.max(-WEIGHT_RANGE, Math.min(WEIGHT_RANGE, weight[p]!));
    keys[p] = Math.floor((WEIGHT_RANGE - w) * WEIGHT_SCALE) * INDEX_BITS + p;
  }
  keys.sort();
  for (let k = 0; k < count; k++) keys[k] = keys[k]! % INDEX_BITS;
  return keys;
}
