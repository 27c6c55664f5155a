import { describe, expect, it } from "vitest";
import { childPreset } from "../model/child-preset.ts";
import { mulberry32 } from "../model/em-training.ts";
import { simpleNormaliser } from "../model/field-normaliser.ts";
import { newSharedCodes, prepareTable } from "../model/prepared-table.ts";
import { estimateConditionalU } from "./conditional-u.ts";

const SURNAMES = ["Коваленко", "Бондар", "Шевчук", "Мельник", "Ткаченко", "Кравчук", "Олійник", "Лисенко", "Руденко", "Савченко"];
const MOTHERS = ["Ірина", "Олена", "Анна", "Марія", "Оксана"];
const FATHERS: [string, string][] = [["Іван", "Іванович"], ["Петро", "Петрович"], ["Олег", "Олегович"], ["Андрій", "Андрійович"], ["Юрій", "Юрійович"]];

function rows(n: number, seed: number) {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const family = SURNAMES[Math.floor(r() * SURNAMES.length)]!;
    const [father, patronymic] = FATHERS[Math.floor(r() * FATHERS.length)]!;
    return { record_id: `r${i}`, family_name: family, mother_name: `${MOTHERS[Math.floor(r() * MOTHERS.length)]!} ${family}`, father_name: `${father} ${family}`, patronymic };
  });
}

describe("estimateConditionalU", () => {
  const settings = childPreset();
  const codes = newSharedCodes(settings.fields.length);
  const left = prepareTable(rows(400, 1), settings, simpleNormaliser, codes);
  const right = prepareTable(rows(400, 2), settings, simpleNormaliser, codes);
  const mother = settings.fields.findIndex((f) => f.name === "mother_name");
  const u = estimateConditionalU(settings, left, right, false, 20_000, mulberry32(3));

  it("learns how often a parent's name agrees among pairs that already share the family name", () => {
    // Same surname: the mother's name agrees when her first name does, 1 in 5 (not 1 in 50).
    expect(u[mother]![0]!).toBeGreaterThan(0.17);
    expect(u[mother]![0]!).toBeLessThan(0.23);
  });

  it("learns that a patronymic beside an agreeing father's name tells nothing more (the father is counted once)", () => {
    // The preset's patronymic depends on the father's name: the same father, the same patronymic.
    const patronymic = settings.fields.findIndex((f) => f.name === "patronymic");
    expect(settings.fields[patronymic]!.dependsOn).toBe("father_name");
    expect(u[patronymic]![0]!).toBeGreaterThan(0.95);
  });

  it("learns nothing for fields that depend on no other", () => {
    expect(u[settings.fields.findIndex((f) => f.name === "given_name")]).toBeNull();
  });
});
