// Small-cell suppression of one table of counts. The method, and why it resists differencing,
// is written up in docs/statistics.md; in short:
//   - every count under 10 (zero included) is published as "<10" (primary suppression);
//   - a table with any such cell also withholds its two cells of highest priority among those
//     of 10 or more (complementary suppression), published as "withheld";
//   - a table with fewer than two cells of 10 or more is withheld whole: there the total and
//     one cell crossing 10 would otherwise pin the rest;
//   - which cells are withheld depends only on which cells are under 10 (public: they show
//     "<10") and on a fixed priority, never on the counts themselves, so knowing the method
//     tells an attacker nothing the published table does not, and one case changing cannot
//     move the complementary cells unless a cell crosses 10.

export const SMALL_CELL_LIMIT = 10;
export const SMALL = "<10";
export const WITHHELD = "withheld";
export const COMPLEMENTARY_CELLS = 2;
// Fewer cells of 10 or more than this and the table is not published cell by cell.
export const MIN_LARGE_CELLS = 2;

export type PublishedValue = number | typeof SMALL | typeof WITHHELD;

export interface CountCell {
  label: string;
  count: number;
  // The cell's key (round-count.ts), when its records have keys.
  key?: number;
}

export interface PublishedCell {
  label: string;
  value: PublishedValue;
}

// `withheld`: the whole table is withheld (every cell reads "withheld" and says nothing).
export interface PublishedTable {
  withheld: boolean;
  cells: PublishedCell[];
}

// `priority` lists labels in the order complementary cells are taken (labels not in it follow
// in table order). Pure and deterministic.
export function suppressTable(cells: readonly CountCell[], priority: readonly string[] = []): PublishedTable {
  for (const c of cells) {
    if (!Number.isInteger(c.count) || c.count < 0) throw new Error(`count of ${c.label} must be a non-negative integer`);
  }
  const small = (c: CountCell): boolean => c.count < SMALL_CELL_LIMIT;
  if (cells.filter((c) => !small(c)).length < MIN_LARGE_CELLS) {
    return { withheld: true, cells: cells.map((c) => ({ label: c.label, value: WITHHELD })) };
  }
  const withheld = new Set<string>();
  if (cells.some(small)) {
    const rank = (label: string): number => {
      const i = priority.indexOf(label);
      return i < 0 ? priority.length + cells.findIndex((c) => c.label === label) : i;
    };
    const candidates = cells.filter((c) => !small(c)).sort((a, b) => rank(a.label) - rank(b.label));
    for (const c of candidates.slice(0, COMPLEMENTARY_CELLS)) withheld.add(c.label);
  }
  return { withheld: false, cells: cells.map((c) => ({ label: c.label, value: small(c) ? SMALL : withheld.has(c.label) ? WITHHELD : c.count })) };
}

// What a published value says about the count: [lowest, highest] (highest may be Infinity).
// `rounding`: the base the counts were randomly rounded to before suppression (round-count.ts),
// 1 when they were not: a published n is then any count within base-1 of it.
export function bounds(value: PublishedValue, tableWithheld = false, rounding = 1): [number, number] {
  if (tableWithheld) return [0, Number.POSITIVE_INFINITY];
  const slack = rounding - 1;
  if (value === SMALL) return [0, SMALL_CELL_LIMIT - 1 + slack];
  if (value === WITHHELD) return [SMALL_CELL_LIMIT, Number.POSITIVE_INFINITY];
  return [Math.max(0, value - slack), value + slack];
}

// The total of a table as published: exact from 10, "<10" below.
export function publishTotal(total: number): number | typeof SMALL {
  return total < SMALL_CELL_LIMIT ? SMALL : total;
}
