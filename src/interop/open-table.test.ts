import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { caseChunks } from "./case-table.ts";
import type { AcceptedCaseRow, RejectedCaseRow } from "./case-table.ts";
import { ColumnMappingSchema, HeaderError } from "./column-mapping.ts";
import type { ColumnMapping } from "./column-mapping.ts";
import { EncodingDetectionError } from "./detect-encoding.ts";
import { openTable } from "./open-table.ts";
import type { DelimitedOptions } from "./read-delimited.ts";
import { TextEncodingError } from "./strict-text-decoder.ts";
import { TableReadError } from "./table-source.ts";

let dir: string;
let mapping: ColumnMapping;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "homeward-table-"));
  mapping = ColumnMappingSchema.parse(JSON.parse(await readFile(new URL("../../docs/mappings/uk-register.json", import.meta.url), "utf8")));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readCases(path: string, options: DelimitedOptions & { mapping?: ColumnMapping } = {}) {
  const source = await openTable(path, options);
  const accepted: AcceptedCaseRow[] = [];
  const rejected: RejectedCaseRow[] = [];
  for await (const chunk of caseChunks(source.rows, { chunkSize: 2, mapping: options.mapping, today: "2026-01-01", padShortRows: source.format === "xlsx" })) {
    accepted.push(...chunk.accepted);
    rejected.push(...chunk.rejected);
  }
  return { source, accepted, rejected };
}

const ukrainianRows = [
  ["№ справи", "Прізвище", "Ім’я", "По батькові", "Стать", "Дата народження", "Місце народження", "Обставини", "Примітка"],
  ["UA-1", "Коваленко", "Олександр", "Іванович", "хлопчик", "07.03.2014", "Маріуполь", "депортовано", "перевірено"],
  ["UA-2", "Шевченко", "Марія", "Петрівна", "дівчинка", "12 листопада 2016 р.", "Бахмут", "евакуйовано без батьків", ""],
  ["UA-3", "Ґудзь", "Їжак", "", "дівчинка", "31.02.2015", "Херсон", "викрадено", ""],
];

