import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_STATUSES } from "../lifecycle.ts";
import { SEPARATION_CATEGORIES } from "../case-details.ts";
import type { StatsCase, StatsReturn } from "./publish-stats.ts";
import { countStats, publishStats, statsCsv } from "./publish-stats.ts";
import { differencingDisclosures, parseStatsCsv, tablesOf } from "./stats-differencing.ts";
import { SMALL, suppressTable } from "./suppress-table.ts";
import { attackPair } from "./table-attack.ts";

const NOW = new Date("2022-06-15T12:00:00Z");
const PLACES = ["Маріуполь", "Херсон", "Мелитополь", "Ізюм", "Ростов-на-Дону", undefined];

const arbCase: fc.Arbitrary<StatsCase> = fc.record({
  status: fc.constantFrom(...CASE_STATUSES.slice(0, 4), "closed"),
  separation: fc.option(fc.constantFrom(...SEPARATION_CATEGORIES.slice(0, 3)), { nil: undefined }),
  places: fc.constantFrom(...PLACES).map((p) => [p]),
  birthDate: fc.option(fc.constantFrom("2010-01-01", "2012-07-07", "2015-03", "2008-06-20", "2020"), { nil: undefined }),
  registeredAt: fc.constantFrom("2022-04-02T00:00:00Z", "2022-05-10T00:00:00Z", "2022-06-01T00:00:00Z"),
  key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});
