import { describe, expect, it } from "vitest";
import { childPreset } from "../model/child-preset.ts";
import { simpleNormaliser } from "../model/field-normaliser.ts";
import { newSharedCodes, prepareTable } from "../model/prepared-table.ts";
import { KeyCoder, keyPartCode } from "./blocking-keys.ts";

const settings = childPreset();
const dateField = settings.fields.findIndex((f) => f.name === "birth_date");

function prepared(dates: string[]) {
  const codes = newSharedCodes(settings.fields.length);
  return prepareTable(dates.map((d, i) => ({ record_id: String(i), birth_date: d, birth_place: "Mariupol" })), settings, simpleNormaliser, codes);
}

describe("blocking key parts", () => {
  it("keeps the unordered date key when day and month are swapped, and separates different dates", () => {
    const t = prepared(["2014-03-07", "2014-07-03", "2014-03-08", "2014"]);
    const f = t.fields[dateField]!;
    const key = (i: number) => keyPartCode(f, i, "date_unordered");
    expect(key(0)).toBe(key(1));
    expect(key(0)).not.toBe(key(2));
    expect(key(3)).toBe(-1);
    expect(keyPartCode(f, 3, "year")).toBe(2014);
    expect(keyPartCode(f, 0, "date")).not.toBe(keyPartCode(f, 1, "date"));
  });

  it("codes rule keys densely and gives -1 when a part is missing", () => {
    const t = prepared(["2014-03-07", "2014-07-03", ""]);
    const coder = new KeyCoder(settings);
    const codes = coder.codeTable(t);
    const rule = settings.blocking.findIndex((r) => r.name === "birth date + birth place");
    expect(codes[rule]![0]).toBe(codes[rule]![1]);
    expect(codes[rule]![2]).toBe(-1);
    expect(coder.keyCount(rule)).toBe(1);
  });
});

describe("KeyCoder with three-part keys", () => {
  it("separates records that differ only in the last part", () => {
    const codes = newSharedCodes(settings.fields.length);
    const rows = ["Київ", "Львів", "Київ"].map((place, i) => ({ record_id: String(i), family_name: "Коваленко", birth_date: "2014-03-07", birth_place: place }));
    const t = prepareTable(rows, settings, simpleNormaliser, codes);
    const rule = settings.blocking.findIndex((r) => r.name === "family name + birth year + place");
    const keys = new KeyCoder(settings).codeTable(t)[rule]!;
    expect(keys[0]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});
