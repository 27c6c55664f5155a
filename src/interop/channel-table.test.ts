import { afterAll, beforeAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RejectedCaseRow } from "./case-table.ts";
import type { AcceptedChannelRow, ChannelCsvKind } from "./channel-csv.ts";
import { channelChunks } from "./channel-table.ts";
import { ColumnMappingSchema, HeaderError } from "./column-mapping.ts";
import type { ColumnMapping } from "./column-mapping.ts";
import { openTable } from "./open-table.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "homeward-channel-table-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// A holding party's own register, in Russian, as its office software saves it.
const MAPPING: ColumnMapping = ColumnMappingSchema.parse({
  columns: { "Номер": "record_id", "Фамилия": "family_name", "Имя": "given_name", "Пол": "sex", "Дата рождения": "birth_date", "Биография": "biography", "Размещение": "placement_kind", "Учреждение": "placement_name", "Кому": "to", "Служебная отметка": null },
  values: { sex: { "мальчик": "M", "девочка": "F" }, placement_kind: { "учреждение": "institution", "приёмная семья": "foster-family" } },
});

async function read(path: string, kind: ChannelCsvKind, mapping?: ColumnMapping) {
  const source = await openTable(path);
  const accepted: AcceptedChannelRow[] = [];
  const rejected: RejectedCaseRow[] = [];
  for await (const chunk of channelChunks(source.rows, kind, { chunkSize: 2, mapping, padShortRows: source.format === "xlsx" })) {
    accepted.push(...chunk.accepted);
    rejected.push(...chunk.rejected);
  }
  return { source, accepted, rejected };
}

describe("disclosures and tracing requests from any spreadsheet", () => {
  it("reads a Windows-1251, semicolon-separated disclosure register through a saved mapping", async () => {
    const path = join(dir, "disclosures-1251.csv");
    const text = [
      "Номер;Фамилия;Имя;Пол;Дата рождения;Биография;Размещение;Учреждение;Кому;Служебная отметка",
      "R-1;Коваленко;Александр;мальчик;07.03.2014;Доставлен из Мариуполя в 2022 году.;учреждение;Детский дом № 5;tracing-authority;проверено",
      "R-2;Шевченко;Мария;девочка;12.11.2016;;приёмная семья;;tracing-authority;",
      "R-3;Бондаренко;Дмитрий;мальчик;09.05.2013;Живёт в приёмной семье.;приёмная семья;;tracing-authority;",
    ].join("\r\n");
    await writeFile(path, iconv.encode(text, "win1251"));
    const { source, accepted, rejected } = await read(path, "disclosure", MAPPING);
    expect(source.description).toMatch(/windows-1251/);
    expect(source.description).toMatch(/;|semicolon/);
    expect(accepted.map((a) => [a.recordId, a.input.names[0]?.family, a.input.sex, a.input.birthDate, a.to, a.disclosure?.biography, a.disclosure?.placement])).toEqual([
      ["R-1", "Коваленко", "M", "2014-03-07", "tracing-authority", "Доставлен из Мариуполя в 2022 году.", { kind: "institution", name: "Детский дом № 5" }],
      ["R-3", "Бондаренко", "M", "2013-05-09", "tracing-authority", "Живёт в приёмной семье.", { kind: "foster-family" }],
    ]);
    expect(rejected).toEqual([{ line: 3, fields: expect.arrayContaining(["R-2", "Шевченко"]), reason: expect.stringMatching(/biography/) }]);
  });

  it("reads tracing requests from an XLSX workbook, padding the short rows it writes", async () => {
    const path = join(dir, "requests.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Розшук");
    sheet.addRow(["record_id", "family_name", "given_name", "sex", "birth_date", "to", "mediator"]);
    sheet.addRow(["T-1", "Ткаченко", "Богдан", "M", new Date(Date.UTC(2012, 5, 14)), "holding-authority", "mediator"]);
    sheet.addRow(["T-2", "Мельник", "Дарина", "F"]);
    await workbook.xlsx.writeFile(path);
    const { source, accepted, rejected } = await read(path, "tracing-request");
    expect(source.format).toBe("xlsx");
    expect(rejected).toEqual([]);
    expect(accepted.map((a) => [a.recordId, a.input.birthDate, a.to, a.mediator])).toEqual([["T-1", "2012-06-14", "holding-authority", "mediator"], ["T-2", undefined, undefined, undefined]]);
  });

  it("refuses an unknown column or a mapping to one before reading any row, and a record id used twice", async () => {
    const unknown = join(dir, "unknown.csv");
    await writeFile(unknown, "record_id,given_name,biography,surname\nr1,Ivan,b,Petrenko\n");
    await expect(read(unknown, "disclosure")).rejects.toThrow(HeaderError);
    await expect(read(unknown, "disclosure", ColumnMappingSchema.parse({ columns: { surname: "last_name" } }))).rejects.toThrow(/last_name/);
    const twice = join(dir, "twice.csv");
    await writeFile(twice, "record_id,given_name,biography\nr1,Ivan,one\nr1,Ivan,two\n");
    const { accepted, rejected } = await read(twice, "disclosure");
    expect(accepted).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/already used on line 2/) });
  });
});
