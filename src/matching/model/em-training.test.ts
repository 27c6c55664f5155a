import { describe, expect, it } from "vitest";
import { NULL_LEVEL } from "./comparison-levels.ts";
import { compressPatterns, estimateU, expectationMaximisation, initialM, mulberry32 } from "./em-training.ts";

// Simulated comparison vectors from known m, u and lambda: EM must find them again.
function simulate(n: number, lambda: number, m: number[][], u: number[][], seed: number): Uint8Array {
  const rnd = mulberry32(seed);
  const F = m.length;
  const gamma = new Uint8Array(n * F);
  const draw = (dist: number[]) => {
    let x = rnd();
    for (let k = 0; k < dist.length; k++) {
      x -= dist[k]!;
      if (x < 0) return k;
    }
    return dist.length - 1;
  };
  for (let p = 0; p < n; p++) {
    const match = rnd() < lambda;
    for (let f = 0; f < F; f++) gamma[p * F + f] = rnd() < 0.05 ? NULL_LEVEL : draw(match ? m[f]! : u[f]!);
  }
  return gamma;
}

describe("expectationMaximisation", () => {
  const m = [[0.85, 0.1, 0.05], [0.7, 0.2, 0.1], [0.9, 0.1], [0.6, 0.3, 0.1]];
  const u = [[0.02, 0.08, 0.9], [0.01, 0.04, 0.95], [0.1, 0.9], [0.05, 0.15, 0.8]];

  it("recovers known m probabilities and the match share from unlabelled vectors, given u", () => {
    const gamma = simulate(60_000, 0.2, m, u, 3);
    const fit = expectationMaximisation(compressPatterns(gamma, 4), u, m.map((x) => initialM(x.length)), 0.5, 60);
    expect(fit.lambda).toBeCloseTo(0.2, 1);
    fit.fields.forEach((fp, f) => fp.m.forEach((v, l) => expect(Math.abs(v - m[f]![l]!)).toBeLessThan(0.03)));
  });

  it("leaves fixed fields at their starting m", () => {
    const gamma = simulate(5_000, 0.3, m, u, 4);
    const start = m.map((x) => initialM(x.length));
    const fit = expectationMaximisation(compressPatterns(gamma, 4), u, start, 0.5, 10, new Set([1]));
    expect(fit.fields[1]!.m).toEqual(start[1]);
    expect(fit.fields[0]!.m).not.toEqual(start[0]);
  });
});

describe("estimateU", () => {
  it("measures level frequencies among random pairs", () => {
    const rnd = mulberry32(9);
    const values = Array.from({ length: 2000 }, () => Math.floor(rnd() * 10));
    const pick = (): [number, number] => [Math.floor(rnd() * 2000), Math.floor(rnd() * 2000)];
    const [u] = estimateU([2], 50_000, (_f, i, j) => (values[i] === values[j] ? 0 : 1), pick);
    expect(u![0]).toBeCloseTo(0.1, 1);
    expect(u![0]! + u![1]!).toBeCloseTo(1, 5);
  });
});