describe("openTable: the files real registers send", () => {
  it("imports a Windows-1251 semicolon file with Ukrainian headers through a mapping", async () => {
    const path = join(dir, "register-1251.csv");
    await writeFile(path, iconv.encode(ukrainianRows.map((r) => r.join(";")).join("\r\n") + "\r\n", "windows-1251"));
    const { source, accepted, rejected } = await readCases(path, { mapping });
    expect(source.description).toBe('windows-1251 (Cyrillic letter statistics), delimiter ";"');
    expect(accepted.map((a) => a.input)).toEqual([
      expect.objectContaining({ names: [expect.objectContaining({ given: "Олександр", family: "Коваленко", patronymic: "Іванович" })], sex: "M", birthDate: "2014-03-07", birthPlace: "Маріуполь", separation: { category: "deported" } }),
      expect.objectContaining({ sex: "F", birthDate: "2016-11-12", separation: { category: "evacuated-without-parents" } }),
    ]);
    expect(rejected).toEqual([{ line: 4, fields: ukrainianRows[3], reason: expect.stringMatching(/^birth_date: .*; separation_category: .*"викрадено"/) }]);
  });

  it("imports a UTF-16 tab-separated export (a spreadsheet program's Unicode text) through a mapping", async () => {
    for (const [encoding, bom] of [["utf-16le", true], ["utf-16be", true], ["utf-16le", false]] as const) {
      const path = join(dir, `register-${encoding}-${bom}.txt`);
      await writeFile(path, iconv.encode(ukrainianRows.map((r) => r.join("\t")).join("\r\n"), encoding, { addBOM: bom }));
      const { source, accepted, rejected } = await readCases(path, { mapping });
      expect(source.description).toMatch(new RegExp(`^${encoding} .*delimiter tab$`));
      expect(accepted.map((a) => a.recordId)).toEqual(["UA-1", "UA-2"]);
      expect(accepted[0]!.input.names[0]).toMatchObject({ given: "Олександр", family: "Коваленко" });
      expect(rejected.map((r) => r.line)).toEqual([4]);
    }
  });

  it("refuses a Windows-1251 file read as UTF-8, naming the line where it breaks, before any row", async () => {
    const path = join(dir, "mislabelled.csv");
    const head = "record_id,given_name\nr1,Ivan\nr2,Olena\n";
    await writeFile(path, Buffer.concat([Buffer.from(head), iconv.encode("r3,Олена\n", "windows-1251")]));
    await expect(readCases(path, { encoding: "utf-8" })).rejects.toThrow(/^line 4: byte 0xce/);
    const detected = await readCases(path);
    expect(detected.source.description).toMatch(/^windows-1251/);
    expect(detected.accepted.map((a) => a.input.names[0]!.given)).toEqual(["Ivan", "Olena", "Олена"]);
  });

  it("rejects a record with broken quoting whole, keeping its raw text, and the records before it", async () => {
    const path = join(dir, "quotes.csv");
    await writeFile(path, 'record_id,given_name\nr1,Ivan\nr2,"Ol"ena\nr3,Petro\n');
    const { accepted, rejected } = await readCases(path);
    expect(accepted.map((a) => a.recordId)).toEqual(["r1"]);
    expect(rejected[0]).toEqual({ line: 3, fields: ['r2,"Ol"'], reason: expect.stringMatching(/^the record cannot be read: Invalid Closing Quote/) });
    expect(rejected.flatMap((r) => r.fields).join("")).toContain("r3,Petro");
  });

  it("reads the first worksheet of an XLSX workbook, dates from date cells and short rows padded", async () => {
    const path = join(dir, "register.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Діти");
    sheet.addRow(["record_id", "Прізвище", "Ім'я", "Дата народження", "Стать"]);
    sheet.addRow(["UA-10", "Бондаренко", "Дмитро", new Date(Date.UTC(2013, 4, 9)), "хлопчик"]);
    sheet.addRow(["UA-11", { richText: [{ text: "Ткачен" }, { text: "ко" }] }, "Софія", "2015"]);
    sheet.addRow([]);
    sheet.addRow(["UA-12", "Мельник", "", "2030-01-01", "?"]);
    await workbook.xlsx.writeFile(path);
    const { source, accepted, rejected } = await readCases(path, { mapping });
    expect(source.format).toBe("xlsx");
    expect(accepted.map((a) => a.input)).toEqual([
      expect.objectContaining({ names: [expect.objectContaining({ given: "Дмитро", family: "Бондаренко" })], birthDate: "2013-05-09", sex: "M" }),
      expect.objectContaining({ names: [expect.objectContaining({ given: "Софія", family: "Ткаченко" })], birthDate: "2015" }),
    ]);
    expect(rejected).toEqual([{ line: 5, fields: ["UA-12", "Мельник", "", "2030-01-01", "?"], reason: expect.stringMatching(/^sex: .*; birth_date: .*future/) }]);
  });

  it("refuses a header it does not know before reading any row", async () => {
    const path = join(dir, "unknown.csv");
    await writeFile(path, "record_id,given_name,surname\nr1,Ivan,Petrenko\n");
    await expect(readCases(path)).rejects.toThrow(HeaderError);
  });
});

const KNOWN_ERRORS = [TextEncodingError, EncodingDetectionError, TableReadError, HeaderError];

describe("openTable: arbitrary bytes", () => {
  it("never crashes: a file is refused with a known error, or every record comes back accepted or rejected with a line and reason", async () => {
    const csvLike = fc.array(fc.oneof(fc.constantFrom(..."record_id,given_name;\t\"\n\r".split("")).map((c) => new TextEncoder().encode(c)), fc.uint8Array({ maxLength: 6 })), { maxLength: 60 })
      .map((parts) => new Uint8Array(parts.flatMap((p) => [...p])));
    const header = new TextEncoder().encode("record_id,given_name,birth_date\n");
    const zip = fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]));
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), csvLike, csvLike.map((b) => new Uint8Array([...header, ...b])), zip);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = join(dir, `arbitrary-${n++}`);
        await writeFile(path, content);
        try {
          const { accepted, rejected } = await readCases(path);
          for (const r of rejected) {
            expect(r.line).toBeGreaterThanOrEqual(1);
            expect(r.reason.length).toBeGreaterThan(0);
          }
          for (const a of accepted) expect(a.recordId.length).toBeGreaterThan(0);
        } catch (e) {
          if (e instanceof Error && e.message === "the file is empty: it needs a header row") return;
          if (!KNOWN_ERRORS.some((k) => e instanceof k)) throw e;
        } finally {
          await rm(path, { force: true });
        }
      }),
      { numRuns: 300 },
    );
  });
});