const arbReturn: fc.Arbitrary<StatsReturn> = fc.record({
  batchCompletedAt: fc.constantFrom("2022-05-20T00:00:00Z", "2022-06-10T00:00:00Z"),
  direction: fc.constantFrom("to-tracing-side", "to-holding-side"),
  registeredAt: fc.constant("2022-04-02T00:00:00Z"),
  key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

// One change: a case is added, removed, or changes one attribute; or a child is returned.
const arbWorldAndChange = fc
  .record({ cases: fc.array(arbCase, { minLength: 0, maxLength: 70 }), returns: fc.array(arbReturn, { maxLength: 30 }) })
  .chain((w) =>
    fc.tuple(
      fc.constant(w),
      fc.oneof(
        arbCase.map((c) => ({ ...w, cases: [...w.cases, c] })),
        arbReturn.map((r) => ({ ...w, returns: [...w.returns, r] })),
        fc.nat().map((i) => (w.cases.length === 0 ? w : { ...w, cases: w.cases.filter((_, j) => j !== i % w.cases.length) })),
        fc.tuple(fc.nat(), arbCase).map(([i, c]) => {
          if (w.cases.length === 0) return w;
          const k = i % w.cases.length;
          const pick = [{ status: c.status }, { separation: c.separation }, { places: c.places }][i % 3]!;
          return { ...w, cases: w.cases.map((x, j) => (j === k ? { ...x, ...pick } : x)) };
        }),
      ),
    ),
  );

type Forms = ReturnType<typeof tablesOf>;

function checkNoSmallCountPinned(before: Forms, after: Forms, w1: { cases: StatsCase[]; returns: StatsReturn[] }, w2: typeof w1): void {
  const truth = (w: typeof w1) => new Map(countStats({ ...w, now: NOW }).tables.map((t) => [t.id, new Map(t.cells.map((c) => [c.label, c.count]))]));
  const t1 = truth(w1);
  const t2 = truth(w2);
  for (const d of differencingDisclosures(before, after)) {
    const c1 = t1.get(d.table)!.get(d.label)!;
    const c2 = t2.get(d.table)!.get(d.label)!;
    expect(d.before[0] <= c1 && c1 <= d.before[1], `${d.table}/${d.label} before`).toBe(true);
    expect(d.after[0] <= c2 && c2 <= d.after[1], `${d.table}/${d.label} after`).toBe(true);
    if (c1 >= 1 && c1 <= 9) expect(d.before[0] < d.before[1], `${d.table}/${d.label} pinned at ${c1}`).toBe(true);
    if (c2 >= 1 && c2 <= 9) expect(d.after[0] < d.after[1], `${d.table}/${d.label} pinned at ${c2}`).toBe(true);
  }
}

describe("publishStats", () => {
  it("publishes every table with fixed labels and only counts, medians and strings", () => {
    const cases: StatsCase[] = Array.from({ length: 40 }, (_, i) => ({
      status: i < 25 ? "registered" : i < 37 ? "reported" : "closed",
      separation: "deported",
      places: [i % 2 ? "Маріуполь" : "Херсон"],
      birthDate: "2012-01-01",
      registeredAt: "2022-05-01T00:00:00Z",
    }));
    const s = publishStats({ cases, returns: [], now: NOW });
    // 40 is published rounded to a neighbouring multiple of 3 (round-count.ts).
    expect([39, 42]).toContain(s.totals.cases);
    expect(s.totals.returns).toBe(SMALL);
    const status = s.tables.find((t) => t.id === "cases-by-status")!;
    expect(status.cells.find((c) => c.label === "closed")!.value).toBe(SMALL);
    expect(status.cells.find((c) => c.label === "registered")!.value).toBe("withheld");
    expect(status.cells.find((c) => c.label === "reported")!.value).toBe("withheld");
    const oblast = s.tables.find((t) => t.id === "cases-by-oblast")!;
    expect(oblast.cells.find((c) => c.label === "donetsk")!.value).toBe("withheld");
    expect(s.tables.find((t) => t.id === "returns-by-month-and-direction")!.withheld).toBe(true);
    expect(s.medianDaysToReturn).toBeNull();
    for (const t of s.tables) for (const c of t.cells) expect(typeof c.label).toBe("string");
  });
  it("publishes the median days to return once ten children have returned", () => {
    const returns: StatsReturn[] = Array.from({ length: 11 }, (_, i) => ({ batchCompletedAt: "2022-06-10T00:00:00Z", direction: "to-tracing-side", registeredAt: `2022-05-${String(10 + i).padStart(2, "0")}T00:00:00Z` }));
    expect(publishStats({ cases: [], returns, now: NOW }).medianDaysToReturn).toBe(26);
  });
  it("writes the same numbers to CSV", () => {
    fc.assert(
      fc.property(fc.array(arbCase, { maxLength: 60 }), (cases) => {
        const s = publishStats({ cases, returns: [], now: NOW });
        const back = parseStatsCsv(statsCsv(s));
        expect(back).toEqual(tablesOf(s));
      }),
      { numRuns: 50 },
    );
  });
  it("hides a cell going from 9 to 10: the exact counts would show the 9, the published ones never do", () => {
    const base = (i: number): StatsCase => ({ status: "registered", separation: "deported", places: ["Херсон"], birthDate: "2012-01-01", registeredAt: "2022-05-01T00:00:00Z", key: (i * 2654435761) % 2 ** 32 });
    let pinnedSomewhere = false;
    for (let seed = 0; seed < 60; seed++) {
      const cases = [
        ...Array.from({ length: 30 }, (_, i) => base(i + seed * 100)),
        ...Array.from({ length: 12 }, (_, i) => ({ ...base(i + seed * 100 + 30), status: "reported" as const })),
        ...Array.from({ length: 9 }, (_, i) => ({ ...base(i + seed * 100 + 50), status: "closed" as const }))];
      const w1 = { cases, returns: [] };
      const w2 = { cases: [...cases, { ...base(seed * 100 + 99), status: "closed" as const }], returns: [] };
      // Unrounded, the attacker pins the 9 (the hole the rounding closes).
      const exact = (w: typeof w1) => {
        const c = countStats({ ...w, now: NOW });
        return { totals: { cases: c.totals.cases, returns: SMALL } as Forms["totals"], tables: new Map(c.tables.map((t) => [t.id, suppressTable(t.cells, t.priority)])) };
      };
      const status = (f: Forms) => f.tables.get("cases-by-status")!;
      const hole = attackPair(status(exact(w1)), exact(w1).totals.cases!, status(exact(w2)), exact(w2).totals.cases!);
      const closed = CASE_STATUSES.indexOf("closed");
      if (hole && hole.before[closed]![0] === 9 && hole.before[closed]![1] === 9) pinnedSomewhere = true;
      const s1 = publishStats({ ...w1, now: NOW });
      const s2 = publishStats({ ...w2, now: NOW });
      checkNoSmallCountPinned(tablesOf(s1), tablesOf(s2), w1, w2);
      checkNoSmallCountPinned(parseStatsCsv(statsCsv(s1)), parseStatsCsv(statsCsv(s2)), w1, w2);
    }
    expect(pinnedSomewhere).toBe(true);
  });
  it("reveals no count from 1 to 9 in the difference of two responses around one change (JSON and CSV)", () => {
    fc.assert(
      fc.property(arbWorldAndChange, ([w1, w2]) => {
        const s1 = publishStats({ ...w1, now: NOW });
        const s2 = publishStats({ ...w2, now: NOW });
        checkNoSmallCountPinned(tablesOf(s1), tablesOf(s2), w1, w2);
        checkNoSmallCountPinned(parseStatsCsv(statsCsv(s1)), parseStatsCsv(statsCsv(s2)), w1, w2);
      }),
      { numRuns: 200 },
    );
  });
});
