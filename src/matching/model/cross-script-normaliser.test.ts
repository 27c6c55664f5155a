import { describe, expect, it } from "vitest";
import { crossScriptNormaliser } from "./cross-script-normaliser.ts";

describe("crossScriptNormaliser", () => {
  const n = crossScriptNormaliser();
  it("gives one place and oblast for Ukrainian, Russian, Latin and former names", () => {
    expect(n.place("Артёмовск")).toEqual(n.place("Бахмут"));
    expect(n.place("Mariupol")).toEqual(n.place("Маріуполь"));
    expect(n.place("Маріуполь")!.region).not.toBe("");
    expect(n.place("Невідоме Село")!.region).toBe("");
  });
  it("reads ISO and DD.MM.YYYY dates and partial ones", () => {
    expect(n.parseDate("07.03.2014")).toEqual({ year: 2014, month: 3, day: 7 });
    expect(n.parseDate("2014-03-07")).toEqual({ year: 2014, month: 3, day: 7 });
    expect(n.parseDate("2014")).toEqual({ year: 2014, month: 0, day: 0 });
  });
  it("puts Ukrainian, Russian and Latin forms of a name in one group, and whole names in any order", () => {
    expect(n.nameGroup("Олександр", "given")).toBe(n.nameGroup("Александр", "given"));
    expect(n.nameGroup("Ковальська", "family")).toBe(n.nameGroup("Ковальский", "family"));
    expect(n.nameKey("Ірина Коваленко", "person")).toBe(n.nameKey("Kovalenko Iryna", "person"));
  });
});
