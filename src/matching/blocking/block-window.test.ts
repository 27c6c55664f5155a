import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreement, nearest, PairSet, windowed, windowPairs, type BlockWindow, type WindowParts } from "./block-window.ts";

const parts = (...cols: number[][]): WindowParts => ({ codes: cols.map((c) => Int32Array.from(c)) });

describe("agreement and nearest", () => {
  it("counts the parts both records have and share, then prefers the earlier ones", () => {
    const a = parts([1, 2], [5, -1]);
    const b = parts([1, 1], [5, -1]);
    expect(agreement(a, 0, b, 0)).toBe(2 * 4 + 2 + 1);
    expect(agreement(a, 1, b, 1)).toBe(0); // a missing part never agrees
    expect(agreement(parts([1], [5]), 0, parts([1], [6]), 0)).toBeGreaterThan(agreement(parts([1], [5]), 0, parts([2], [5]), 0));
  });

  it("chooses the best agreeing candidates, an earlier one on a tie, and leaves out `skip`", () => {
    const own = parts([7], [1]);
    const other = parts([0, 7, 7, 7], [1, 0, 1, 1]);
    const out = new Int32Array(2);
    expect(nearest(0, own, [0, 1, 2, 3], other, 2, out)).toBe(2);
    expect([...out]).toEqual([2, 3]); // both agree on two parts, and 2 comes first; 1 and 0 on one
    expect(nearest(0, own, [0, 1, 2, 3], other, 2, out, 0, 2)).toBe(2);
    expect([...out]).toEqual([3, 1]); // 3 agrees on two; 1 and 0 on one each, 1 on the earlier part
    expect(nearest(0, own, [1], other, 2, out)).toBe(1);
  });
});

describe("windowPairs", () => {
  it("keeps a pair when each record is among the other's best (mutual)", () => {
    // Left 0 fits right 0 best and left 1 fits right 1 best; right 2 fits left 0 best, but
    // left 0 prefers right 0.
    const l = parts([1, 2], [1, 2]);
    const r = parts([1, 2, 1], [1, 2, 9]);
    const kept: string[] = [];
    windowPairs([0, 1], l, [0, 1, 2], r, 1, false, (a, b) => kept.push(`${a}-${b}`));
    expect(kept).toEqual(["0-0", "1-1"]);
  });

  it("keeps a subset of the block's pairs, at most `size` per record, the same every time", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 7 }),
        fc.array(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (lrows, rrows, size, dedupe) => {
          const col = (rows: number[][], p: number) => rows.map((x) => x[p]!);
          const l = parts(col(lrows, 0), col(lrows, 1), col(lrows, 2));
          const r = dedupe ? l : parts(col(rrows, 0), col(rrows, 1), col(rrows, 2));
          const nl = lrows.length;
          const nr = dedupe ? nl : rrows.length;
          const ids = (n: number) => Array.from({ length: n }, (_, k) => k);
          const run = () => {
            const kept: [number, number][] = [];
            windowPairs(ids(nl), l, ids(nr), r, size, dedupe, (a, b) => kept.push([a, b]));
            return kept;
          };
          const kept = run();
          expect(run()).toEqual(kept);
          expect(new Set(kept.map(([a, b]) => `${a}-${b}`)).size).toBe(kept.length);
          for (const [a, b] of kept) {
            expect(a).toBeLessThan(nl);
            expect(b).toBeLessThan(nr);
            if (dedupe) expect(a).toBeLessThan(b);
          }
          const per = new Map<string, number>();
          for (const [a, b] of kept) {
            per.set(`l${a}`, (per.get(`l${a}`) ?? 0) + 1);
            per.set(dedupe ? `l${b}` : `r${b}`, (per.get(dedupe ? `l${b}` : `r${b}`) ?? 0) + 1);
          }
          for (const n of per.values()) expect(n).toBeLessThanOrEqual(size);
          expect(kept.length).toBeLessThanOrEqual(Math.min(nl, nr) * size);
          // A block no larger than the window on either side loses nothing.
          if (!dedupe && nl <= size && nr <= size) expect(kept.length).toBe(nl * nr);
        },
      ),
    );
  });
});

describe("windowed", () => {
  it("windows a block above `above` pairs whose key a record expects to meet often enough", () => {
    const w: BlockWindow = { size: 1, unsplitSize: 1, above: 1, expectedAbove: 0.5, expected: Float32Array.from([0.2, 3]), leftParts: parts([0]), rightParts: parts([0]) };
    expect(windowed(w, 2, 1)).toBe(true);
    expect(windowed(w, 1, 1)).toBe(false);
    expect(windowed(w, 4, 0)).toBe(false);
    expect(windowed({ ...w, expected: null }, 4, 0)).toBe(true);
  });
});

describe("PairSet", () => {
  it("holds exactly the pairs added, however many", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { maxLength: 3000 }), (added) => {
        const set = new PairSet();
        for (const [i, j] of added) set.add(i, j);
        const keys = new Set(added.map(([i, j]) => `${i}-${j}`));
        expect(set.size).toBe(keys.size);
        for (let i = 0; i <= 50; i += 5) for (let j = 0; j <= 50; j += 3) expect(set.has(i, j)).toBe(keys.has(`${i}-${j}`));
      }),
      { numRuns: 30 },
    );
  });
});
