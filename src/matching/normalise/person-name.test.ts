import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { detectSwappedNames, familyNameKey, givenNameKey, inferSex, looseNameKey, parseFullName } from "./person-name.ts";

describe("givenNameKey and familyNameKey", () => {
  it("give equivalent given names one key and note diminutives", () => {
    expect(givenNameKey("Олександр").key).toBe(givenNameKey("Aleksandr").key);
    expect(givenNameKey("Саша")).toEqual({ key: givenNameKey("Олександр").key, known: true, viaDiminutive: true });
    expect(givenNameKey("Oleksandr").viaDiminutive).toBe(false);
    expect(givenNameKey("Зорян").known).toBe(false);
  });

  it("fold feminine family names and report the sex", () => {
    expect(familyNameKey("Ковальська")).toEqual({ key: familyNameKey("Kovalskyi").key, sex: "female" });
    expect(familyNameKey("Иванов").sex).toBe("male");
    expect(familyNameKey("Коваленко").sex).toBe("unknown");
    expect(familyNameKey("Сич-Коваль").key).toBe("sich koval");
  });

  it("offers a looser level that merges Ukrainian і with Russian о/е", () => {
    expect(looseNameKey(familyNameKey("Петрів").key)).toBe(looseNameKey(familyNameKey("Петров").key));
  });
});

describe("parseFullName", () => {
  it.each([
    ["Коваленко Олександр Петрович", "Олександр", "Коваленко", "Петрович"],
    ["Oleksandr Petrovych Kovalenko", "Oleksandr", "Kovalenko", "Petrovych"],
    ["Kovalenko Oleksandr", "Oleksandr", "Kovalenko", ""],
    ["Александра Ивановна Шевчук", "Александра", "Шевчук", "Ивановна"],
    ["Ірина Мельник", "Ірина", "Мельник", ""],
  ])("reads %s", (text, given, family, patronymic) => {
    const p = parseFullName(text);
    expect([p.given, p.family, p.patronymic]).toEqual([given, family, patronymic]);
  });

  it("never loses a token and never throws", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      const p = parseFullName(s);
      const back = [p.given, p.family, p.patronymic].join(" ").split(/\s+/).filter(Boolean).sort();
      const tokens = s.normalize("NFC").split(/[^\p{L}\p{M}\p{N}'’ʼ`´]+/u).map((t) => t.replace(/^['’ʼ`´]+|['’ʼ`´]+$/gu, "")).filter(Boolean).sort();
      expect(back).toEqual(tokens);
    }));
  });
});

describe("detectSwappedNames", () => {
  it("spots a family name in the given-name field", () => {
    expect(detectSwappedNames("Коваленко", "Олександр")).toBe("swapped");
    expect(detectSwappedNames("Shevchuk", "Iryna")).toBe("swapped");
    expect(detectSwappedNames("Олександр", "Коваленко")).toBe("as-entered");
    expect(detectSwappedNames("Зорян", "Гук")).toBe("unclear");
  });
});

describe("inferSex", () => {
  it.each([
    [{ given: "Саша", patronymic: "Олександрівна" }, "female"],
    [{ given: "Саша", family: "Ковальський" }, "male"],
    [{ given: "Саша", family: "Коваленко" }, "unknown"],
    [{ given: "Микола", family: "Коваленко" }, "male"],
    [{ given: "Ірина" }, "female"],
    [{ given: "Oleksandr" }, "male"],
    [{}, "unknown"],
  ] as const)("reads %o as %s", (name, sex) => {
    expect(inferSex(name)).toBe(sex);
  });
});
