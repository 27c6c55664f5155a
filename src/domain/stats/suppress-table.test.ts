import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CountCell, PublishedTable } from "./suppress-table.ts";
import { publishTotal, suppressTable, SMALL, WITHHELD } from "./suppress-table.ts";
import { attackOne, attackPair } from "./table-attack.ts";

const LABELS = ["a", "b", "c", "d", "e", "f"];
const table = (counts: number[]): CountCell[] => counts.map((count, i) => ({ label: LABELS[i]!, count }));
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

// Counts that cluster near the limit, where suppression is tested hardest.
const arbCount = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 8, max: 30 }), fc.integer({ min: 0, max: 200 }));
const arbCounts = fc.array(arbCount, { minLength: 1, maxLength: 6 });

// One case changes: enters a cell, leaves one, moves between two, or touches none.
const arbChange = (counts: number[]) =>
  fc.tuple(fc.constantFrom("enter", "leave", "move", "none"), fc.nat(counts.length - 1), fc.nat(counts.length - 1)).map(([kind, i, j]) => {
    const next = [...counts];
    if (kind === "enter") next[i]! += 1;
    if (kind === "leave" && next[i]! > 0) next[i]! -= 1;
    if (kind === "move" && i !== j && next[i]! > 0) {
      next[i]! -= 1;
      next[j]! += 1;
    }
    return next;
  });

function pinned([lo, hi]: [number, number]): boolean {
  return lo === hi;
}

describe("suppressTable", () => {
  it("publishes counts under 10 as <10, zero included, and withholds two more cells", () => {
    expect(suppressTable(table([0, 3, 40, 25, 12])).cells).toEqual([
      { label: "a", value: SMALL },
      { label: "b", value: SMALL },
      { label: "c", value: WITHHELD },
      { label: "d", value: WITHHELD },
      { label: "e", value: 12 },
    ]);
  });
  it("withholds nothing when no count is under 10", () => {
    expect(suppressTable(table([10, 11, 500])).cells.map((c) => c.value)).toEqual([10, 11, 500]);
  });
  it("takes complementary cells in the given priority, whatever their counts", () => {
    const out = suppressTable(table([5, 10, 300, 11]), ["d", "c"]).cells;
    expect(out.map((c) => c.value)).toEqual([SMALL, 10, WITHHELD, WITHHELD]);
  });
  it("withholds a whole table with fewer than two cells of 10 or more", () => {
    expect(suppressTable(table([3, 40, 0]))).toEqual({ withheld: true, cells: ["a", "b", "c"].map((label) => ({ label, value: WITHHELD })) });
    expect(suppressTable(table([3, 4])).withheld).toBe(true);
  });
  it("refuses a count that is not a non-negative integer", () => {
    expect(() => suppressTable(table([1.5]))).toThrow(/non-negative integer/);
    expect(() => suppressTable(table([-1]))).toThrow(/non-negative integer/);
  });
  it("never publishes a count from 1 to 9", () => {
    fc.assert(
      fc.property(arbCounts, (counts) => {
        const t = suppressTable(table(counts));
        t.cells.forEach((c, i) => {
          if (counts[i]! < 10) expect(c.value).toBe(t.withheld ? WITHHELD : SMALL);
          if (typeof c.value === "number") expect(c.value).toBe(counts[i]);
        });
      }),
    );
  });
  it("chooses the withheld cells from what it publishes alone: tables that look alike are suppressed alike", () => {
    fc.assert(
      fc.property(arbCounts, fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 6, maxLength: 6 }), (counts, noise) => {
        // Another table with the same cells under 10 (other counts, same side of 10 everywhere).
        const other = counts.map((c, i) => (c < 10 ? Math.min(9, Math.max(0, c + noise[i]!)) : c + Math.abs(noise[i]!)));
        const shape = (t: PublishedTable) => [t.withheld, ...t.cells.map((c) => (typeof c.value === "number" ? "n" : c.value))];
        expect(shape(suppressTable(table(other)))).toEqual(shape(suppressTable(table(counts))));
      }),
    );
  });
  it("leaves no count from 1 to 9 recoverable from one table and its total", () => {
    fc.assert(
      fc.property(arbCounts, (counts) => {
        const ranges = attackOne(suppressTable(table(counts)), publishTotal(sum(counts)));
        ranges.forEach((r, i) => {
          expect(r[0]).toBeLessThanOrEqual(counts[i]!);
          expect(r[1]).toBeGreaterThanOrEqual(counts[i]!);
          if (counts[i]! >= 1 && counts[i]! <= 9) expect(pinned(r), `cell ${i} of ${counts.join(",")}`).toBe(false);
        });
      }),
      { numRuns: 2000 },
    );
  });
  it("leaves no count from 1 to 9 recoverable from the difference of two tables around one change, but where a cell crosses 10", () => {
    fc.assert(
      fc.property(
        arbCounts.chain((counts) => fc.tuple(fc.constant(counts), arbChange(counts))),
        ([before, after]) => {
          const r = attackPair(suppressTable(table(before)), publishTotal(sum(before)), suppressTable(table(after)), publishTotal(sum(after)));
          expect(r).not.toBeNull();
          for (let i = 0; i < before.length; i++) {
            // The one disclosure no suppression can avoid: a cell going from 9 to 10 (or back)
            // shows that it was (or is) 9. See docs/statistics.md.
            const crossed = (before[i]! < 10) !== (after[i]! < 10);
            for (const [counts, ranges] of [[before, r!.before], [after, r!.after]] as const) {
              const c = counts[i]!;
              expect(ranges[i]![0]).toBeLessThanOrEqual(c);
              expect(ranges[i]![1]).toBeGreaterThanOrEqual(c);
              if (c >= 1 && c <= 9 && !crossed) expect(pinned(ranges[i]!), `cell ${i}: ${before.join(",")} -> ${after.join(",")}`).toBe(false);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
