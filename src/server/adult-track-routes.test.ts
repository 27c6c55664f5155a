import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

describe("GET /api/cases?track=adult and ?turning18Within=", () => {
  let api: ApiFixture;
  let tracing = "";
  let holding = "";
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    api = await apiFixture();
    tracing = await api.login("tracing");
    holding = await api.login("holding");
    // The fixture's clock stands at 2026-06-01.
    for (const [key, birthDate] of [["soon", "2008-07-15"], ["adult", "2000-01-01"], ["child", "2015-01-01"]] as const) {
      const res = await api.call(tracing, "POST", "/api/cases", { clientId: key, names: [{ given: "Іван", family: "Петренко" }], sex: "M", birthDate });
      ids[key] = ((await res.json()) as { id: string }).id;
    }
    await api.store.adultTrack.runDue();
  });
  afterAll(async () => {
    await api?.close();
  });

  const list = async (token: string, query: string) => {
    const res = await api.call(token, "GET", `/api/cases?${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id);
  };

  it("lists the adult-track cases and those turning 18 soon, of the caller's party only", async () => {
    expect(await list(tracing, "track=adult")).toEqual([ids.adult]);
    expect((await list(tracing, "track=child")).sort()).toEqual([ids.soon, ids.child].sort());
    expect(await list(tracing, "turning18Within=90")).toEqual([ids.soon]);
    expect(await list(tracing, "turning18Within=30")).toEqual([]);
    expect(await list(holding, "track=adult")).toEqual([]);
    expect(await list(holding, "turning18Within=90")).toEqual([]);
  });

  it("refuses a bad filter with 400 naming the parameter", async () => {
    for (const q of ["track=grown", "turning18Within=abc", "turning18Within=0"]) {
      const res = await api.call(tracing, "GET", `/api/cases?${q}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(q.split("=")[0]!);
    }
  });
});
