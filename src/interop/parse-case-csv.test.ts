import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { parseCaseCsv, rejectedCsv } from "./parse-case-csv.ts";

describe("parseCaseCsv", () => {
  const text = [
    "record_id,given_name,family_name,sex,birth_date,notes",
    "a1,Олександр,Коваленко,M,2014-03-07,",
    'a2,Марія,Шевченко,F,2016-13-01,"two',
    'lines"',
    "a3,Іван,,M",
    "a1,Іван,Петренко,M,2015,",
    ",Анна,Бойко,F,2012,",
    "",
    "a4,Анна,Бойко,F,07.03.2012,ok",
  ].join("\n");

  it("accepts valid rows and rejects each bad one with its starting line number and reason", () => {
    const parsed = parseCaseCsv(text);
    expect(parsed.accepted.map((r) => [r.line, r.recordId])).toEqual([[2, "a1"], [9, "a4"]]);
    expect(parsed.accepted[1]?.input.birthDate).toBe("2012-03-07");
    expect(parsed.rejected.map((r) => [r.line, r.reason.split(":")[0]])).toEqual([
      [3, "birth_date"],
      [5, "expected 6 fields, found 4"],
      [6, "record_id"],
      [7, "record_id"],
    ]);
    expect(parsed.rejected[2]?.reason).toMatch(/already used on line 2/);
  });

  it("writes rejected rows as CSV with line and reason before the original fields", () => {
    const parsed = parseCaseCsv(text);
    const rows = parse(rejectedCsv(parsed.header, parsed.rejected), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(["line", "reason", "record_id", "given_name", "family_name", "sex", "birth_date", "notes"]);
    expect(rows[1]?.slice(0, 3)).toEqual(["3", expect.stringMatching(/^birth_date/), "a2"]);
    expect(rows[1]?.[7]).toBe("two\nlines");
  });

  it("refuses a file whose header has an unknown column", () => {
    expect(() => parseCaseCsv("record_id,given_name,surname\n1,a,b\n")).toThrow(/unknown column/);
  });

  it("reads a byte-order mark and Windows line endings", () => {
    const parsed = parseCaseCsv("\uFEFFrecord_id,given_name\r\nx,Іван\r\ny,Анна\r\n");
    expect(parsed.accepted.map((r) => [r.line, r.recordId])).toEqual([[2, "x"], [3, "y"]]);
  });
});
