import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adultStatus, ageRange, parsePartialDate } from "./partial-date.ts";

describe("partial dates", () => {
  it("accepts year, year-month and full dates that exist", () => {
    expect(parsePartialDate("2014")).toEqual({ year: 2014 });
    expect(parsePartialDate("2014-03")).toEqual({ year: 2014, month: 3 });
    expect(parsePartialDate("2012-02-29")).toEqual({ year: 2012, month: 2, day: 29 });
  });

  it("rejects impossible dates and other formats", () => {
    for (const s of ["2013-02-29", "2014-13", "2014-00-10", "07.03.2014", "14", "2014-3-7", " 2014", "1850"]) {
      expect(parsePartialDate(s), s).toBeNull();
    }
  });

  it("never throws, and what it accepts is a real calendar date", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parsePartialDate(s);
        if (p && p.day !== undefined) {
          const d = new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day));
          expect(d.getUTCDate()).toBe(p.day);
        }
      }),
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parsePartialDate(iso)).not.toBeNull();
        expect(parsePartialDate(iso.slice(0, 7))).not.toBeNull();
      }),
    );
  });

  it("age is a range for partial dates, exact for full ones", () => {
    const now = new Date("2026-06-15T10:00:00Z");
    expect(ageRange("2008-06-15", now)).toEqual({ min: 18, max: 18 });
    expect(ageRange("2008-06-16", now)).toEqual({ min: 17, max: 17 });
    expect(ageRange("2008-06", now)).toEqual({ min: 17, max: 18 });
    expect(ageRange("2008", now)).toEqual({ min: 17, max: 18 });
  });

  it("counts as adult only once 18 is certain", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }),
        fc.date({ min: new Date("2020-01-01"), max: new Date("2060-12-31"), noInvalidDate: true }),
        (birth, now) => {
          const full = birth.toISOString().slice(0, 10);
          for (const text of [full, full.slice(0, 7), full.slice(0, 4)]) {
            const a = adultStatus(text, now);
            const r = ageRange(text, now)!;
            expect(r.min).toBeLessThanOrEqual(r.max);
            expect(a.adult).toBe(r.min >= 18);
            // Whatever the real day of birth, a case flagged adult is really 18 or over.
            if (a.adult) expect(ageRange(full, now)!.min).toBeGreaterThanOrEqual(18);
          }
        },
      ),
    );
  });

  it("without a birth date nobody is flagged adult", () => {
    expect(adultStatus(undefined, new Date())).toEqual({ adult: false, possiblyAdult: false, age: null });
  });
});
