import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { nameSearchKeys, nameTokens } from "./name-search-keys.ts";
import { GIVEN_NAME_GROUPS, GIVEN_NAME_CONFLICTS } from "./given-names.ts";

describe("nameSearchKeys", () => {
  it("gives the Ukrainian, Russian and Latin forms of one name the same keys", () => {
    const forms = [
      "Oleksandr Kovalenko",
      "Олександр Коваленко",
      "Александр Коваленко",
      "Aleksandr Kovalenko",
      "Alexander Kovalenko",
      "КОВАЛЕНКО Олександр",
      "Kovalenko, Alexandr",
    ];
    const expected = nameSearchKeys(forms[0]!);
    expect(expected).toHaveLength(2);
    for (const f of forms) expect(nameSearchKeys(f)).toEqual(expected);
  });

  it("maps diminutives to their given name", () => {
    expect(nameSearchKeys("Саша")).toEqual(nameSearchKeys("Олександр"));
    expect(nameSearchKeys("Sasha")).toEqual(nameSearchKeys("Alexander"));
    expect(nameSearchKeys("Ваня")).toEqual(nameSearchKeys("Ivan"));
    expect(nameSearchKeys("Оля")).toEqual(nameSearchKeys("Olha"));
  });

  it("leaves a diminutive shared by several names unresolved", () => {
    expect(nameSearchKeys("Слава")).not.toEqual(nameSearchKeys("Ростислав"));
    expect(nameSearchKeys("Слава")).not.toEqual(nameSearchKeys("В'ячеслав"));
  });

  it("folds feminine surnames to the masculine key", () => {
    const k = nameSearchKeys("Ковальський");
    for (const f of ["Ковальська", "Ковальский", "Ковальская", "Kovalska", "Kovalskaya", "Kovalskyi"]) {
      expect(nameSearchKeys(f)).toEqual(k);
    }
    expect(nameSearchKeys("Іванова")).toEqual(nameSearchKeys("Ivanov"));
  });

  it("reduces Ukrainian and Russian patronymics to the father's name", () => {
    const k = nameSearchKeys("Олександрович");
    expect(k).toEqual(nameSearchKeys("Александровна"));
    expect(k).toEqual(nameSearchKeys("Oleksandrivna"));
    expect(k).not.toEqual(nameSearchKeys("Олександр"));
    expect(nameSearchKeys("Андрійович")).toEqual(nameSearchKeys("Андреевна"));
    expect(nameSearchKeys("Миколаївна")).toEqual(nameSearchKeys("Николаевич"));
    expect(nameSearchKeys("Сергійович")).toEqual(nameSearchKeys("Sergeevna"));
  });

  it("keeps different people apart", () => {
    expect(nameSearchKeys("Олександр Коваленко")).not.toEqual(nameSearchKeys("Олексій Коваленко"));
    expect(nameSearchKeys("Іван Шевченко")).not.toEqual(nameSearchKeys("Іван Шевчук"));
  });

  it("splits on spaces, hyphens and punctuation but keeps in-word apostrophes", () => {
    expect(nameTokens("Сич-Коваль, Дар'я (Даша)")).toEqual(["Сич", "Коваль", "Дар'я", "Даша"]);
    expect(nameSearchKeys("Дар'я")).toEqual(nameSearchKeys("Дарья"));
    expect(nameSearchKeys("")).toEqual([]);
  });

  it("has no full name form claimed by two groups", () => {
    expect(GIVEN_NAME_CONFLICTS).toEqual([]);
  });

  it("gives every Ukrainian, Russian and listed form of a group the group's key", () => {
    for (const g of GIVEN_NAME_GROUPS) {
      for (const name of [...g.ukrainian, ...g.russian, ...g.other]) {
        expect([name, nameSearchKeys(name)]).toEqual([name, [g.id]]);
      }
    }
  });

  it("is script-independent for every known equivalent, in any token order", () => {
    const pairs = GIVEN_NAME_GROUPS.flatMap((g) =>
      g.ukrainian.flatMap((u) => [...g.russian, ...g.other].map((r) => [u, r] as const)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.constantFrom("Коваленко", "Kovalenko", "Шевчук", "Shevchuk"), ([uk, ru], surname) => {
        expect(nameSearchKeys(`${surname} ${ru}`)).toEqual(nameSearchKeys(`${uk} ${surname}`));
      }),
    );
  });

  it("never throws nor yields an empty key on any Unicode input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const keys = nameSearchKeys(s);
        for (const k of keys) expect(k.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
