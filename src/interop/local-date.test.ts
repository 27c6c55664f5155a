import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dateProblems, parseLocalDate, partialDateRange } from "./local-date.ts";

const isoDay = fc.date({ min: new Date("1950-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("parseLocalDate", () => {
  it("reads every day written day-first with dots, slashes or dashes, and ISO", () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(".", "/", "-"), (iso, sep) => {
        const [y, m, d] = iso.split("-");
        expect(parseLocalDate(`${d}${sep}${m}${sep}${y}`)).toBe(iso);
        expect(parseLocalDate(`${Number(d)}${sep}${Number(m)}${sep}${y}`)).toBe(iso);
        expect(parseLocalDate(`${m}${sep}${d}${sep}${y}`, "mdy")).toBe(iso);
        expect(parseLocalDate(iso)).toBe(iso);
        expect(parseLocalDate(`${iso}T00:00:00.000Z`)).toBe(iso);
        expect(parseLocalDate(`${y}.${m}.${d}`)).toBe(iso);
      }),
    );
  });

  it("reads month names in Ukrainian, Russian and English, and month-year forms", () => {
    expect(parseLocalDate("7 березня 2014")).toBe("2014-03-07");
    expect(parseLocalDate("7 марта 2014 г.")).toBe("2014-03-07");
    expect(parseLocalDate("березень 2014")).toBe("2014-03");
    expect(parseLocalDate("12 листопада 2016 року")).toBe("2016-11-12");
    expect(parseLocalDate("1 May 2015")).toBe("2015-05-01");
    expect(parseLocalDate("03.2014")).toBe("2014-03");
    expect(parseLocalDate("2014")).toBe("2014");
  });

  it("refuses impossible dates, two-digit years and unknown words", () => {
    for (const bad of ["31.02.2014", "07.03.14", "2014-13", "7 бла 2014", "", "00.01.2014", "2014-02-29"]) {
      expect(parseLocalDate(bad), bad).toBeUndefined();
    }
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseLocalDate(s);
      if (r !== undefined) expect(r).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }), { numRuns: 1000 });
  });
});

describe("dateProblems", () => {
  it("takes a partial date as the whole span it may stand for", () => {
    expect(partialDateRange("2016-02")).toEqual({ first: "2016-02-01", last: "2016-02-29" });
    expect(partialDateRange("2014")).toEqual({ first: "2014-01-01", last: "2014-12-31" });
    expect(dateProblems({ birthDate: "2026" }, "2026-01-01")).toEqual([]);
    expect(dateProblems({ birthDate: "2027" }, "2026-12-31")).toHaveLength(1);
    expect(dateProblems({ birthDate: "2014-05", separationDate: "2014-04-30" }, "2026-01-01")).toEqual([
      { field: "separation_date", message: expect.stringMatching(/before the birth date/) },
    ]);
  });
});
