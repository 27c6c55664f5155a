import type { PublicStats } from "./publish-stats.ts";
import type { PublishedTable, PublishedValue } from "./suppress-table.ts";
import { SMALL, WITHHELD } from "./suppress-table.ts";
import type { PublishedTotal, Range } from "./table-attack.ts";
import { attackPair } from "./table-attack.ts";
import { ROUNDING_BASE } from "./round-count.ts";

// Reads statistics back from their CSV form (what a user of the CSV has), so that the same
// attack runs on both forms.
export function parseStatsCsv(csv: string): { totals: Record<string, PublishedTotal>; tables: Map<string, PublishedTable> } {
  const lines = csv.trim().split(/\r?\n/).slice(1);
  const totals: Record<string, PublishedTotal> = {};
  const tables = new Map<string, PublishedTable>();
  for (const line of lines) {
    const [table, label, raw] = line.split(",") as [string, string, string];
    const value: PublishedValue = raw === SMALL ? SMALL : raw === WITHHELD ? WITHHELD : Number(raw);
    if (table === "totals") totals[label] = value === WITHHELD ? SMALL : value;
    else if (table !== "median-days-to-return") {
      const t = tables.get(table) ?? { withheld: true, cells: [] };
      if (value !== WITHHELD) t.withheld = false;
      t.cells.push({ label, value });
      tables.set(table, t);
    }
  }
  return { totals, tables };
}

const TOTAL_OF: Record<string, string> = { "returns-by-month-and-direction": "returns" };

// What someone holding both publications, and knowing that one case changed in between,
// can work out about every cell of every table: its range before and after.
export function differencingDisclosures(
  before: { totals: Record<string, PublishedTotal>; tables: Map<string, PublishedTable> },
  after: { totals: Record<string, PublishedTotal>; tables: Map<string, PublishedTable> },
): { table: string; label: string; before: Range; after: Range }[] {
  const out: { table: string; label: string; before: Range; after: Range }[] = [];
  for (const [id, t1] of before.tables) {
    const t2 = after.tables.get(id);
    if (!t2) continue;
    const total = TOTAL_OF[id] ?? "cases";
    // The published statistics are rounded (round-count.ts): the attacker knows it.
    const r = attackPair(t1, before.totals[total]!, t2, after.totals[total]!, ROUNDING_BASE);
    if (!r) throw new Error(`table ${id}: the two publications are not one change apart`);
    t1.cells.forEach((c, i) => out.push({ table: id, label: c.label, before: r.before[i]!, after: r.after[i]! }));
  }
  return out;
}

export function tablesOf(stats: PublicStats): { totals: Record<string, PublishedTotal>; tables: Map<string, PublishedTable> } {
  return { totals: { ...stats.totals }, tables: new Map(stats.tables.map((t) => [t.id, { withheld: t.withheld, cells: t.cells }])) };
}
