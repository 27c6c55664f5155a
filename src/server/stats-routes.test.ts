import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { differencingDisclosures, parseStatsCsv, tablesOf } from "../domain/index.ts";
import type { PublicStats } from "../domain/index.ts";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

describe("public statistics over HTTP", () => {
  let api: ApiFixture;
  let token = "";
  let n = 0;
  const place = ["Маріуполь", "Херсон", "Мелітополь"];
  const newCase = async (i: number) => {
    const res = await api.call(token, "POST", "/api/cases", {
      clientId: `s-${n++}`, names: [{ given: "Іван", family: `Тест${i}` }], sex: "M", birthDate: "2012-05-05", birthPlace: place[i % 3],
      separation: { category: i % 2 ? "deported" : "evacuated-without-parents" },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  beforeAll(async () => {
    api = await apiFixture();
    token = await api.login("tracing");
    for (let i = 0; i < 45; i++) await newCase(i);
  });
  afterAll(async () => {
    await api?.close();
  });

  it("serves JSON and CSV without sign-in, with the same numbers and no count from 1 to 9", async () => {
    const json = await api.call(null, "GET", "/api/stats");
    expect(json.status).toBe(200);
    const stats = (await json.json()) as PublicStats;
    expect(stats.totals.cases).toBe(45);
    for (const t of stats.tables) for (const c of t.cells) expect(typeof c.value === "number" ? c.value >= 10 : ["<10", "withheld"].includes(c.value)).toBe(true);
    const csv = await api.call(null, "GET", "/api/stats.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(parseStatsCsv(await csv.text())).toEqual(tablesOf(stats));
    const text = JSON.stringify(stats);
    expect(text).not.toContain("Тест");
  });

  it("reveals no count under 10 from two responses around one change, in JSON or CSV", async () => {
    for (let k = 0; k < 4; k++) {
      const before = (await (await api.call(null, "GET", "/api/stats")).json()) as PublicStats;
      const beforeCsv = await (await api.call(null, "GET", "/api/stats.csv")).text();
      const id = await newCase(100 + k);
      if (k % 2) await api.call(token, "POST", `/api/cases/${id}/actions`, { clientId: `s-${n++}`, action: { type: "register" } });
      const after = (await (await api.call(null, "GET", "/api/stats")).json()) as PublicStats;
      const afterCsv = await (await api.call(null, "GET", "/api/stats.csv")).text();
      for (const [a, b] of [[tablesOf(before), tablesOf(after)], [parseStatsCsv(beforeCsv), parseStatsCsv(afterCsv)]] as const) {
        for (const d of differencingDisclosures(a, b)) {
          // A cell pinned to one value is only ever a published count (10 or more) or zero.
          if (d.before[0] === d.before[1]) expect(d.before[0] === 0 || d.before[0] >= 10, `${d.table}/${d.label}`).toBe(true);
          if (d.after[0] === d.after[1]) expect(d.after[0] === 0 || d.after[0] >= 10, `${d.table}/${d.label}`).toBe(true);
        }
      }
    }
  });
});
