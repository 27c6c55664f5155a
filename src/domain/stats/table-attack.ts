import type { PublishedTable } from "./suppress-table.ts";
import { bounds, SMALL } from "./suppress-table.ts";

export type PublishedTotal = number | typeof SMALL;

// What someone can work out about the counts of one table from what is published: each cell's
// range given the published cells and the table's total. With only per-cell ranges and one
// sum, the range of each cell is exact (every value in it is reached by some table that
// publishes the same). Used by the tests and documented as the attacker the method is held to.
export type Range = [number, number];

// Ranges of each cell when every cell lies in `box[i]` and the cells sum to a total in
// `total` (a published total is exact; one under 10 is published as "<10").
export function rangesUnderSum(box: readonly Range[], total: Range): Range[] | null {
  const [tLo, tHi] = total;
  const lo = box.reduce((s, [l]) => s + l, 0);
  // Highs may be unbounded: count those apart so that no Infinity - Infinity arises.
  const unbounded = box.filter(([, h]) => h === Number.POSITIVE_INFINITY).length;
  const finiteHi = box.reduce((s, [, h]) => (h === Number.POSITIVE_INFINITY ? s : s + h), 0);
  if (tHi < lo || (unbounded === 0 && tLo > finiteHi)) return null;
  return box.map(([l, h]) => {
    const othersUnbounded = unbounded - (h === Number.POSITIVE_INFINITY ? 1 : 0);
    const othersHi = othersUnbounded > 0 ? Number.POSITIVE_INFINITY : finiteHi - (h === Number.POSITIVE_INFINITY ? 0 : h);
    return [Math.max(l, tLo - othersHi), Math.min(h, tHi - (lo - l))] as Range;
  });
}

// `rounding`: the base published numbers were rounded to (1: exact), see round-count.ts.
export function totalRange(total: PublishedTotal, rounding = 1): Range {
  return bounds(total, false, rounding);
}

function boxes(t: PublishedTable, rounding: number): Range[] {
  return t.cells.map((c) => bounds(c.value, t.withheld, rounding));
}

export function attackOne(published: PublishedTable, total: PublishedTotal, rounding = 1): Range[] {
  const r = rangesUnderSum(boxes(published, rounding), totalRange(total, rounding));
  if (!r) throw new Error("the published table does not add up to its total");
  return r;
}

// One case changed between two publications of a table: it entered a cell (+1), left one
// (-1), moved between two, or did not touch this table. The attacker knows both totals and
// both publications and tries every such change; for each cell they learn the union of the
// ranges over the changes consistent with both.
export function attackPair(
  before: PublishedTable,
  totalBefore: PublishedTotal,
  after: PublishedTable,
  totalAfter: PublishedTotal,
  rounding = 1,
): { before: Range[]; after: Range[] } | null {
  const t1 = totalRange(totalBefore, rounding);
  const t2 = totalRange(totalAfter, rounding);
  const n = before.cells.length;
  const b1 = boxes(before, rounding);
  const b2 = boxes(after, rounding);
  const acc1: (Range | null)[] = Array.from({ length: n }, () => null);
  const acc2: (Range | null)[] = Array.from({ length: n }, () => null);
  for (const delta of changes(n)) {
    const shift = delta.reduce((a, b) => a + b, 0);
    const total: Range = [Math.max(t1[0], t2[0] - shift), Math.min(t1[1], t2[1] - shift)];
    if (total[0] > total[1]) continue;
    // Cells of the first table must lie in both its box and the second box shifted back.
    const box: Range[] = b1.map(([l, h], i) => [Math.max(l, b2[i]![0] - delta[i]!), Math.min(h, b2[i]![1] - delta[i]!)]);
    if (box.some(([l, h]) => l > h)) continue;
    const r = rangesUnderSum(box, total);
    if (!r) continue;
    r.forEach(([l, h], i) => {
      acc1[i] = widen(acc1[i]!, [l, h]);
      acc2[i] = widen(acc2[i]!, [l + delta[i]!, h + delta[i]!]);
    });
  }
  if (acc1.some((r) => r === null)) return null;
  return { before: acc1 as Range[], after: acc2 as Range[] };
}

function widen(a: Range | null, b: Range): Range {
  return a === null ? b : [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

function* changes(n: number): Generator<number[]> {
  const zero = (): number[] => new Array<number>(n).fill(0);
  yield zero();
  for (let i = 0; i < n; i++) {
    for (const step of [1, -1]) {
      const d = zero();
      d[i] = step;
      yield d;
    }
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = zero();
      d[i] = 1;
      d[j] = -1;
      yield d;
    }
  }
}
