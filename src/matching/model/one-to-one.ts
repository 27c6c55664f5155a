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
  const order = new Uint32Array(count);
  for (let p = 0; p < count; p++) order[p] = p;
  // Ties in weight are broken by position so the result does not depend on the sort's whims.
  order.sort((a, b) => weight[b]! - weight[a]! || a - b);
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
