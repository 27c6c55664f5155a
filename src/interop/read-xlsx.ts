import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { TableRow, TableSource } from "./table-source.ts";
import { TableReadError } from "./table-source.ts";

/** A cell as the text a CSV export of it would hold; dates as ISO days. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    if ("result" in v) return cellText(v.result);
    if (typeof v.text === "string") return v.text;
    if (typeof v.error === "string") return v.error;
  }
  return "";
}

/**
 * Opens the first worksheet of an XLSX workbook for streaming (the workbook is never held whole):
 * rows with their sheet row number as the line, empty rows skipped. A file that is not a
 * workbook is a TableReadError.
 */
export async function openXlsx(path: string): Promise<TableSource> {
  const { size } = await stat(path);
  let bytesRead = 0;

  async function* rows(): AsyncGenerator<TableRow> {
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on("data", (chunk) => {
      bytesRead += chunk.length;
    });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      entries: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
    });
    try {
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const values = Array.isArray(row.values) ? row.values.slice(1) : [];
          const fields = Array.from(values, cellText);
          if (fields.every((f) => f.trim() === "")) continue;
          yield { line: row.number, fields };
        }
        // Only the first worksheet holds records; the rest of the workbook is not read.
        break;
      }
    } catch (e) {
      if (e instanceof TableReadError) throw e;
      throw new TableReadError(`not a readable XLSX workbook: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      stream.destroy();
    }
  }

  return { format: "xlsx", description: "XLSX, first worksheet", totalBytes: size, bytesRead: () => bytesRead, rows: rows() };
}
