import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameSearchKeys } from "./name-search-keys.ts";
import { MAX_PREFIX, MIN_PREFIX, namePrefixKeys, prefixQueryKeys } from "./name-prefix-keys.ts";

/** Whether a stored name (its whole-word and prefix keys) answers a typed query. */
function finds(stored: string, typed: string): boolean {
  const keys = new Set([...nameSearchKeys(stored), ...namePrefixKeys(stored)]);
  const q = prefixQueryKeys(typed);
  return q.last.length > 0 && q.all.every((k) => keys.has(k)) && q.last.some((k) => keys.has(k));
}

describe("search as you type", () => {
  it("finds a Cyrillic surname by the start of its Latin spelling, and the reverse", () => {
    expect(finds("Олександр Коваленко", "Kovalenk")).toBe(true);
    expect(finds("Oleksandr Kovalenko", "Ковален")).toBe(true);
    expect(finds("Олександр Коваленко", "Oleksandr Koval")).toBe(true);
    expect(finds("Олександр Коваленко", "Саша Коваленко")).toBe(true);
  });

  it("does not find a name by a start it lacks, nor by the start of a word before the last", () => {
    expect(finds("Олександр Коваленко", "Kovalm")).toBe(false);
    expect(finds("Олександр Коваленко", "Oleks Kovalenko")).toBe(false);
    expect(finds("Олександр Коваленко", "Шевч")).toBe(false);
  });

  it("keeps a whole word found as before (a diminutive is a whole word, not a prefix)", () => {
    expect(finds("Олександр Коваленко", "Коваленко Саша")).toBe(true);
  });

  it("stores no prefix shorter than MIN_PREFIX or longer than MAX_PREFIX, and finds any typed start of a word", () => {
    fc.assert(
      fc.property(fc.constantFrom("Коваленко", "Подгородецкая", "Shevchuk", "Хмельницький", "Мирослава"), fc.integer({ min: MIN_PREFIX, max: 20 }), (word, n) => {
        for (const k of namePrefixKeys(word)) expect(k.length - 1).toBeGreaterThanOrEqual(MIN_PREFIX);
        for (const k of namePrefixKeys(word)) expect(k.length - 1).toBeLessThanOrEqual(MAX_PREFIX);
        const typed = word.slice(0, n);
        expect(finds(word, typed), typed).toBe(true);
      }),
    );
  });

  it("asks for nothing when nothing with letters was typed", () => {
    expect(prefixQueryKeys(" -- ")).toEqual({ all: [], last: [] });
  });
});
