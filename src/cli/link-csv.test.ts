import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { readRecordsCsv } from "./link-csv.ts";

describe("readRecordsCsv", () => {
  it("reads quoted, multi-script values and reports malformed rows by line number", () => {
    const text = [
      "record_id,given_name,birth_place",
      'u1,"Олександр, Сашко",Маріуполь',
      "u2,Марія",
      ",Іван,Бахмут",
      "u4,Ivan,Bakhmut",
    ].join("\n");
    const csv = readRecordsCsv(text, "record_id");
    expect(csv.rows.map((r) => r.record_id)).toEqual(["u1", "u4"]);
    expect(csv.rows[0]!.given_name).toBe("Олександр, Сашко");
    expect(csv.problems).toEqual([
      { line: 3, message: "expected 3 columns, found 2" },
      { line: 4, message: "empty record_id" },
    ]);
  });

  it("strips a byte-order mark and reports a missing id column", () => {
    const csv = readRecordsCsv("\ufeffid,name\n1,a\n", "record_id");
    expect(csv.header).toEqual(["id", "name"]);
    expect(csv.problems[0]).toEqual({ line: 1, message: 'header has no "record_id" column' });
  });

  it("round-trips any table written by a CSV writer, and every input row is either read or reported", () => {
    const cell = fc.string({ unit: "binary", maxLength: 12 }).filter((s) => s.trim() !== "" && s === s.trim() && !s.includes("\r"));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.string({ unit: "binary", maxLength: 12 })), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = stringify([["record_id", "given_name"], ...rows]);
        const csv = readRecordsCsv(text, "record_id");
        expect(csv.problems).toEqual([]);
        expect(csv.rows.map((r) => [r.record_id, r.given_name])).toEqual(rows.map(([a, b]) => [a, b.trim()]));
      }),
      { numRuns: 50 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const csv = readRecordsCsv(text, "record_id");
        expect(csv.rows.length + csv.problems.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
