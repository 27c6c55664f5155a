import { z } from "zod";
import { DELIMITERS } from "./detect-delimiter.ts";
import { TEXT_ENCODINGS, encodingNamed } from "./strict-text-decoder.ts";

/**
 * A saved, reusable description of a file whose headers are not ours (`--mapping FILE.json`):
 * which of its columns is which of ours (`null` leaves a column out on purpose), the words it
 * writes values in, and how it is encoded, delimited and dated when that should not be detected.
 */
export const ColumnMappingSchema = z
  .object({
    columns: z.record(z.string().min(1).max(200), z.string().min(1).max(100).nullable()).default({}),
    values: z.record(z.string().min(1).max(100), z.record(z.string().max(200), z.string().max(200))).default({}),
    encoding: z
      .string()
      .refine((e) => encodingNamed(e) !== undefined, { message: `expected one of ${TEXT_ENCODINGS.join(", ")}` })
      .optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    dateOrder: z.enum(["dmy", "mdy"]).optional(),
  })
  .strict();
export type ColumnMapping = z.output<typeof ColumnMappingSchema>;

export class HeaderError extends Error {}

/** Header cells compared without case, spacing, or the apostrophe variants of Ukrainian spelling. */
export function normaliseHeader(cell: string): string {
  return cell
    .normalize("NFC")
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/\s+/g, " ");
}

export interface MappedHeader {
  /** Our column name at each position of the file's header; undefined where a column is left out. */
  readonly columns: readonly (string | undefined)[];
}

/**
 * Resolves a file's header against our columns and a mapping. An unknown column stops the import
 * before anything is written: it is usually a typo or a new column that would silently drop data.
 */
export function mapHeader(
  header: readonly string[],
  known: readonly string[],
  mapping: ColumnMapping | undefined,
  required: { readonly all: readonly string[]; readonly oneOf: readonly string[] },
): MappedHeader {
  const ours = new Set(known);
  const mapped = new Map<string, string | null>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) {
    if (to !== null && !ours.has(to)) throw new HeaderError(`the mapping names an unknown column "${to}" (for "${from}"); expected one of: ${known.join(", ")}`);
    mapped.set(normaliseHeader(from), to);
  }
  const columns: (string | undefined)[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  for (const cell of header) {
    const key = normaliseHeader(cell);
    const target = mapped.has(key) ? mapped.get(key)! : ours.has(key) ? key : undefined;
    if (target === undefined) {
      if (key === "" && !mapped.has(key)) unknown.push("(an empty header cell)");
      else if (!mapped.has(key)) unknown.push(cell.trim());
      columns.push(undefined);
      continue;
    }
    if (target === null) {
      columns.push(undefined);
      continue;
    }
    const earlier = seen.get(target);
    if (earlier !== undefined) throw new HeaderError(`column ${target} appears twice (as "${earlier}" and "${cell.trim()}")`);
    seen.set(target, cell.trim());
    columns.push(target);
  }
  if (unknown.length > 0) {
    throw new HeaderError(
      `unknown column(s): ${unknown.join(", ")}; expected some of: ${known.join(", ")} ` +
        "(or map them with --mapping FILE.json, a column mapped to null is left out)",
    );
  }
  for (const column of required.all) if (!seen.has(column)) throw new HeaderError(`the header needs a ${column} column`);
  if (required.oneOf.length > 0 && !required.oneOf.some((c) => seen.has(c))) {
    throw new HeaderError(`the header needs a ${required.oneOf.join(" or a ")} column`);
  }
  return { columns };
}

/** A row's fields keyed by our column names, with the mapping's value words replaced. */
export function rowByColumn(
  fields: readonly string[],
  header: MappedHeader,
  mapping: ColumnMapping | undefined,
): Record<string, string> {
  const row: Record<string, string> = {};
  header.columns.forEach((column, i) => {
    if (column === undefined) return;
    const value = fields[i] ?? "";
    const words = mapping?.values[column];
    const replaced = words === undefined ? undefined : words[value.trim()] ?? words[value.trim().toLowerCase()];
    row[column] = replaced ?? value;
  });
  return row;
}
