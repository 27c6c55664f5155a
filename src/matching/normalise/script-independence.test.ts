// The cross-script key must not depend on which script or transliteration system a name was
// written in. Checked on generated words and on the ua2ru dictionary's real names.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { crossScriptKey } from "./cross-script-key.ts";
import { ukrainianToLatin } from "./transliterate/ukrainian-kmu-2010.ts";
import { russianToLatin, RUSSIAN_SCHEMES } from "./transliterate/russian-schemes.ts";

// Consonant–vowel syllables: clusters such as сх, сг and цх are left out because some systems
// write them exactly like ш, ч (ISO 9 "sh" is сх; KMU "sh" is сг): a key cannot tell them apart.
const RU_CONSONANTS = [..."бвгджзклмнпрстфхцчшщ"].flatMap((c) => [c, `${c}ь`]).concat(["съ", "дъ"]);
const RU_VOWELS = [..."аеёиоуыэюя"];
const UK_CONSONANTS = [..."бвгґджзклмнпрстфхцчшщ"].flatMap((c) => [c, `${c}ь`]).concat(["б'", "в'", "м'", "п'"]);
const UK_VOWELS = [..."аеєиіїоуюя"];

function word(consonants: string[], vowels: string[]) {
  return fc
    .array(fc.tuple(fc.constantFrom(...consonants), fc.constantFrom(...vowels)), { minLength: 1, maxLength: 4 })
    .map((syllables) => syllables.map(([c, v]) => {
      // ъ stands only before iotated vowels; the apostrophe likewise.
      if ((c.endsWith("ъ") || c.endsWith("'")) && !/[еёюяєї]/.test(v)) return c.slice(0, -1) + v;
      return c + v;
    }).join(""))
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
}

describe("script independence of crossScriptKey", () => {
  it("gives a Ukrainian word and its 2010 Latin form one key", () => {
    fc.assert(fc.property(word(UK_CONSONANTS, UK_VOWELS), (w) => {
      expect([w, crossScriptKey(ukrainianToLatin(w))]).toEqual([w, crossScriptKey(w)]);
    }), { numRuns: 400 });
  });

  it("gives a Russian word and its Latin form in every system one key", () => {
    fc.assert(fc.property(word(RU_CONSONANTS, RU_VOWELS), fc.constantFrom(...RUSSIAN_SCHEMES), (w, scheme) => {
      expect([w, scheme, crossScriptKey(russianToLatin(w, scheme))]).toEqual([w, scheme, crossScriptKey(w)]);
    }), { numRuns: 800 });
  });

  const UA2RU = fileURLToPath(new URL("../../../../shared/data/names_translator_ua2ru/legacy_ua2ru.csv", import.meta.url));
  const missing = !existsSync(UA2RU);
  if (missing) {
    if (process.env.CI === "true") throw new Error(`shared test data missing: ${UA2RU}`);
    console.warn(`skipping the ua2ru checks: ${UA2RU} is missing`);
  }
  // Every third row keeps the test fast; the whole file was checked when the rules were written.
  const rows = missing ? [] : readFileSync(UA2RU, "utf8").trim().split("\n").slice(1).map((l) => l.split(","))
    .filter(([uk, ru], i) => i % 3 === 0 && uk && ru && !/[\s()"\-.]/.test(uk + ru));

  it.skipIf(missing)("keys the dictionary's Ukrainian names like their 2010 Latin forms, save сг/кг read as ш/х", () => {
    const names = [...new Set(rows.map((r) => r[0]!))];
    const differ = names.filter((n) => crossScriptKey(n) !== crossScriptKey(ukrainianToLatin(n)));
    expect(differ.filter((n) => !/[скз]г/iu.test(n))).toEqual([]);
    expect(differ.length / names.length).toBeLessThan(0.001);
  });

  it.skipIf(missing)("keys the dictionary's Russian names like every Latin rendering, save ISO 9 сх, цх, кх, пх, цз", () => {
    const names = [...new Set(rows.map((r) => r[1]!))];
    for (const scheme of RUSSIAN_SCHEMES) {
      const differ = names.filter((n) => crossScriptKey(n) !== crossScriptKey(russianToLatin(n, scheme)));
      if (scheme === "iso-9") {
        expect(differ.filter((n) => !/[сцзкп]х|цз/iu.test(n))).toEqual([]);
        expect(differ.length / names.length).toBeLessThan(0.002);
      } else {
        expect([scheme, differ]).toEqual([scheme, []]);
      }
    }
  });
});
