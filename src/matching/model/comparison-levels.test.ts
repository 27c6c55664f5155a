import { describe, expect, it } from "vitest";
import { childPreset } from "./child-preset.ts";
import { compareField, NULL_LEVEL, tokensAlign } from "./comparison-levels.ts";
import { crossScriptNormaliser } from "./cross-script-normaliser.ts";
import { newSharedCodes, prepareTable } from "./prepared-table.ts";

const settings = childPreset();
const field = (name: string) => settings.fields.findIndex((f) => f.name === name);

function level(name: string, a: string, b: string): number {
  const codes = newSharedCodes(settings.fields.length);
  const n = crossScriptNormaliser();
  const l = prepareTable([{ [name]: a }], settings, n, codes);
  const r = prepareTable([{ [name]: b }], settings, n, codes);
  return compareField(l.fields[field(name)]!, 0, r.fields[field(name)]!, 0);
}

describe("comparison levels of the child preset", () => {
  it("grades birth dates: exact, swapped, within 3 days, year off, partial, else, missing", () => {
    expect(level("birth_date", "2014-03-07", "07.03.2014")).toBe(0);
    expect(level("birth_date", "2014-03-07", "2014-07-03")).toBe(1);
    expect(level("birth_date", "2014-03-07", "2014-03-09")).toBe(2);
    expect(level("birth_date", "2014-03-07", "2015-03-07")).toBe(3);
    expect(level("birth_date", "2014-03-07", "2014")).toBe(4);
    expect(level("birth_date", "2014-03-07", "2009-11-20")).toBe(5);
    expect(level("birth_date", "2014-03-07", "")).toBe(NULL_LEVEL);
  });

  it("grades given names: same key, equivalent across languages, similar spelling, else", () => {
    expect(level("given_name", "Oleksandr", "Олександр")).toBe(0);
    expect(level("given_name", "Олександр", "Саша")).toBe(1);
    expect(level("given_name", "Олександр", "Петро")).toBe(4);
  });

  it("grades places through the gazetteer: Бахмут and Артёмовск are one place", () => {
    expect(level("birth_place", "Бахмут", "Артёмовск")).toBe(0);
    expect(level("birth_place", "Маріуполь", "Донецьк")).toBe(1);
  });
});

describe("tokensAlign", () => {
  it("matches reordered names, extra names and initials, but not a missing part", () => {
    expect(tokensAlign("iryna kovalenko", "kovalenko iryna petrivna", 0.9)).toBe(true);
    expect(tokensAlign("j smith", "john smith", 0.9)).toBe(true);
    expect(tokensAlign("john smyth", "smith john", 0.85)).toBe(true);
    expect(tokensAlign("john smith", "john brown", 0.9)).toBe(false);
  });
});
