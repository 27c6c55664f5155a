import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { crossScriptKey, looseKey } from "./cross-script-key.ts";

describe("crossScriptKey", () => {
  it.each([
    ["Коваленко", "Kovalenko", "Kowalenko"],
    ["Маріуполь", "Мариуполь", "Mariupol"],
    ["Харків", "Kharkiv", "Harkiv"],
    ["Ольга", "Olha", "Olga"],
    ["Юлія", "Юлия", "Iuliia", "Yuliya", "Julia", "Ûliâ"],
    ["Щеглова", "Shcheglova", "Ŝeglova"],
    ["Вишгород", "Вышгород", "Vyshhorod", "Vyshgorod"],
    ["Згурський", "Згурский", "Zghurskyi", "Zgurskiy", "Zgurskii"],
    ["Мар'їне", "Марьине", "Marine", "Mar’ine"],
    ["Наєнко", "Наенко", "Naienko", "Nayenko"],
    ["Артёмовск", "Артемовск", "Artyomovsk", "Artemovsk"],
    ["Євген", "Евген", "Yevhen", "Evgen", "Jewgen"],
    ["Кравець", "Кравец", "Kravets", "Kravetc", "Kravec"],
    ["Олексій", "Oleksii", "Oleksiy", "Oleksij"],
    ["Вілсон", "Уилсон", "Wilson"],
    ["Безсмертна", "Бессмертна", "Bezsmertna"],
    ["Синиця", "Синица", "Synytsia", "Sinitsa"],
  ])("gives %s and its other spellings one key", (...forms: string[]) => {
    const keys = new Set(forms.map(crossScriptKey));
    expect([...keys]).toHaveLength(1);
  });

  it("keeps different names apart", () => {
    expect(crossScriptKey("Коваленко")).not.toBe(crossScriptKey("Коваль"));
    expect(crossScriptKey("Іван")).not.toBe(crossScriptKey("Ян"));
    expect(crossScriptKey("Жук")).not.toBe(crossScriptKey("Зук"));
    expect(crossScriptKey("Шевченко")).not.toBe(crossScriptKey("Севченко"));
  });

  it("drops spaces, punctuation, apostrophes and soft signs", () => {
    expect(crossScriptKey("Сич-Коваль")).toBe(crossScriptKey("Сичковаль"));
    expect(crossScriptKey("Гаврилюк")).toBe(crossScriptKey("Гаврилюкь"));
    expect(crossScriptKey("  ,. ")).toBe("");
  });

  it("reads Latin look-alike letters inside Cyrillic words as Cyrillic", () => {
    expect(crossScriptKey("Пeтpенко")).toBe(crossScriptKey("Петренко"));
    expect(crossScriptKey("Сергiй")).toBe(crossScriptKey("Сергій"));
    expect(crossScriptKey("Хуpсенко")).toBe(crossScriptKey("Хурсенко"));
  });

  it("keeps letters of other scripts instead of dropping them", () => {
    expect(crossScriptKey("Ἀλέξανδρος")).not.toBe("");
    expect(crossScriptKey("李")).toBe("李");
  });

  it("is idempotent on any Unicode input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const k = crossScriptKey(s);
        expect(crossScriptKey(k)).toBe(k);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя'ABCHKSTZYIJWXchkstzyijwx ".split("")) }), (s) => {
        const k = crossScriptKey(s);
        expect(crossScriptKey(k)).toBe(k);
      }),
      { numRuns: 600 },
    );
  });

  it("has an idempotent loose key that only merges what the key keeps apart", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
      const k = looseKey(a);
      expect(looseKey(k)).toBe(k);
      if (crossScriptKey(a) === crossScriptKey(b)) expect(looseKey(a)).toBe(looseKey(b));
    }), { numRuns: 300 });
    expect(looseKey("Петрів")).toBe(looseKey("Петров"));
  });

  it("never throws and returns only lower-case letters and digits", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const k = crossScriptKey(s);
        expect(k).toMatch(/^[\p{L}\p{N}]*$/u);
      }),
      { numRuns: 400 },
    );
  });

  it("gives Ukrainian and Russian Cyrillic keys in the ASCII alphabet", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяАБВГҐДЕЄЁЖЗИІЇЙ'’ -".split("")) }), (s) => {
        expect(crossScriptKey(s)).toMatch(/^[a-z]*$/);
      }),
    );
  });
});
