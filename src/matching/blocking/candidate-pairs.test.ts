import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BlockWindow, WindowParts } from "./block-window.ts";
import { candidatePairs } from "./candidate-pairs.ts";

function pairsOf(leftKeys: Int32Array[], rightKeys: Int32Array[], max = 1e9, dedupe = false) {
  const K = leftKeys.map((l, r) => Math.max(0, ...l, ...rightKeys[r]!) + 1);
  const { pairs, stats } = candidatePairs(leftKeys, rightKeys, K, K.map((_, r) => `rule${r}`), K.map(() => max), dedupe);
  const out: string[] = [];
  for (let p = 0; p < pairs.length; p++) out.push(`${pairs.left[p]}-${pairs.right[p]}`);
  return { out, stats };
}

describe("candidatePairs", () => {
  it("produces each pair sharing any rule's key exactly once, credited to the first such rule", () => {
    const l = [Int32Array.from([0, 1, -1]), Int32Array.from([5, 5, 6])];
    const r = [Int32Array.from([0, 0, 1]), Int32Array.from([5, -1, 6])];
    const { out, stats } = pairsOf(l, r);
    expect(out.sort()).toEqual(["0-0", "0-1", "1-0", "1-2", "2-2"].sort());
    expect(stats.map((s) => s.newPairs)).toEqual([3, 2]);
    expect(stats[1]!.pairs).toBe(3);
  });

  it("skips a block larger than the limit, reports it, and lets a later rule still produce its pairs", () => {
    const l = [Int32Array.from([0, 0, 0]), Int32Array.from([1, 2, 3])];
    const r = [Int32Array.from([0, 0, 0]), Int32Array.from([1, 2, 4])];
    const { out, stats } = pairsOf(l, r, 4);
    expect(stats[0]!.skippedBlocks).toBe(1);
    expect(stats[0]!.skippedPairs).toBe(9);
    expect(out.sort()).toEqual(["0-0", "1-1"]);
  });

  it("in deduplication makes only i < j pairs", () => {
    const k = [Int32Array.from([0, 0, 0, 1])];
    const { out } = pairsOf(k, k, 1e9, true);
    expect(out.sort()).toEqual(["0-1", "0-2", "1-2"]);
  });

  it("equals the brute-force union of rules on random keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 3 }),
        (lk, rk) => {
          const l = lk.map((x) => Int32Array.from(x));
          const r = rk.slice(0, lk.length).map((x) => Int32Array.from(x));
          const { out } = pairsOf(l, r);
          const expected: string[] = [];
          for (let i = 0; i < 6; i++) for (let j = 0; j < 5; j++) if (l.some((k, q) => k[i]! >= 0 && k[i] === r[q]![j])) expected.push(`${i}-${j}`);
          expect(out.sort()).toEqual(expected.sort());
        },
      ),
    );
  });
});

describe("candidatePairs with a window", () => {
  const parts = (col: number[]): WindowParts => ({ codes: [Int32Array.from(col)] });
  const win = (l: number[], r: number[], size: number, above: number): BlockWindow => ({ size, unsplitSize: size, above, expectedAbove: 0, expected: null, leftParts: parts(l), rightParts: parts(r) });
  const run = (l: Int32Array[], r: Int32Array[], windows: (BlockWindow | null)[], parents?: (Int32Array | null)[], dedupe = false) => {
    const K = l.map((k, q) => Math.max(Math.max(0, ...k, ...r[q]!) + 1, parents?.[q]?.length ?? 0));
    const { pairs, stats } = candidatePairs(l, r, K, K.map((_, q) => `rule${q}`), K.map(() => 1e9), dedupe, undefined, parents, windows);
    const out: string[] = [];
    const rules: number[] = [];
    for (let p = 0; p < pairs.length; p++) {
      out.push(`${pairs.left[p]}-${pairs.right[p]}`);
      rules.push(pairs.rule[p]!);
    }
    return { out, rules, stats };
  };

  it("pairs each record of a large block only with its best agreeing record, and reports what it left out", () => {
    // One block of 2 × 2: the window part tells which left goes with which right.
    const { out, stats } = run([Int32Array.from([0, 0])], [Int32Array.from([0, 0])], [win([5, 6], [6, 5], 1, 1)]);
    expect(out.sort()).toEqual(["0-1", "1-0"]);
    expect(stats[0]!.windowBlocks).toBe(1);
    expect(stats[0]!.windowPairs).toBe(2);
  });

  it("pairs a record without the split value with its best records of the sub-blocks only", () => {
    // Codes 1 and 2 are sub-blocks of block 0; left 0 lacks the split value.
    const parent = Int32Array.from([-1, 0, 0]);
    const { out, stats } = run([Int32Array.from([0, 1, 2])], [Int32Array.from([1, 2, 2])], [win([7, 1, 2], [1, 7, 2], 1, 2)], [parent]);
    // Left 0 (window part 7) pairs with right 1 only (3 pairs, above 2); left 1 and 2 pair
    // within their sub-blocks (2 pairs at most: not windowed).
    expect(out.sort()).toEqual(["0-1", "1-0", "2-1", "2-2"]);
    expect(stats[0]!.windowPairs).toBe(2);
  });

  it("makes a subset of the pairs made without it, at most n × size for the windowed rule, and a later rule still makes every pair it shares a key on", () => {
    const codes = (n: number) => fc.array(fc.integer({ min: -1, max: 2 }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        codes(7), codes(6), codes(7), codes(6), codes(7), codes(6),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        (l0, r0, l1, r1, wl, wr0, size, above, split, dedupe) => {
          // Deduplication: one table of 7 records on both sides.
          if (dedupe) [r0, r1, wr0] = [l0, l1, wl];
          const wr = wr0;
          const nr = dedupe ? 7 : 6;
          // Rule 0, windowed, optionally with codes 3 and 4 as sub-blocks of block 0 (records
          // whose window part is 2 moved there), then rule 1 without a window.
          const sub = (k: number[], w: number[]) => (split ? k.map((c, i) => (c === 0 && w[i]! >= 1 ? 2 + w[i]! : c)) : k);
          const parents = [split ? Int32Array.from([-1, -1, -1, 0, 0]) : null, null];
          const l = [Int32Array.from(sub(l0, wl)), Int32Array.from(l1)];
          const r = [Int32Array.from(sub(r0, wr)), Int32Array.from(r1)];
          const w = win(wl, wr, size, above);
          const capped = run(l, dedupe ? l : r, [dedupe ? { ...w, rightParts: w.leftParts } : w, null], parents, dedupe);
          const uncapped = run(l, dedupe ? l : r, [null, null], parents, dedupe);
          expect(new Set(capped.out).size).toBe(capped.out.length);
          const all = new Set(uncapped.out);
          for (const p of capped.out) expect(all.has(p)).toBe(true);
          expect(capped.rules.filter((q) => q === 0).length).toBeLessThanOrEqual((7 + nr) * size);
          const made = new Set(capped.out);
          for (let i = 0; i < 7; i++) for (let j = dedupe ? i + 1 : 0; j < nr; j++) if (l1[i]! >= 0 && l1[i] === r1[j]) expect(made.has(`${i}-${j}`)).toBe(true);
          // Without anything above the window's `above`, nothing is left out.
          if (above >= 42) expect(capped.out.sort()).toEqual(uncapped.out.sort());
        },
      ),
    );
  });
});
