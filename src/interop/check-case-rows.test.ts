import { describe, expect, it } from "vitest";
import { CaseRowChecker } from "./case-table.ts";
import type { AcceptedCaseRow, RejectedCaseRow } from "./case-table.ts";
import { checkCaseRows } from "./check-case-rows.ts";
import type { Actor } from "../domain/index.ts";

const NOW = new Date("2026-12-05T08:00:00Z");
const tracing: Actor = { userId: "u", partyId: "tracing", partyKind: "tracing-authority", role: "caseworker" };

function chunkOf(lines: string[][]): { accepted: AcceptedCaseRow[]; rejected: RejectedCaseRow[] } {
  const [header, ...rows] = lines;
  const checker = new CaseRowChecker(header!, { today: "2026-12-05" });
  const accepted: AcceptedCaseRow[] = [];
  const rejected: RejectedCaseRow[] = [];
  rows.forEach((fields, i) => {
    const result = checker.check({ line: i + 2, fields });
    if ("accepted" in result) accepted.push(result.accepted);
    else rejected.push(result.rejected);
  });
  return { accepted, rejected };
}

describe("checkCaseRows", () => {
  const rows = [
    ["record_id", "given_name", "family_name", "sex", "birth_date", "separation_date", "consent_tracing", "consent_given_by"],
    ["ok-1", "Олександр", "Коваленко", "M", "2014-03-07", "2022-04", "yes", "guardian"],
    // Born in 2000: an adult, whose consent is their own.
    ["adult", "Марія", "Шевченко", "F", "2000-01-01", "", "yes", "guardian"],
    ["ok-2", "Анна", "Бойко", "F", "2012", "", "", ""],
  ];

  it("rejects a row that breaks a rule of the registry on its own line, naming the column, and keeps the rest", () => {
    const chunk = chunkOf(rows);
    expect(chunk.accepted).toHaveLength(3);
    const checked = checkCaseRows(chunk, tracing, NOW);
    expect(checked.accepted.map((r) => r.recordId)).toEqual(["ok-1", "ok-2"]);
    expect(checked.rejected.map((r) => [r.line, r.reason.split(":")[0]])).toEqual([[3, "consent_given_by"]]);
    expect(checked.rejected[0]?.reason).toMatch(/18 or over/);
    expect(checked.rejected[0]?.fields.slice(0, 2)).toEqual(["adult", "Марія"]);
  });

  it("keeps the rows rejected while parsing, in line order", () => {
    const chunk = chunkOf([...rows, ["", "X", "Y", "M", "2010", "", "", ""]]);
    const checked = checkCaseRows(chunk, tracing, NOW);
    expect(checked.rejected.map((r) => r.line)).toEqual([3, 5]);
  });

  it("refuses a record id with a NUL or a control character, which could not be stored", () => {
    const chunk = chunkOf([["record_id", "given_name"], ["a\u0000b", "Олександр"], ["c\u0007", "Іван"], ["fine", "Анна"]]);
    expect(chunk.rejected.map((r) => [r.line, r.reason.split(":")[0]])).toEqual([[2, "record_id"], [3, "record_id"]]);
    expect(chunk.accepted.map((r) => r.recordId)).toEqual(["fine"]);
  });
});
