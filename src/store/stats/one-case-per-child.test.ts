import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { oneCasePerChild } from "./stats-repository.ts";

const base = { status: "registered" as const, places: [], registeredAt: "2022-05-01T00:00:00Z" };

describe("the statistics count a child once", () => {
  it("counts two linked cases (one per party) as one child, the one registered first", () => {
    const cases = [
      { ...base, id: "b", linkedCase: "a", registeredAt: "2022-06-01T00:00:00Z", status: "closed" as const },
      { ...base, id: "a", linkedCase: "b", status: "closed" as const },
      { ...base, id: "c" },
    ];
    const counted = oneCasePerChild(cases);
    expect(counted).toHaveLength(2);
    expect(counted.map((c) => c.registeredAt).sort()).toEqual(["2022-05-01T00:00:00Z", "2022-05-01T00:00:00Z"]);
    expect(JSON.stringify(counted)).not.toContain('"id"');
  });

  it("counts every child exactly once whatever the pairs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 15 }), (singles, pairs) => {
        const cases = [
          ...Array.from({ length: singles }, (_, i) => ({ ...base, id: `s${i}` })),
          ...Array.from({ length: pairs }, (_, i) => [
            { ...base, id: `p${i}a`, linkedCase: `p${i}b` },
            { ...base, id: `p${i}b`, linkedCase: `p${i}a` },
          ]).flat(),
        ];
        expect(oneCasePerChild(cases)).toHaveLength(singles + pairs);
      }),
    );
  });
});
