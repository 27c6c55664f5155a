import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { compareDates, DATE_LEVELS, formatDate, parseDate } from "./dates.ts";

describe("parseDate", () => {
  it.each([
    ["2014-03-07", "2014-03-07"],
    ["2014-03-07T00:00:00Z", "2014-03-07"],
    ["2014/3/7", "2014-03-07"],
    ["20140307", "2014-03-07"],
    ["07.03.2014", "2014-03-07"],
    ["7/3/2014", "2014-03-07"],
    ["07-03-2014", "2014-03-07"],
    ["07.03.2014 р.", "2014-03-07"],
    ["2014 р.н.", "2014"],
    ["около 2014 г.р.", "~2014"],
    ["2014", "2014"],
    ["2014-03", "2014-03"],
    ["03.2014", "2014-03"],
    ["~2014", "~2014"],
    ["circa 2014", "~2014"],
    ["c. 2014", "~2014"],
    ["близько 2014", "~2014"],
    ["около 2014 г.", "~2014"],
    ["2014?", "~2014"],
    ["7 березня 2014", "2014-03-07"],
    ["7 марта 2014 г.", "2014-03-07"],
    ["March 7, 2014", "2014-03-07"],
    ["березень 2014", "2014-03"],
    ["29.02.2016", "2016-02-29"],
  ])("reads %s as %s", (text, iso) => {
    const d = parseDate(text);
    expect(d).not.toBeNull();
    expect(formatDate(d!)).toBe(iso);
  });

  it.each(["31.02.2014", "29.02.2015", "13/13/2014", "07.03.14", "2014-13", "yesterday", "", "1850", "7 мартобря 2014"])(
    "rejects %s",
    (text) => expect(parseDate(text)).toBeNull(),
  );

  it("round-trips every valid date through its ISO form", () => {
    fc.assert(fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), fc.boolean(), (date, estimated) => {
      const iso = date.toISOString().slice(0, 10);
      const d = parseDate(estimated ? `~${iso}` : iso);
      expect(d && formatDate(d)).toBe(estimated ? `~${iso}` : iso);
      const [y, m, dd] = iso.split("-");
      expect(parseDate(`${dd}.${m}.${y}`)).toEqual(parseDate(iso));
    }));
  });

  it("never throws on any Unicode input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => { parseDate(s); }));
  });
});

describe("compareDates", () => {
  it.each([
    ["2014-03-07", "07.03.2014", "exact"],
    ["2014-03-07", "2014-07-03", "day-month-swapped"],
    ["2014-03-07", "2014-03-10", "within-days"],
    ["2014-02-27", "2014-03-02", "within-days"],
    ["2014-03-07", "2015-03-07", "year-off"],
    ["2014-03-07", "2014-03-17", "digit-typo"],
    ["2014-03-07", "2014", "partial-compatible"],
    ["2014-03", "2014-03-07", "partial-compatible"],
    ["~2014", "2013-05-01", "estimate-compatible"],
    ["2014-03-07", "2014-09-20", "same-year"],
    ["2014-03-07", "2011-09-20", "different"],
    ["2014-03", "2014-04-07", "same-year"],
    ["2014-03-07", "", "missing"],
    [null, "2014", "missing"],
  ] as const)("compares %s and %s as %s", (a, b, level) => {
    expect(compareDates(a, b)).toBe(level);
  });

  it("is symmetric and always returns a known level", () => {
    const anyDate = fc.oneof(
      fc.date({ min: new Date("2000-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.integer({ min: 2000, max: 2025 }).map((y) => `~${y}`),
      fc.string({ unit: "binary" }),
    );
    fc.assert(fc.property(anyDate, anyDate, (a, b) => {
      const level = compareDates(a, b);
      expect(DATE_LEVELS).toContain(level);
      expect(compareDates(b, a)).toBe(level);
    }));
  });
});
