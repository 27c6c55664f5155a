import { open } from "node:fs/promises";
import { openDelimited } from "./read-delimited.ts";
import type { DelimitedOptions } from "./read-delimited.ts";
import { openXlsx } from "./read-xlsx.ts";
import type { TableSource } from "./table-source.ts";

/** An XLSX workbook is a ZIP archive: it starts with "PK\x03\x04". */
async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    await handle.close();
  }
}

/** Opens a spreadsheet by what it holds, not by its name: an XLSX workbook, or delimited text. */
export async function openTable(path: string, options: DelimitedOptions = {}): Promise<TableSource> {
  return (await isZip(path)) ? openXlsx(path) : openDelimited(path, options);
}
