import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childPreset } from "./child-preset.ts";
import { crossScriptNormaliser } from "./cross-script-normaliser.ts";
import type { ModelParams } from "./em-training.ts";
import { NULL_LEVEL } from "./comparison-levels.ts";
import { combineWeights, contributions, explain, fieldWeight, probability, termFrequencies, weightForProbability, weightTable } from "./match-scorer.ts";
import { newSharedCodes, prepareTable } from "./prepared-table.ts";
import { simpleNormaliser } from "./field-normaliser.ts";

const settings = childPreset();
const params: ModelParams = {
  lambda: 1e-4,
  fields: settings.fields.map((f) => {
    const k = f.levels.length + 1;
    const m = Array.from({ length: k }, (_, l) => (l === 0 ? 0.8 : 0.2 / (k - 1)));
    const u = Array.from({ length: k }, (_, l) => (l === k - 1 ? 0.9 : 0.1 / (k - 1)));
    return { m, u };
  }),
};

describe("term-frequency adjustment", () => {
  const rows = [
    ...Array.from({ length: 98 }, (_, i) => ({ record_id: `c${i}`, family_name: "Kovalenko" })),
    { record_id: "r1", family_name: "Yasnohorodskyi" },
    { record_id: "r2", family_name: "Yasnohorodskyi" },
  ];
  const codes = newSharedCodes(settings.fields.length);
  const table = prepareTable(rows, settings, simpleNormaliser, codes);
  const tf = termFrequencies(settings, [table], codes.text.map((c) => c.size));
  const wt = weightTable(settings, params);
  const f = settings.fields.findIndex((x) => x.name === "family_name");

  it("gives agreement on a rare surname more weight than agreement on a common one", () => {
    const common = fieldWeight(wt, tf, f, 0, table.fields[f]!.code[0]!);
    const rare = fieldWeight(wt, tf, f, 0, table.fields[f]!.code[98]!);
    expect(rare).toBeGreaterThan(common + 5);
    // log2(m / tf): 0.8 / 0.98 and 0.8 / 0.02
    expect(common).toBeCloseTo(Math.log2(0.8 / 0.98), 6);
    expect(rare).toBeCloseTo(Math.log2(0.8 / 0.02), 6);
  });

  it("leaves levels other than exact or equivalent agreement unadjusted", () => {
    expect(fieldWeight(wt, tf, f, 2, table.fields[f]!.code[0]!)).toBeCloseTo(Math.log2(params.fields[f]!.m[2]! / params.fields[f]!.u[2]!), 6);
  });
});

describe("term-frequency adjustment of places", () => {
  it("gives the same small town more weight than the same big city", () => {
    const rows = [
      ...Array.from({ length: 95 }, (_, i) => ({ record_id: `k${i}`, birth_place: "Київ" })),
      ...Array.from({ length: 5 }, (_, i) => ({ record_id: `g${i}`, birth_place: "Гнівань" })),
    ];
    const codes = newSharedCodes(settings.fields.length);
    const table = prepareTable(rows, settings, crossScriptNormaliser(), codes);
    const tf = termFrequencies(settings, [table], codes.text.map((c) => c.size));
    const wt = weightTable(settings, params);
    const f = settings.fields.findIndex((x) => x.name === "birth_place");
    expect(fieldWeight(wt, tf, f, 0, table.fields[f]!.code[0]!)).toBeCloseTo(Math.log2(0.8 / 0.95), 6);
    expect(fieldWeight(wt, tf, f, 0, table.fields[f]!.code[99]!)).toBeCloseTo(Math.log2(0.8 / 0.05), 6);
  });
});

