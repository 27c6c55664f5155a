import { describe, expect, it } from "vitest";
import { childPreset } from "../model/child-preset.ts";
import { mulberry32 } from "../model/em-training.ts";
import { simpleNormaliser } from "../model/field-normaliser.ts";
import { newSharedCodes, prepareTable } from "../model/prepared-table.ts";
import { estimateFamilyU } from "./family-u.ts";

const GIVEN = ["Ірина", "Олена", "Анна", "Марія", "Оксана", "Іван", "Петро", "Олег", "Андрій", "Юрій"];

// Families of three children with their own surname and mother; one family in five has twins
// (the same birth date), the others' children are born years apart.
function families(n: number, seed: number) {
  const r = mulberry32(seed);
  const rows: Record<string, string>[] = [];
  for (let f = 0; f < n; f++) {
    const family = `Прізвище${f}`;
    const twins = f % 5 === 0;
    for (let k = 0; k < 3; k++) {
      const year = 2005 + (twins && k === 1 ? 0 : k * 3);
      rows.push({
        record_id: `f${f}c${k}`,
        given_name: GIVEN[(f + k * 3) % GIVEN.length]!,
        family_name: family,
        mother_name: `${GIVEN[Math.floor(r() * 5)]!} ${family}`,
        birth_date: `${year}-0${1 + (f % 9)}-1${k === 1 && twins ? 0 : k}`,
      });
    }
  }
  return rows;
}

describe("estimateFamilyU", () => {
  const settings = childPreset();
  const codes = newSharedCodes(settings.fields.length);
  const table = prepareTable(families(600, 1), settings, simpleNormaliser, codes);
  const date = settings.fields.findIndex((f) => f.name === "birth_date");
  const given = settings.fields.findIndex((f) => f.name === "given_name");

  it("learns from kin within a table how often siblings share the child's own fields", () => {
    const u = estimateFamilyU(settings, [table]);
    // One sibling pair in three of the twin families shares a date: 1/15 of all sibling pairs.
    expect(u[date]![0]!).toBeGreaterThan(0.04);
    expect(u[date]![0]!).toBeLessThan(0.1);
    // Siblings never share a given name here.
    expect(u[given]![0]!).toBeLessThan(0.01);
    // Family fields themselves are not estimated.
    expect(u[settings.fields.findIndex((f) => f.name === "family_name")]).toBeNull();
  });

  it("samples whole families in a large table and learns the same", () => {
    const all = estimateFamilyU(settings, [table]);
    const sampled = estimateFamilyU(settings, [table], 400);
    expect(sampled[date]![0]!).toBeGreaterThan(0.03);
    expect(sampled[date]![0]!).toBeLessThan(0.12);
    expect(Math.abs(sampled[date]![0]! - all[date]![0]!)).toBeLessThan(0.05);
    expect(sampled[given]![0]!).toBeLessThan(0.02);
  });
});
