import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>feed.example/p1</pfif:person_record_id>
    <pfif:full_name>Марія Петрівна Шевченко</pfif:full_name>
    <pfif:given_name>Марія</pfif:given_name>
    <pfif:family_name>Шевченко</pfif:family_name>
    <pfif:sex>female</pfif:sex>
    <pfif:date_of_birth>2016-11-12</pfif:date_of_birth>
    <pfif:note>
      <pfif:note_record_id>feed.example/n1</pfif:note_record_id>
      <pfif:text>Last seen in a synthetic place</pfif:text>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>feed.example/p2</pfif:person_record_id>
    <pfif:expiry_date>2026-01-01T00:00:00Z</pfif:expiry_date>
    <pfif:full_name>Expired Record</pfif:full_name>
  </pfif:person>
</pfif:pfif>`;

describe("PFIF 1.4 over HTTP", () => {
  let api: ApiFixture;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    api = await apiFixture();
    for (const who of ["tracing", "holding"]) tok[who] = await api.login(who);
  });
  afterAll(async () => {
    await api?.close();
  });

  const post = (who: string, body: string) => api.app.request("/api/pfif", { method: "POST", body, headers: { authorization: `Bearer ${tok[who]}`, "content-type": "application/xml" } });

  it("imports persons and notes, reports the expired one, adds nothing twice, and exports them back to the party only", async () => {
    const first = await post("tracing", DOC);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ created: 1, existing: 0, notesAdded: 1, rejected: [{ record: "person feed.example/p2" }] });
    expect(await (await post("tracing", DOC)).json()).toMatchObject({ created: 0, existing: 1, notesAdded: 0 });

    const own = await api.app.request("/api/pfif?domain=tracing.example", { headers: { authorization: `Bearer ${tok.tracing}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toContain("application/xml");
    const xml = await own.text();
    expect(xml).toContain("<pfif:full_name>Марія Петрівна Шевченко</pfif:full_name>");
    expect(xml).toContain("<pfif:text>Last seen in a synthetic place</pfif:text>");

    const other = await (await api.app.request("/api/pfif", { headers: { authorization: `Bearer ${tok.holding}` } })).text();
    expect(other).not.toContain("Шевченко");
  });

  it("answers 400 for what is not a PFIF 1.4 document, 401 without a session, never 500 for arbitrary bytes", async () => {
    expect((await post("tracing", "<not-pfif/>")).status).toBe(400);
    expect((await post("tracing", "\u0000\u0001 garbage <<<")).status).toBe(400);
    const bad = await api.app.request("/api/pfif", { method: "POST", body: new Uint8Array([0xff, 0xfe, 0x00, 0x3c]), headers: { authorization: `Bearer ${tok.tracing}`, "content-type": "application/xml" } });
    expect(bad.status).toBe(400);
    expect((await api.app.request("/api/pfif", { method: "POST", body: DOC })).status).toBe(401);
    await api.call(tok.tracing!, "POST", "/api/cases", SMALLEST_CASE);
  });
});
