import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ukrainianToLatin } from "./ukrainian-kmu-2010.ts";
import { russianToLatin, RUSSIAN_SCHEMES } from "./russian-schemes.ts";
import type { RussianScheme } from "./russian-schemes.ts";

const DATA = fileURLToPath(new URL("../../../../../shared/data/", import.meta.url));
const KMU = `${DATA}uk_kmu_2010_translit/examples.csv`;
const IUL = `${DATA}iuliia_schemas/`;

function missing(path: string): boolean {
  if (existsSync(path)) return false;
  if (process.env.CI === "true") throw new Error(`shared test data missing: ${path}`);
  console.warn(`skipping: shared test data missing at ${path}`);
  return true;
}

describe("ukrainianToLatin (KMU 2010)", () => {
  it.skipIf(missing(KMU))("reproduces every example of the resolution and its applications", () => {
    const rows = readFileSync(KMU, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    expect(rows.length).toBeGreaterThan(40);
    for (const [cyr, lat] of rows) expect([cyr, ukrainianToLatin(cyr!)]).toEqual([cyr, lat]);
  });

  it("uses word-initial forms at the start of every word, not after an apostrophe", () => {
    expect(ukrainianToLatin("Юрій Яковенко")).toBe("Yurii Yakovenko");
    expect(ukrainianToLatin("Олена-Юлія")).toBe("Olena-Yuliia");
    expect(ukrainianToLatin("В'ячеслав")).toBe("Viacheslav");
    expect(ukrainianToLatin("Кам’янець-Подільський")).toBe("Kamianets-Podilskyi");
  });

  it("renders all-capital words in capitals and keeps other text", () => {
    expect(ukrainianToLatin("ЩУКА Олег, 2014")).toBe("SHCHUKA Oleh, 2014");
    expect(ukrainianToLatin("Жук")).toBe("Zhuk");
  });

  it("gives ASCII for any Ukrainian text", () => {
    const alphabet = [..."абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ'’ -"];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...alphabet) }), (s) => {
      expect(ukrainianToLatin(s)).toMatch(/^[\x20-\x7e]*$/);
    }));
  });

  it("never throws on any Unicode input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => { ukrainianToLatin(s); }));
  });
});

const FILES: Readonly<Record<RussianScheme, string>> = {
  "icao-9303": "icao_doc_9303.json",
  "gost-52535": "gost_52535.json",
  "mvd-310": "mvd_310.json",
  "mvd-782": "mvd_782.json",
  "bgn-pcgn": "bgn_pcgn.json",
  "iso-9": "gost_779.json",
};

describe("russianToLatin", () => {
  for (const scheme of RUSSIAN_SCHEMES) {
    const file = `${IUL}${FILES[scheme]}`;
    it.skipIf(missing(file))(`passes the published samples of ${scheme}`, () => {
      const schema = JSON.parse(readFileSync(file, "utf8")) as { samples: [string, string][] };
      expect(schema.samples.length).toBeGreaterThan(0);
      for (const [cyr, lat] of schema.samples) {
        // The sample files write Cyrillic ё inside Latin output; the standards use Latin ë.
        expect([cyr, russianToLatin(cyr, scheme)]).toEqual([cyr, lat.replaceAll("ё", "ë")]);
      }
    });
  }

  it("distinguishes the passport systems the way documents do", () => {
    expect(russianToLatin("Юлия Щеглова", "icao-9303")).toBe("Iuliia Shcheglova");
    expect(russianToLatin("Юлия Щеглова", "mvd-782")).toBe("Yuliya Shcheglova");
    expect(russianToLatin("Кузнецов", "gost-52535")).toBe("Kuznetcov");
    expect(russianToLatin("Кузнецов", "icao-9303")).toBe("Kuznetsov");
    expect(russianToLatin("АНДРЕЙ", "icao-9303")).toBe("ANDREI");
  });

  it("gives ASCII for any Russian text in the passport systems", () => {
    const alphabet = [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ -"];
    for (const scheme of ["icao-9303", "gost-52535", "mvd-310", "mvd-782"] as const) {
      fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...alphabet) }), (s) => {
        expect(russianToLatin(s, scheme)).toMatch(/^[\x20-\x7e]*$/);
      }), { numRuns: 200 });
    }
  });

  it("never throws on any Unicode input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), fc.constantFrom(...RUSSIAN_SCHEMES), (s, scheme) => {
      russianToLatin(s, scheme);
    }));
  });
});
