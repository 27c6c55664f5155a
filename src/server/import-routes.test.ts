import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, type ApiFixture } from "./test-support/api-fixture.ts";

const csv = (lines: string[]) => lines.join("\n") + "\n";
const DISCLOSURES = csv([
  "record_id,given_name,family_name,sex,birth_date,to,mediator,biography",
  "d-1,Марія,Шевченко,F,02.05.2013,tracing-authority,mediator,In a children's home since 2022.",
  "d-2,Олег,Шевченко,M,31.02.2013,tracing-authority,mediator,Born on a day that does not exist.",
  "d-3,Іван,Бондар,M,11.11.2012,tracing-authority,mediator,With a foster family.",
  "d-4,Ганна,Бондар,F,01.01.2014,no-such-party,mediator,Addressed to a party that does not exist.",
]);

describe("CSV imports over HTTP", () => {
  let api: ApiFixture;
  let holding = "";
  let auditor = "";
  beforeAll(async () => {
    api = await apiFixture();
    holding = await api.login("holding");
    auditor = await api.login("auditor");
  });
  afterAll(async () => {
    await api?.close();
  });
  const post = async (token: string | null, kind: string, body: string) => api.app.request(`/api/imports/${kind}`, {
    method: "POST", body, headers: { "content-type": "text/csv", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
  });

  it("imports the valid rows and names each rejected one by its line and reason, the store's own rules included", async () => {
    const res = await post(holding, "disclosures", DISCLOSURES);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { created: number; existing: number; rejected: { line: number; reason: string }[] };
    expect(body.created).toBe(2);
    expect(body.rejected.map((r) => r.line)).toEqual([3, 5]);
    expect(body.rejected[0]!.reason).toMatch(/birth_date/);
    expect(body.rejected[1]!.reason).toMatch(/no-such-party|party/);
    const listed = (await (await api.call(holding, "GET", "/api/cases?q=Шевченко")).json()) as { total: number };
    expect(listed.total).toBe(1);
  });

  it("adds nothing when the same rows are sent again", async () => {
    const body = (await (await post(holding, "disclosures", DISCLOSURES)).json()) as { created: number; existing: number };
    expect(body).toMatchObject({ created: 0, existing: 2 });
  });

  it("imports tracing requests and cases with the same answer shape", async () => {
    const tracing = await api.login("tracing");
    const tr = (await (await post(tracing, "tracing-requests", csv(["record_id,given_name,family_name,sex,birth_date,to", "t-1,Петро,Коваль,M,03.03.2015,holding-authority"]))).json()) as { created: number };
    expect(tr.created).toBe(1);
    const cases = (await (await post(tracing, "cases", csv(["record_id,given_name,family_name,sex,birth_date", "c-1,Ольга,Мельник,F,04.04.2016", "c-2,,,F,"]))).json()) as { created: number; rejected: { line: number }[] };
    expect(cases.created).toBe(1);
    expect(cases.rejected.map((r) => r.line)).toEqual([3]);
  });

  it("answers a file it cannot read with 400 naming the header, an anonymous caller with 401 and an auditor with 403", async () => {
    const bad = await post(holding, "disclosures", csv(["what,is,this", "1,2,3"]));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect((await post(null, "cases", DISCLOSURES)).status).toBe(401);
    expect((await post(auditor, "cases", csv(["record_id,given_name,family_name,sex,birth_date", "a-1,Ольга,Мельник,F,04.04.2016"]))).status).toBe(403);
  });
});
