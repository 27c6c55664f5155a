import { CASE_STATUSES } from "../lifecycle.ts";
import type { CaseStatus } from "../lifecycle.ts";
import { SEPARATION_CATEGORIES } from "../case-details.ts";
import type { SeparationCategory } from "../case-details.ts";
import { ageRange } from "../partial-date.ts";
import { OBLASTS, UNKNOWN_OBLAST, oblastOf } from "./oblast-of.ts";
import type { CountCell, PublishedTable } from "./suppress-table.ts";
import { SMALL, SMALL_CELL_LIMIT, publishTotal, suppressTable } from "./suppress-table.ts";
import { KEY_SPACE, roundCells, roundCount } from "./round-count.ts";

// One case as the statistics see it: no name, no id, nothing but what the tables count.
export interface StatsCase {
  status: CaseStatus;
  separation?: SeparationCategory | undefined;
  // Places that may name the region of origin (birth place, place of separation).
  places: (string | undefined)[];
  birthDate?: string | undefined;
  registeredAt: string;
  // The record's secret key (0 to 2^32-1, the same for the same case): see roundCount.
  key?: number;
}

export const RETURN_DIRECTIONS = ["to-tracing-side", "to-holding-side"] as const;
export type ReturnDirection = (typeof RETURN_DIRECTIONS)[number];

// One child returned in a completed batch.
export interface StatsReturn {
  batchCompletedAt: string;
  direction: ReturnDirection;
  registeredAt: string;
  key?: number;
}

export interface StatsTable extends PublishedTable {
  id: string;
  title: string;
}

export interface PublicStats {
  generatedAt: string;
  totals: { cases: number | typeof SMALL; returns: number | typeof SMALL };
  tables: StatsTable[];
  // Whole days from registration to return; published once 10 or more children have returned.
  medianDaysToReturn: number | null;
}

export const AGE_BANDS = ["0-4", "5-9", "10-13", "14-17", "18-and-over", "unknown"] as const;
// Months are counted from the full-scale invasion; anything earlier is one label.
export const FIRST_MONTH = "2022-02";
export const BEFORE_FIRST_MONTH = "before-2022-02";

function ageBand(birthDate: string | undefined, now: Date): (typeof AGE_BANDS)[number] {
  const age = birthDate ? ageRange(birthDate, now) : null;
  if (!age) return "unknown";
  // The age the person has certainly reached.
  const a = age.min;
  return a >= 18 ? "18-and-over" : a >= 14 ? "14-17" : a >= 10 ? "10-13" : a >= 5 ? "5-9" : "0-4";
}

export function monthsThrough(now: Date): string[] {
  const out = [BEFORE_FIRST_MONTH];
  let [y, m] = FIRST_MONTH.split("-").map(Number) as [number, number];
  const last = now.toISOString().slice(0, 7);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, "0")}`;
    if (label > last) break;
    out.push(label);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function monthOf(iso: string): string {
  const month = iso.slice(0, 7);
  return month < FIRST_MONTH ? BEFORE_FIRST_MONTH : month;
}

// Counts every label in `labels` (fixed, so a cell appearing never shows that it is no longer 0),
// with each cell's key: the sum of its records' keys, modulo 2^32.
function count<T extends { key?: number }>(items: readonly T[], labels: readonly string[], labelOf: (item: T) => string): CountCell[] {
  const cells = new Map(labels.map((l) => [l, { label: l, count: 0, key: 0 }]));
  for (const it of items) {
    const c = cells.get(labelOf(it));
    if (c === undefined) continue;
    c.count += 1;
    c.key = (c.key + (it.key ?? 0)) % KEY_SPACE;
  }
  return labels.map((label) => cells.get(label)!);
}

function keyOf(items: readonly { key?: number }[]): number {
  return items.reduce((k, it) => (k + (it.key ?? 0)) % KEY_SPACE, 0);
}

function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface StatsCounts {
  totals: { cases: number; returns: number };
  totalKeys: { cases: number; returns: number };
  tables: { id: string; title: string; cells: CountCell[]; priority: readonly string[]; total: "cases" | "returns" }[];
  daysToReturn: number[];
}

// The true counts behind the statistics (never published as such).
export function countStats(input: { cases: readonly StatsCase[]; returns: readonly StatsReturn[]; now: Date }): StatsCounts {
  const { now } = input;
  const months = monthsThrough(now);
  const futureMonth = (iso: string): boolean => iso.slice(0, 7) > now.toISOString().slice(0, 7);
  const cases = input.cases.filter((c) => !futureMonth(c.registeredAt));
  const returns = input.returns.filter((r) => !futureMonth(r.batchCompletedAt));
  const returnLabels = months.flatMap((m) => RETURN_DIRECTIONS.map((d) => `${m}/${d}`));
  const t = (id: string, title: string, cells: CountCell[], priority: readonly string[] = [], total: "cases" | "returns" = "cases") => ({ id, title, cells, priority, total });
  return {
    totals: { cases: cases.length, returns: returns.length },
    totalKeys: { cases: keyOf(cases), returns: keyOf(returns) },
    tables: [
      t("cases-by-status", "Cases by lifecycle state", count(cases, CASE_STATUSES, (c) => c.status), ["reported", "registered", "located"]),
      t("cases-by-separation", "Cases by separation category", count(cases, [...SEPARATION_CATEGORIES, "unknown"], (c) => c.separation ?? "unknown"), ["unknown", "deported"]),
      t("cases-by-oblast", "Cases by oblast of origin", count(cases, [...OBLASTS, UNKNOWN_OBLAST], (c) => oblastOf(...c.places)), [UNKNOWN_OBLAST, "donetsk"]),
      t("cases-by-age-band", "Cases by age band", count(cases, AGE_BANDS, (c) => ageBand(c.birthDate, now)), ["unknown", "10-13"]),
      t("cases-by-registration-month", "Cases by month of registration", count(cases, months, (c) => monthOf(c.registeredAt))),
      t("returns-by-month-and-direction", "Children returned, by batch month and direction", count(returns, returnLabels, (r) => `${monthOf(r.batchCompletedAt)}/${r.direction}`), [], "returns"),
    ],
    daysToReturn: returns.map((r) => Math.max(0, Math.floor((Date.parse(r.batchCompletedAt) - Date.parse(r.registeredAt)) / 86_400_000))),
  };
}

// Pure: the public statistics of the registry at `now`. See docs/statistics.md.
export function publishStats(input: { cases: readonly StatsCase[]; returns: readonly StatsReturn[]; now: Date }): PublicStats {
  const counts = countStats(input);
  return {
    generatedAt: input.now.toISOString(),
    totals: {
      cases: publishTotal(roundCount(counts.totals.cases, counts.totalKeys.cases)),
      returns: publishTotal(roundCount(counts.totals.returns, counts.totalKeys.returns)),
    },
    tables: counts.tables.map((t) => ({ id: t.id, title: t.title, ...suppressTable(roundCells(t.cells), t.priority) })),
    medianDaysToReturn: counts.daysToReturn.length < SMALL_CELL_LIMIT ? null : lowerMedian(counts.daysToReturn),
  };
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// The same statistics, one line per published number: table,label,value.
export function statsCsv(stats: PublicStats): string {
  const rows: (string | number)[][] = [["table", "label", "value"]];
  rows.push(["totals", "cases", stats.totals.cases], ["totals", "returns", stats.totals.returns]);
  for (const t of stats.tables) for (const c of t.cells) rows.push([t.id, c.label, c.value]);
  rows.push(["median-days-to-return", "all", stats.medianDaysToReturn ?? ""]);
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
