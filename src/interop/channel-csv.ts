import { parse } from "csv-parse/sync";
import { CASE_CSV_COLUMNS, CaseCsvHeaderError, checkCaseCsvHeader, csvDate, parseCaseCsvRow } from "./case-csv.ts";
import type { CaseCsvRow, CaseRowOptions } from "./case-csv.ts";
import type { CaseInput } from "../domain/case-details.ts";
import type { DisclosureContentInput } from "../domain/disclosure.ts";
import { DisclosureContentSchema } from "../domain/disclosure.ts";
import type { RejectedCaseRow } from "./parse-case-csv.ts";

// Disclosures and tracing requests from a spreadsheet: the case columns of docs/import-cases.md,
// plus the columns of docs/import-channel.md. Lists (services, name and citizenship changes) are
// numbered column groups, one cell per field, so a spreadsheet needs no format inside a cell.

export const ADDRESS_COLUMNS = ["to", "mediator"] as const;
export const DISCLOSURE_COLUMNS = ["biography", "placement_kind", "placement_since", "placement_name", "placement_locality", "placement_address"] as const;
const GROUPS = [
  { re: /^service_([1-9]\d?)_(kind|provider_type|from|until|summary)$/, list: "services" },
  { re: /^name_change_([1-9]\d?)_(from|to|date|authority)$/, list: "nameChanges" },
  { re: /^citizenship_([1-9]\d?)(?:_(date|authority))?$/, list: "citizenshipChanges" },
] as const;

export type ChannelCsvKind = "disclosure" | "tracing-request";

export interface AcceptedChannelRow {
  readonly line: number;
  readonly recordId: string;
  readonly input: CaseInput;
  readonly to?: string;
  readonly mediator?: string;
  readonly disclosure?: DisclosureContentInput;
  // The row as it was, for the rejected file should the registry refuse it.
  readonly fields?: readonly string[];
}

export interface ParsedChannelCsv {
  readonly header: readonly string[];
  readonly accepted: readonly AcceptedChannelRow[];
  readonly rejected: readonly RejectedCaseRow[];
}

function isChannelColumn(h: string, kind: ChannelCsvKind): boolean {
  if ((ADDRESS_COLUMNS as readonly string[]).includes(h)) return true;
  if (kind === "tracing-request") return false;
  return (DISCLOSURE_COLUMNS as readonly string[]).includes(h) || GROUPS.some((g) => g.re.test(h));
}

export function checkChannelCsvHeader(header: readonly string[], kind: ChannelCsvKind): void {
  const caseColumns = header.filter((h) => !isChannelColumn(h, kind));
  try {
    checkCaseCsvHeader(caseColumns);
  } catch (e) {
    if (e instanceof CaseCsvHeaderError && e.message.startsWith("unknown column")) {
      const extra = kind === "disclosure" ? [...ADDRESS_COLUMNS, ...DISCLOSURE_COLUMNS, "service_N_kind", "name_change_N_to", "citizenship_N", "…"] : ADDRESS_COLUMNS;
      const unknown = caseColumns.filter((h) => !(CASE_CSV_COLUMNS as readonly string[]).includes(h));
      throw new CaseCsvHeaderError(`unknown column(s): ${unknown.join(", ")}; expected case columns (docs/import-cases.md) and ${extra.join(", ")}`);
    }
    throw e;
  }
  if (kind === "disclosure" && !header.includes("biography")) throw new CaseCsvHeaderError("the header needs a biography column");
}

function cell(row: Record<string, string>, column: string): string | undefined {
  const v = row[column]?.normalize("NFC").trim();
  return v === undefined || v === "" ? undefined : v;
}

type Group = Record<string, string>;