describe("term-frequency adjustment at the name_equivalent level", () => {
  // 60 Олександр and 30 Александр (one group), one Тимофій and one Тимофей (another), filler.
  const rows = [
    ...Array.from({ length: 60 }, (_, i) => ({ record_id: `u${i}`, given_name: "Олександр" })),
    ...Array.from({ length: 30 }, (_, i) => ({ record_id: `r${i}`, given_name: "Александр" })),
    { record_id: "t1", given_name: "Тимофій" },
    { record_id: "t2", given_name: "Тимофей" },
    ...Array.from({ length: 8 }, (_, i) => ({ record_id: `f${i}`, given_name: "Богдан" })),
  ];
  const codes = newSharedCodes(settings.fields.length);
  const table = prepareTable(rows, settings, crossScriptNormaliser(), codes);
  const tf = termFrequencies(settings, [table], codes.text.map((c) => c.size));
  const wt = weightTable(settings, params);
  const g = settings.fields.findIndex((x) => x.name === "given_name");
  const equivalent = settings.fields[g]!.levels.findIndex((l) => l.kind === "name_equivalent");

  it("weighs another form of a common name less than another form of a rare one", () => {
    const common = fieldWeight(wt, tf, g, equivalent, table.fields[g]!.code[0]!);
    const rare = fieldWeight(wt, tf, g, equivalent, table.fields[g]!.code[90]!);
    // u scaled by the group's share (0.9 and 0.02) against the chance that two random values
    // share a group (0.9² + 0.02² + 0.08²)
    const plain = Math.log2(params.fields[g]!.m[equivalent]! / params.fields[g]!.u[equivalent]!);
    const agreement = 0.9 ** 2 + 0.02 ** 2 + 0.08 ** 2;
    expect(common).toBeCloseTo(plain + Math.log2(agreement / 0.9), 6);
    expect(rare).toBeCloseTo(plain + Math.log2(agreement / 0.02), 6);
  });

  it("makes no adjustment without group frequencies (a single pair scored in the registry)", () => {
    const plain = Math.log2(params.fields[g]!.m[equivalent]! / params.fields[g]!.u[equivalent]!);
    expect(fieldWeight(wt, { tf: tf.tf }, g, equivalent, table.fields[g]!.code[0]!)).toBeCloseTo(plain, 6);
  });
});

describe("a field that depends on another (dependsOn)", () => {
  const mother = settings.fields.findIndex((x) => x.name === "mother_name");
  const family = settings.fields.findIndex((x) => x.name === "family_name");
  const withGiven: ModelParams = {
    ...params,
    fields: params.fields.map((fp, k) => (k === mother ? { ...fp, uGiven: fp.u.map((_, l) => (l === 0 ? 0.4 : 0.6 / (fp.u.length - 1))) } : fp)),
  };
  const wt = weightTable(settings, withGiven);
  const tf = { tf: settings.fields.map(() => null) };

  it("weighs agreement against pairs that agree on the family name when the family name agrees", () => {
    expect(fieldWeight(wt, tf, mother, 0, -1, 0)).toBeCloseTo(Math.log2(0.8 / 0.4), 6);
    // name_equivalent is agreement too
    expect(fieldWeight(wt, tf, mother, 0, -1, 1)).toBeCloseTo(Math.log2(0.8 / 0.4), 6);
  });

  it("says in the explanation that the family name was already counted", () => {
    const gamma = settings.fields.map((_, k) => (k === mother || k === family ? 0 : NULL_LEVEL));
    const rows = [{ record_id: "a", family_name: "Коваленко", mother_name: "Ірина Коваленко" }];
    const codes = newSharedCodes(settings.fields.length);
    const table = prepareTable(rows, settings, simpleNormaliser, codes);
    const parts = contributions(settings, wt, tf, gamma, table, 0, table, 0);
    expect(parts[mother]!.level).toBe("the same, counted beside the family name that already agrees");
    expect(parts[mother]!.weight).toBeCloseTo(Math.log2(0.8 / 0.4), 6);
  });

  it("counts a family name spelt very nearly alike (a typo) as agreeing, a loosely similar one not", () => {
    const levels = settings.fields[family]!.levels;
    const near = levels.findIndex((l) => l.kind === "jaro_winkler" && l.threshold >= 0.9);
    const loose = levels.findIndex((l) => l.kind === "jaro_winkler" && l.threshold < 0.9);
    expect(near).toBeGreaterThan(0);
    expect(loose).toBeGreaterThan(near);
    expect(fieldWeight(wt, tf, mother, 0, -1, near)).toBeCloseTo(Math.log2(0.8 / 0.4), 6);
    expect(fieldWeight(wt, tf, mother, 0, -1, loose)).toBeCloseTo(Math.log2(withGiven.fields[mother]!.m[0]! / withGiven.fields[mother]!.u[0]!), 6);
    const gamma = settings.fields.map((_, k) => (k === mother ? 0 : k === family ? near : NULL_LEVEL));
    const rows = [{ record_id: "a", family_name: "Сукманова", mother_name: "Анна Сукманова" }];
    const codes = newSharedCodes(settings.fields.length);
    const table = prepareTable(rows, settings, simpleNormaliser, codes);
    expect(contributions(settings, wt, tf, gamma, table, 0, table, 0)[mother]!.level).toBe("the same, counted beside the family name that is spelt nearly alike");
  });

  it("uses the population's u when the family name differs or is missing", () => {
    const plain = Math.log2(withGiven.fields[mother]!.m[0]! / withGiven.fields[mother]!.u[0]!);
    expect(fieldWeight(wt, tf, mother, 0, -1, settings.fields[family]!.levels.length)).toBeCloseTo(plain, 6);
    expect(fieldWeight(wt, tf, mother, 0, -1)).toBeCloseTo(plain, 6);
  });
});

