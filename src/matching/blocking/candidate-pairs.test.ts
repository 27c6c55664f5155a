import fc from "fast-check";
import { describe, expect, it } from "vitest";
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
