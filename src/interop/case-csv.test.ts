import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_CSV_COLUMNS, checkCaseCsvHeader, csvDate, parseCaseCsvRow } from "./case-csv.ts";
import type { CaseCsvColumn, CaseCsvRow } from "./case-csv.ts";
import { CaseInputSchema } from "../domain/case-details.ts";

const anyRow = fc.dictionary(fc.constantFrom(...CASE_CSV_COLUMNS), fc.string({ maxLength: 40 }), { maxKeys: 12 }) as fc.Arbitrary<CaseCsvRow>;

const cyrillicWord = fc.stringMatching(/^[А-ЯІЇЄҐ][а-яіїєґ']{1,12}$/);
const isoDay = fc.date({ min: new Date("1990-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validRow = fc.record({
  record_id: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
  given_name: cyrillicWord,
  family_name: cyrillicWord,
  sex: fc.constantFrom("M", "F", "m", "f", "X", "unknown", ""),
  birth_date: fc.oneof(isoDay, isoDay.map((d) => d.slice(0, 7)), isoDay.map((d) => d.slice(0, 4)), fc.constant("")),
  separation_category: fc.constantFrom("", "deported", "forcibly-transferred", "evacuated_without_parents", "other"),
});

describe("parseCaseCsvRow", () => {
  it("never throws and either accepts a schema-valid input or names the column at fault", () => {
    fc.assert(
      fc.property(anyRow, (row) => {
        const result = parseCaseCsvRow(row);
        if (result.ok) {
          expect(CaseInputSchema.safeParse(result.input).success).toBe(true);
          expect(result.recordId.length).toBeGreaterThan(0);
        } else {
          expect(result.reason).toMatch(/^[a-z_A-Z.0-9]+: /);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps names, sex and birth date of every valid row", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const result = parseCaseCsvRow(row);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.recordId).toBe(row.record_id);
        expect(result.input.names[0]).toMatchObject({ given: row.given_name, family: row.family_name });
        expect(result.input.sex).toBe(row.sex === "" ? "unknown" : row.sex === "unknown" ? "unknown" : row.sex.toUpperCase());
        expect(result.input.birthDate).toBe(row.birth_date === "" ? undefined : row.birth_date);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts DD.MM.YYYY and rejects impossible dates", () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        const [y, m, d] = iso.split("-");
        expect(csvDate(`${d}.${m}.${y}`, "birth_date")).toBe(iso);
      }),
    );
    const bad = parseCaseCsvRow({ record_id: "a", given_name: "Іван", birth_date: "2014-02-30" });
    expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/^birth_date: /) });
  });

  it("rejects a row without record_id or without any name, saying which column", () => {
    expect(parseCaseCsvRow({ given_name: "Іван" })).toMatchObject({ ok: false, reason: expect.stringMatching(/^record_id:/) });
    expect(parseCaseCsvRow({ record_id: "r1", sex: "M" })).toMatchObject({ ok: false, reason: expect.stringMatching(/^given_name:/) });
    expect(parseCaseCsvRow({ record_id: "r1", given_name: "Іван", sex: "boy" })).toMatchObject({ ok: false, reason: expect.stringMatching(/^sex:/) });
  });

  it("puts guardian contact details under the guardian and a new name as a second name", () => {
    const result = parseCaseCsvRow({
      record_id: "r1", given_name: "Олександр", family_name: "Коваленко", new_given_name: "Кирилл",
      guardian_name: "Олена Коваленко", guardian_phone: "+380 67 123 45 67", consent_tracing: "yes", consent_given_by: "guardian",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.names[1]).toMatchObject({ given: "Кирилл", family: "Коваленко", kind: "new-after-deportation" });
    expect(result.input.family?.[0]).toMatchObject({ relation: "legal-guardian", given: "Олена", family: "Коваленко", contact: { phone: "+380 67 123 45 67" } });
    expect(result.input.consent).toEqual({ forTracing: true, forSharing: false, givenBy: "guardian" });
  });
});

describe("checkCaseCsvHeader", () => {
  it("accepts any subset of known columns that has record_id and a name", () => {
    fc.assert(
      fc.property(fc.subarray([...CASE_CSV_COLUMNS] as CaseCsvColumn[]), (extra) => {
        const header = [...new Set<string>(["record_id", "family_name", ...extra])];
        expect(() => checkCaseCsvHeader(header)).not.toThrow();
      }),
    );
  });

  it("refuses unknown, repeated or missing key columns", () => {
    expect(() => checkCaseCsvHeader(["record_id", "given_name", "surname"])).toThrow(/surname/);
    expect(() => checkCaseCsvHeader(["record_id", "given_name", "given_name"])).toThrow(/twice/);
    expect(() => checkCaseCsvHeader(["given_name"])).toThrow(/record_id/);
    expect(() => checkCaseCsvHeader(["record_id", "sex"])).toThrow(/given_name or a family_name/);
  });
});

describe("parseCaseCsvRow: every problem, and dates no form can fix", () => {
  const today = "2026-06-01";

  it("lists every problem of a row, each naming its column", () => {
    const result = parseCaseCsvRow({ record_id: "r1", sex: "boy", birth_date: "31.02.2014", consent_tracing: "maybe" }, { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(":")[0]).sort()).toEqual(["birth_date", "consent_given_by", "consent_tracing", "given_name", "sex"].sort());
  });

  it("refuses a birth date in the future and a separation before birth, but not a partial date that may fit", () => {
    expect(parseCaseCsvRow({ record_id: "r1", given_name: "Іван", birth_date: "2026-06-02" }, { today })).toMatchObject({ ok: false, reason: expect.stringMatching(/^birth_date: .*future/) });
    expect(parseCaseCsvRow({ record_id: "r1", given_name: "Іван", birth_date: "2026-06" }, { today }).ok).toBe(true);
    expect(parseCaseCsvRow({ record_id: "r1", given_name: "Іван", birth_date: "2014-03-07", separation_date: "2014-03-06" }, { today }))
      .toMatchObject({ ok: false, reason: expect.stringMatching(/^separation_date: .*before the birth date/) });
    expect(parseCaseCsvRow({ record_id: "r1", given_name: "Іван", birth_date: "2014", separation_date: "2014-03" }, { today }).ok).toBe(true);
    expect(parseCaseCsvRow({ record_id: "r1", given_name: "Іван", birth_date: "2014-03", separation_date: "2013" }, { today }).ok).toBe(false);
  });

  it("reads local date forms", () => {
    const ok = parseCaseCsvRow({ record_id: "r1", given_name: "Іван", birth_date: "7 березня 2014 р.", separation_date: "04.2022" }, { today });
    expect(ok).toMatchObject({ ok: true, input: { birthDate: "2014-03-07", separation: { date: "2022-04" } } });
  });
});
