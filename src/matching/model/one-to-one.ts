/**
 * One-to-one assignment between two lists in which each child appears at most once per side.
 * Candidates are taken strongest first; a pair is assigned when neither of its records is
 * assigned yet. A pair not assigned is kept only when it comes within `margin` (match-weight
 * units, log2 odds) of the assigned pair of each of its records: a near-tie, which a person must
 * settle (the competing pairs are then flagged as a set). Anything weaker is set aside: a
 * record's clearly better candidate explains it. Nothing is decided or merged here.
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
  const order = Array.from({ length: count }, (_, p) => p);
  // Ties in weight are broken by position so the result does not depend on the sort's whims.
  order.sort((a, b) => weight[b]! - weight[a]! || a - b);
  const leftBest = new Map<number, number>();
  const rightBest = new Map<number, number>();
  const keep = new Uint8Array(count);
  for (const p of order) {
    const w = weight[p]!;
    const lb = leftBest.get(left[p]!);
    const rb = rightBest.get(right[p]!);
    if (lb === undefined && rb === undefined) {
      leftBest.set(left[p]!, w);
      rightBest.set(right[p]!, w);
      keep[p] = 1;
    } else if ((lb === undefined || lb - w <= margin) && (rb === undefined || rb - w <= margin)) {
      keep[p] = 1;
    }
  }
  return keep;
}