describe("combining the unrelated-child and sibling alternatives", () => {
  const wt = weightTable(settings, params);
  const prior = wt.prior;
  const ceiling = wt.familyCeiling;

  it("is one bit less sure than either alternative alone when both give the same weight", () => {
    // population weight = prior + family + child = 4; sibling weight = ceiling + childInFamily = 4
    const w = combineWeights(wt, 0, 4 - prior, 4 - ceiling);
    expect(w).toBeCloseTo(3, 9);
  });

  it("is the posterior odds against both alternatives: never above the weaker, at most one bit below", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (population, sibling) => {
        const w = combineWeights(wt, 0, population - prior, sibling - ceiling);
        const lo = Math.min(population, sibling);
        expect(w).toBeLessThanOrEqual(lo + 1e-9);
        expect(w).toBeGreaterThanOrEqual(lo - 1 - 1e-9);
        // 1 / odds = 1 / odds(population) + 1 / odds(sibling)
        expect(w).toBeCloseTo(-Math.log2(2 ** -population + 2 ** -sibling), 6);
      }),
    );
  });

  it("is the population weight alone when no family is configured", () => {
    const noFamily = weightTable({ ...settings, family: undefined }, params);
    expect(noFamily.familyCeiling).toBe(Number.POSITIVE_INFINITY);
    expect(combineWeights(noFamily, 2, 3, -50)).toBeCloseTo(noFamily.prior + 5, 9);
  });
});

describe("probability", () => {
  it("is the logistic of the match weight in base 2 and inverts", () => {
    expect(probability(0)).toBe(0.5);
    expect(probability(weightForProbability(0.9))).toBeCloseTo(0.9, 12);
  });
});

describe("explain", () => {
  it("names each field, its values, the level and the direction of evidence in plain words", () => {
    const text = explain(
      [
        { field: "given_name", label: "given name", left: "Олександр", right: "Александр", level: "equivalent forms", weight: 6.1 },
        { field: "birth_date", label: "date of birth", left: "2014-03-07", right: "2014-07-03", level: "day and month swapped", weight: 7.4 },
        { field: "sex", label: "sex", left: "ч", right: "ж", level: "different", weight: -4.3 },
        { field: "mother_name", label: "mother's name", left: "", right: "Ирина", level: "missing", weight: 0 },
      ],
      0.973,
      true,
    );
    expect(text).toContain('Given name "Олександр" / "Александр": equivalent forms, strong evidence for (+6.1).');
    expect(text).toContain("day and month swapped, strong evidence for (+7.4)");
    expect(text).toContain('Sex "ч" / "ж": different, some evidence against (-4.3).');
    expect(text).toContain("Mother's name: missing on the left, no evidence.");
    expect(text).toMatch(/^Estimated 97% likely the same child\./);
    expect(text).toContain("siblings and twins share them");
    expect(text).toContain("A person must decide; nothing is merged.");
  });
});
