import type { CountCell } from "./suppress-table.ts";

// Random rounding to base 3 with a cell key (the method of Statistics New Zealand's RR3 and of
// the ABS and ONS cell-key perturbation): a count that is a multiple of 3 is published as it is;
// any other is rounded to one of its two neighbouring multiples of 3, up with probability
// (remainder / 3), so that on average nothing is added or taken. The "random" draw is the
// cell's key: the sum of its records' secret keys. The same records always give the same
// rounding (asking again tells nothing new); one record more or less gives a fresh draw.
// Every count from 1 to 9 rounds to 9 or less and so still reads "<10"; a count of 10 or 11
// may read "<10" too, which is what keeps a cell going from 9 to 10 from showing its 9.

export const ROUNDING_BASE = 3;
export const KEY_SPACE = 2 ** 32;

export function roundCount(count: number, key: number): number {
  const r = count % ROUNDING_BASE;
  if (r === 0) return count;
  const u = key / KEY_SPACE;
  // Up with probability r/3: the expected published count is the count itself.
  return u < r / ROUNDING_BASE ? count + (ROUNDING_BASE - r) : count - r;
}

export function roundCells(cells: readonly CountCell[]): CountCell[] {
  return cells.map((c) => ({ label: c.label, count: roundCount(c.count, c.key ?? 0) }));
}
