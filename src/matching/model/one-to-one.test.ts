import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignOneToOne } from "./one-to-one.ts";

// Weights closer than this are taken as ties (in position order) by the assignment's sort.
const TIE = 1 / 16_384;

function run(pairs: [number, number, number][], margin: number): number[] {
  const keep = assignOneToOne(Int32Array.from(pairs, (p) => p[0]), Int32Array.from(pairs, (p) => p[1]), pairs.map((p) => p[2]), pairs.length, margin);
  return pairs.flatMap((_, k) => (keep[k] ? [k] : []));
}

describe("assignOneToOne", () => {
  it("keeps each record's clearly best candidate and sets the weaker ones aside", () => {
    // left 0 fits right 0 well and right 1 less; left 1 fits right 1.
    expect(run([[0, 0, 12], [0, 1, 6], [1, 1, 11]], 2)).toEqual([0, 2]);
  });

  it("keeps near-ties within the margin for a person to settle", () => {
    expect(run([[0, 0, 12], [0, 1, 10.5]], 2)).toEqual([0, 1]);
    expect(run([[0, 0, 12], [0, 1, 9.5]], 2)).toEqual([0]);
  });

  it("gives a record whose candidate was taken by a stronger pair its next one", () => {
    // right 0 prefers left 1 (15); left 0 then takes right 1 although its weight is lower.
    expect(run([[1, 0, 15], [0, 0, 10], [0, 1, 8]], 1)).toEqual([0, 2]);
  });

  it("keeps no pair more than the margin below another kept pair of its records, and sets a pair aside only for a clearly stronger one", () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.double({ min: -10, max: 20, noNaN: true }));
    fc.assert(
      fc.property(fc.uniqueArray(pair, { selector: (p) => `${p[0]} ${p[1]}` }), fc.double({ min: 0, max: 5, noNaN: true }), (pairs, margin) => {
        const kept = run(pairs, margin).map((k) => pairs[k]!);
        const bestL = new Map<number, number>();
        const bestR = new Map<number, number>();
        for (const [l, r, w] of kept) {
          bestL.set(l, Math.max(bestL.get(l) ?? -Infinity, w));
          bestR.set(r, Math.max(bestR.get(r) ?? -Infinity, w));
        }
        for (const [l, r, w] of kept) expect(Math.min(w - bestL.get(l)!, w - bestR.get(r)!)).toBeGreaterThanOrEqual(-margin - TIE);
        // A pair is set aside only for a kept pair of one of its records that is stronger by more than the margin.
        const keptSet = new Set(kept);
        for (const p of pairs) {
          if (keptSet.has(p)) continue;
          expect(kept.some((q) => (q[0] === p[0] || q[1] === p[1]) && q[2] - p[2] > margin)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
