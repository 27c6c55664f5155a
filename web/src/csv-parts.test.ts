import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvParts, splitRecords } from "./csv-parts";

describe("cutting a CSV into parts of whole records", () => {
  it("keeps a quoted line break inside its record and maps each part's lines back to the file's", () => {
    const text = 'id,bio\r\n1,"two\nlines"\n\n2,plain\n3,"x ""quoted"" y"\n';
    const { header, records } = splitRecords(text);
    expect(header).toBe("id,bio");
    expect(records).toEqual([{ text: '1,"two\nlines"', line: 2 }, { text: "2,plain", line: 5 }, { text: '3,"x ""quoted"" y"', line: 6 }]);
    const parts = csvParts(text, 2);
    expect(parts.map((p) => p.records)).toEqual([2, 1]);
    expect(parts[0]!.text).toBe('id,bio\n1,"two\nlines"\n2,plain\n');
    expect([...parts[0]!.lines]).toEqual([[2, 2], [4, 5]]);
    expect([...parts[1]!.lines]).toEqual([[2, 6]]);
  });

  it("loses and duplicates no record, whatever the sizes", () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom("a", "б", " ", ",") }), fc.string({ unit: fc.constantFrom("a", "\n", '""', ",") }).map((s) => `"${s}"`));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (rows, size) => {
      const records = rows.map((r) => r.join(",")).filter((r) => r.trim() !== "");
      const text = ["h1,h2", ...records].join("\n");
      const parts = csvParts(text, size);
      expect(parts.reduce((n, p) => n + p.records, 0)).toBe(records.length);
      expect(parts.flatMap((p) => p.text.split("\n").slice(1, -1)).join("\n")).toBe(records.join("\n"));
    }), { seed: 17, numRuns: 200 });
  });
});
