import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DELIMITERS, detectDelimiter } from "./detect-delimiter.ts";

describe("detectDelimiter", () => {
  it("finds the delimiter of a table whose fields may hold the other candidates inside quotes", () => {
    const field = fc.string({ unit: fc.constantFrom("а", "b", "1", " ", ",", ";", "\t", "|"), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...DELIMITERS), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 5 }), field, (d, columns, rows, cell) => {
        const quoted = `"${cell}"`;
        const line = Array.from({ length: columns }, (_, i) => (i === 0 ? quoted : `c${i}`)).join(d);
        const header = Array.from({ length: columns }, (_, i) => `h${i}`).join(d);
        expect(detectDelimiter([header, ...Array.from({ length: rows }, () => line)].join("\n") + "\n")).toBe(d);
      }),
    );
  });

  it("prefers the semicolon of a spreadsheet export whose numbers use a decimal comma", () => {
    expect(detectDelimiter("record_id;weight;given_name\nr1;12,5;Олена\nr2;13,25;Іван\n")).toBe(";");
    expect(detectDelimiter("record_id\nr1\n")).toBe(",");
  });
});
