import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossScriptKey } from "./cross-script-key.ts";
import { foldSurnameKey, foldSurnameVowels } from "./surname-key.ts";

const group = (s: string) => foldSurnameVowels(foldSurnameKey(crossScriptKey(s)).key);

describe("foldSurnameVowels", () => {
  it("meets the Ukrainian і of a closed syllable with the Russian о or е, in any script and gender", () => {
    expect(group("Підгородецький")).toBe(group("Подгородецкий"));
    expect(group("Левківська")).toBe(group("Левковская"));
    expect(group("Levkivska")).toBe(group("Левковский"));
    expect(group("Петрів")).toBe(group("Петров"));
    expect(group("Зімін")).toBe(group("Зимин"));
  });

  it("keeps surnames apart that differ otherwise or in an open syllable", () => {
    expect(group("Лисенко")).not.toBe(group("Лосенко"));
    expect(group("Коваленко")).not.toBe(group("Коваль"));
    expect(group("Бондар")).not.toBe(group("Бондаренко"));
  });

  it("is idempotent and never lengthens a key", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abdefgiklmnoprstuvzhc".split("")) }), (k) => {
        const once = foldSurnameVowels(k);
        expect(foldSurnameVowels(once)).toBe(once);
        expect(once.length).toBe(k.length);
      }),
    );
  });
});
