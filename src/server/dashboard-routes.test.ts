import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, type ApiFixture } from "./test-support/api-fixture.ts";

describe("GET /api/dashboard", () => {
  let api: ApiFixture;
  let tracing = "";
  let holding = "";
  beforeAll(async () => {
    api = await apiFixture();
    tracing = await api.login("tracing");
    holding = await api.login("holding");
    for (let i = 0; i < 3; i++) {
      const res = await api.call(tracing, "POST", "/api/cases", { clientId: `dash-${i}`, names: [{ given: "Іван", family: `Дашборд${i}` }], sex: "M", birthDate: "2012-05-05" });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  it("answers one party's counts in one read, and another party's without the first one's cases", async () => {
    const mine = await api.call(tracing, "GET", "/api/dashboard?months=2");
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { total: number; byStatus: { status: string; count: number }[]; months: { month: string; registered: number }[] };
    expect(body.total).toBe(3);
    expect(body.byStatus).toEqual([{ status: "reported", count: 3 }]);
    expect(body.months).toEqual([{ month: "2026-05", registered: 0, returned: 0 }, { month: "2026-06", registered: 3, returned: 0 }]);
    const theirs = (await (await api.call(holding, "GET", "/api/dashboard")).json()) as { total: number; months: unknown[] };
    expect(theirs.total).toBe(0);
    expect(theirs.months).toHaveLength(12);
  });

  it("refuses an anonymous caller and a bad window, naming the field", async () => {
    expect((await api.call(null, "GET", "/api/dashboard")).status).toBe(401);
    const bad = await api.call(tracing, "GET", "/api/dashboard?turning18Within=-4");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("turning18Within");
  });
});
