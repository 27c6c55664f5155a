import { describe, expect, it } from "vitest";
import { poissonInterval } from "./matching-evaluate.ts";

describe("poissonInterval", () => {
  it("gives the exact (Garwood) 95% limits of published tables", () => {
    const [lo0, hi0] = poissonInterval(0);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(3.689, 3);
    const [lo10, hi10] = poissonInterval(10);
    expect(lo10).toBeCloseTo(4.795, 3);
    expect(hi10).toBeCloseTo(18.39, 2);
  });

  it("brackets the count", () => {
    for (const k of [1, 5, 40, 200]) {
      const [lo, hi] = poissonInterval(k);
      expect(lo).toBeLessThan(k);
      expect(hi).toBeGreaterThan(k);
    }
  });
});
