import { describe, expect, it } from "vitest";
import { ColumnMappingSchema, HeaderError, mapHeader, rowByColumn } from "./column-mapping.ts";

const known = ["record_id", "given_name", "family_name", "sex"];
const required = { all: ["record_id"], oneOf: ["given_name", "family_name"] };
const mapping = ColumnMappingSchema.parse({
  columns: { "№ справи": "record_id", "Ім’я": "given_name", "ПРІЗВИЩЕ": "family_name", "Стать": "sex", "Примітка": null },
  values: { sex: { "хлопчик": "M", "дівчинка": "F" } },
  encoding: "cp1251",
});

describe("column mapping", () => {
  it("maps headers regardless of case, spacing and apostrophe, leaves out null columns and replaces value words", () => {
    const header = mapHeader(["№  справи", "ім'я", "Прізвище", "стать", "примітка"], known, mapping, required);
    expect(header.columns).toEqual(["record_id", "given_name", "family_name", "sex", undefined]);
    expect(rowByColumn(["UA-1", "Олена", "Коваленко", "дівчинка", "x"], header, mapping)).toEqual({
      record_id: "UA-1", given_name: "Олена", family_name: "Коваленко", sex: "F",
    });
  });

  it("still accepts our own column names beside mapped ones", () => {
    expect(mapHeader(["record_id", "Ім'я"], known, mapping, required).columns).toEqual(["record_id", "given_name"]);
  });

  it("refuses unknown and twice-mapped columns, mappings to unknown columns, and missing required ones", () => {
    expect(() => mapHeader(["record_id", "given_name", "вік"], known, mapping, required)).toThrow(/unknown column\(s\): вік/);
    expect(() => mapHeader(["record_id", "given_name", "Ім'я"], known, mapping, required)).toThrow(/given_name appears twice/);
    expect(() => mapHeader(["given_name"], known, mapping, required)).toThrow(/record_id/);
    expect(() => mapHeader(["record_id", "sex"], known, mapping, required)).toThrow(/given_name or a family_name/);
    const wrong = ColumnMappingSchema.parse({ columns: { "Ім'я": "first_name" } });
    expect(() => mapHeader(["record_id"], known, wrong, required)).toThrow(HeaderError);
  });

  it("validates the mapping file itself", () => {
    expect(ColumnMappingSchema.safeParse({ columns: {}, encoding: "ebcdic" }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ colums: {} }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ delimiter: ";", dateOrder: "dmy" }).success).toBe(true);
  });
});
