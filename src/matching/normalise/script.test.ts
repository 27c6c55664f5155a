import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { detectScript, detectScriptInfo, fixHomoglyphs } from "./script.ts";

describe("detectScript", () => {
  it.each([
    ["Олександр Коваленко", "cyrillic"],
    ["Марина", "cyrillic"],
    ["Сергій", "ukrainian"],
    ["Мар'яна", "ukrainian"],
    ["Ґалаґан", "ukrainian"],
    ["Єва", "ukrainian"],
    ["Артём", "russian"],
    ["Эльвира", "russian"],
    ["Быстров", "russian"],
    ["Подъячев", "russian"],
    ["Oleksandr Kovalenko", "latin"],
    ["Ŝeglova", "latin"],
    ["Oleksandr Коваленко", "mixed"],
    ["Сергій Быстров", "mixed"],
    ["李小龙", "other"],
    ["12.03.2014 —", "none"],
    ["", "none"],
  ])("classifies %s as %s", (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it("sees through Latin look-alike letters inside Cyrillic words", () => {
    expect(detectScriptInfo("Сергiй")).toEqual({ script: "ukrainian", homoglyphs: true });
    expect(fixHomoglyphs("Сергiй Пeтрeнко")).toBe("Сергій Петренко");
    expect(fixHomoglyphs("Oleksandr")).toBe("Oleksandr");
    expect(fixHomoglyphs("Сергjй")).toBe("Сергjй");
  });

  it("never throws on any Unicode input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      detectScript(s);
      expect(fixHomoglyphs(fixHomoglyphs(s))).toBe(fixHomoglyphs(s));
    }));
  });
});