// Builds the disclosure from a row; dates in DD.MM.YYYY are read as in the case columns.
function disclosureOf(row: Record<string, string>): DisclosureContentInput {
  const lists: Record<string, Map<number, Group>> = { services: new Map(), nameChanges: new Map(), citizenshipChanges: new Map() };
  for (const [column, raw] of Object.entries(row)) {
    const value = raw.normalize("NFC").trim();
    if (value === "") continue;
    for (const g of GROUPS) {
      const m = g.re.exec(column);
      if (!m) continue;
      const field = m[2] ?? "citizenship";
      const n = Number(m[1]);
      const group = lists[g.list]!.get(n) ?? {};
      const isDate = field === "date" || (g.list === "services" && (field === "from" || field === "until"));
      const isCode = g.list === "services" && (field === "kind" || field === "provider_type");
      group[field] = isDate ? csvDate(value, column) : isCode ? value.toLowerCase().replaceAll("_", "-") : value;
      lists[g.list]!.set(n, group);
    }
  }
  const ordered = (m: Map<number, Group>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  const services = ordered(lists.services!).map(({ provider_type, ...rest }) => ({ ...rest, providerType: provider_type }));
  const out: Record<string, unknown> = {
    biography: cell(row, "biography"),
    services,
    nameChanges: ordered(lists.nameChanges!),
    citizenshipChanges: ordered(lists.citizenshipChanges!).map((c) => ({ ...c, citizenship: c.citizenship?.toUpperCase() === "NONE" ? "none" : c.citizenship?.toUpperCase() })),
  };
  const kind = cell(row, "placement_kind");
  if (kind !== undefined) {
    const since = cell(row, "placement_since");
    out.placement = {
      kind: kind.replaceAll("_", "-"),
      ...(since ? { since: csvDate(since, "placement_since") } : {}),
      ...(cell(row, "placement_name") ? { name: cell(row, "placement_name") } : {}),
      ...(cell(row, "placement_locality") ? { locality: cell(row, "placement_locality") } : {}),
      ...(cell(row, "placement_address") ? { address: cell(row, "placement_address") } : {}),
    };
  }
  return out as DisclosureContentInput;
}

const FIELD_COLUMNS: Record<string, string> = { services: "service", nameChanges: "name_change", citizenshipChanges: "citizenship" };

function columnOf(path: readonly PropertyKey[]): string {
  const [list, index, field] = path;
  if (typeof list === "string" && list in FIELD_COLUMNS && typeof index === "number") {
    const base = `${FIELD_COLUMNS[list]}_${index + 1}`;
    if (list === "citizenshipChanges") return field === "citizenship" || field === undefined ? base : `${base}_${String(field)}`;
    return field === undefined ? base : `${base}_${field === "providerType" ? "provider_type" : String(field)}`;
  }
  if (list === "placement") return `placement_${String(index ?? "kind")}`;
  return String(list ?? "row");
}

export function parseChannelRow(
  row: Record<string, string>,
  kind: ChannelCsvKind,
  options: CaseRowOptions = {},
): { ok: true; row: Omit<AcceptedChannelRow, "line"> } | { ok: false; reason: string } {
  const caseRow: CaseCsvRow = {};
  for (const [k, v] of Object.entries(row)) if (!isChannelColumn(k, kind)) (caseRow as Record<string, string>)[k] = v;
  const parsed = parseCaseCsvRow(caseRow, options);
  if (!parsed.ok) return parsed;
  const to = cell(row, "to");
  const mediator = cell(row, "mediator");
  const base = { recordId: parsed.recordId, input: parsed.input, ...(to ? { to } : {}), ...(mediator ? { mediator } : {}) };
  if (kind === "tracing-request") return { ok: true, row: base };
  let disclosure: DisclosureContentInput;
  try {
    disclosure = disclosureOf(row);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const checked = DisclosureContentSchema.safeParse(disclosure);
  if (!checked.success) return { ok: false, reason: checked.error.issues.map((i) => `${columnOf(i.path)}: ${i.message}`).join("; ") };
  return { ok: true, row: { ...base, disclosure } };
}

interface RawRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Parses a whole disclosures or tracing-requests CSV. A bad header throws; a bad row is rejected with its line. */
export function parseChannelCsv(text: string, kind: ChannelCsvKind): ParsedChannelCsv {
  const records = parse(text, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as RawRecord[];
  const first = records[0];
  if (first === undefined) throw new CaseCsvHeaderError("the file is empty: it needs a header row");
  const header = first.record.map((h) => h.trim().toLowerCase());
  checkChannelCsvHeader(header, kind);
  const accepted: AcceptedChannelRow[] = [];
  const rejected: RejectedCaseRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info, raw } of records.slice(1)) {
    const body = raw.replace(/^(?:\r?\n)+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      rejected.push({ line, fields: record, reason: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((column, i) => (row[column] = record[i] ?? ""));
    const parsed = parseChannelRow(row, kind);
    if (!parsed.ok) {
      rejected.push({ line, fields: record, reason: parsed.reason });
      continue;
    }
    const earlier = firstLineOf.get(parsed.row.recordId);
    if (earlier !== undefined) {
      rejected.push({ line, fields: record, reason: `record_id: "${parsed.row.recordId}" already used on line ${earlier}` });
      continue;
    }
    firstLineOf.set(parsed.row.recordId, line);
    accepted.push({ line, ...parsed.row });
  }
  return { header, accepted, rejected };
}
