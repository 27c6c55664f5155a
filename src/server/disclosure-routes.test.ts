import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

interface Problem { status: number; errors?: { field: string; detail: string }[]; detail?: string }

let f: ApiFixture;
let t: Record<string, string>;
beforeAll(async () => {
  f = await apiFixture();
  t = {};
  for (const u of ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator", "auditor", "admin", "ngo"]) t[u] = await f.login(u);
});
afterAll(() => f.close());

const DISCLOSURE = {
  names: [
    { given: "Олександр", family: "Коваленко", kind: "birth" },
    { given: "Александр", family: "Ковалев", kind: "new-after-deportation" },
  ],
  sex: "M",
  birthDate: "2014-03-07",
  biography: "Taken from a Mariupol boarding school in 2022; placed in a foster family in 2023.",
  nameChanges: [{ from: "Коваленко", to: "Ковалев", date: "2023-05", authority: "registry office" }],
  citizenshipChanges: [{ citizenship: "RU", date: "2023-06" }],
  services: [{ kind: "medical", providerType: "state-institution", from: "2022-09", until: "2023-01", summary: "Treated for bronchitis." }],
  placement: { kind: "foster-family", since: "2023-05", locality: "Rostov region", address: "ул. Садовая 5, кв. 12" },
  to: "tracing-authority",
  mediator: "mediator",
};

const post = async (token: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await f.call(token, "POST", path, body, headers);
  return { res, body: (await res.json()) as { id: string; ids: string[] } & Problem };
};

describe("POST /api/disclosures", () => {
  it("discloses the smallest body (the smallest case plus a biography): 201 {id}, a holding-side case with its disclosure", async () => {
    const { res, body } = await post(t.holding!, "/api/disclosures", { ...SMALLEST_CASE, biography: "Found alone in 2022." });
    expect(res.status).toBe(201);
    const c = (await (await f.call(t.holding!, "GET", `/api/cases/${body.id}`)).json()) as { side: string; disclosedAt?: string; party: string };
    expect(c).toMatchObject({ side: "holding", party: "holding-authority", disclosedAt: expect.any(String) });
    const d = await f.call(t.holding!, "GET", `/api/cases/${body.id}/disclosure`);
    expect(await d.json()).toMatchObject({ caseId: body.id, biography: "Found alone in 2022.", services: [], view: "full" });
  });

  it("is idempotent: the same client id answers the same case and changes nothing", async () => {
    const first = await post(t.holding!, "/api/disclosures", DISCLOSURE, { "idempotency-key": "disc-1" });
    const again = await post(t.holding!, "/api/disclosures", DISCLOSURE, { "idempotency-key": "disc-1" });
    expect(again.res.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    const history = (await (await f.call(t.holding!, "GET", `/api/cases/${first.body.id}/history`)).json()) as { items: { type: string }[] };
    expect(history.items.map((i) => i.type)).toEqual(["report", "disclose", "share", "share"]);
  });

  it("takes a list, all or nothing: 201 {ids}; a bad item is named by its position and field and nothing is stored", async () => {
    const list = [
      { ...DISCLOSURE, clientId: "list-a" },
      { ...SMALLEST_CASE, names: [{ given: "Марія", family: "Шевченко" }], sex: "F", biography: "Evacuated from Kherson." },
    ];
    const ok = await post(t.holding!, "/api/disclosures", list, { "idempotency-key": "list" });
    expect(ok.res.status).toBe(201);
    expect(ok.body.ids).toHaveLength(2);
    const replay = await post(t.holding!, "/api/disclosures", list, { "idempotency-key": "list" });
    expect(replay.body.ids).toEqual(ok.body.ids);

    const before = ((await (await f.call(t.holding!, "GET", "/api/cases?limit=1")).json()) as { total: number }).total;
    const bad = await post(t.holding!, "/api/disclosures", [{ ...SMALLEST_CASE, biography: "fine" }, { ...SMALLEST_CASE }], { "idempotency-key": "bad" });
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(["[1].biography"]);
    const unknownParty = await post(t.holding!, "/api/disclosures", [{ ...SMALLEST_CASE, biography: "fine" }, { ...SMALLEST_CASE, biography: "x", to: "nobody" }], { "idempotency-key": "bad2" });
    expect(unknownParty.res.status).toBe(422);
    expect(unknownParty.body.errors?.[0]?.field).toMatch(/^rows\.1\./);
    const after = ((await (await f.call(t.holding!, "GET", "/api/cases?limit=1")).json()) as { total: number }).total;
    expect(after).toBe(before);
  });

  it("is refused to the tracing side's own cases, the mediator, auditors and admins; allowed to both holding roles", async () => {
    const body = { ...SMALLEST_CASE, biography: "b" };
    for (const u of ["mediator", "auditor", "admin"]) expect((await post(t[u]!, "/api/disclosures", body)).res.status, u).toBe(403);
    for (const u of ["holding", "holding-verifier"]) expect((await post(t[u]!, "/api/disclosures", body)).res.status, u).toBe(201);
    // A tracing authority may disclose a child it holds itself: the reverse direction.
    expect((await post(t["tracing"]!, "/api/disclosures", body)).res.status).toBe(201);
    expect((await post("nope", "/api/disclosures", body)).res.status).toBe(401);
  });

  it("shows the disclosure to the addressees without the placement's address, to the auditor without biography, to strangers not at all", async () => {
    const { body } = await post(t.holding!, "/api/disclosures", DISCLOSURE);
    const get = async (u: string) => {
      const res = await f.call(t[u]!, "GET", `/api/cases/${body.id}/disclosure`);
      return { status: res.status, text: await res.text() };
    };
    const own = await get("holding");
    expect(own.text).toContain("Садовая");
    for (const u of ["tracing", "tracing-verifier", "mediator"]) {
      const r = await get(u);
      expect(r.status, u).toBe(200);
      expect(r.text, u).toContain("Mariupol boarding school");
      expect(r.text, u).not.toContain("Садовая");
    }
    const auditor = await get("auditor");
    expect(auditor.status).toBe(200);
    expect(auditor.text).not.toContain("Mariupol boarding school");
    expect(auditor.text).not.toContain("bronchitis");
    expect(auditor.text).toContain("Ковалев");
    expect((await get("ngo")).status).toBe(404);
    expect((await get("admin")).status).toBe(404);
    const plain = await post(t.holding!, "/api/cases", SMALLEST_CASE);
    expect((await f.call(t.holding!, "GET", `/api/cases/${plain.body.id}/disclosure`)).status).toBe(404);
  });
});

describe("POST and GET /api/tracing-requests", () => {
  const REQUEST = {
    ...SMALLEST_CASE,
    names: [{ given: "Софія", family: "Мельник" }],
    sex: "F",
    birthDate: "2012-08-15",
    family: [{ relation: "mother", given: "Ірина", family: "Мельник", contact: { phone: "+380501112233", address: "вул. Шевченка 1, Київ" } }],
    notes: "Mother fears reprisals; do not call after 20:00.",
    to: "holding-authority",
    mediator: "mediator",
  };

  it("creates one (201 {id}) or many (201 {ids}), idempotently; only the tracing side's working roles may", async () => {
    const one = await post(t.tracing!, "/api/tracing-requests", REQUEST, { "idempotency-key": "tr-1" });
    expect(one.res.status).toBe(201);
    expect((await post(t.tracing!, "/api/tracing-requests", REQUEST, { "idempotency-key": "tr-1" })).body.id).toBe(one.body.id);
    const many = await post(t.tracing!, "/api/tracing-requests", [REQUEST, { ...REQUEST, names: [{ given: "Іван", family: "Бондар" }], sex: "M" }]);
    expect(many.res.status).toBe(201);
    expect(many.body.ids).toHaveLength(2);
    for (const u of ["mediator", "auditor", "admin"]) expect((await post(t[u]!, "/api/tracing-requests", REQUEST)).res.status, u).toBe(403);
    const noTo = await post(t.tracing!, "/api/tracing-requests", { ...SMALLEST_CASE });
    expect(noTo.res.status).toBe(400);
    expect(noTo.body.errors?.map((e) => e.field)).toEqual(["to"]);
  });

  it("lists requests to the addressee and the mediator without the family's contact details or the notes", async () => {
    const { body } = await post(t.tracing!, "/api/tracing-requests", REQUEST);
    for (const u of ["holding", "holding-verifier", "mediator"]) {
      const res = await f.call(t[u]!, "GET", "/api/tracing-requests");
      const text = await res.text();
      expect(res.status, u).toBe(200);
      const items = (JSON.parse(text) as { items: { case: { id: string }; to: string; candidates: unknown[] }[] }).items;
      expect(items.map((i) => i.case.id), u).toContain(body.id);
      const got = await f.call(t[u]!, "GET", `/api/cases/${body.id}`);
      expect(got.status, u).toBe(200);
      const all = text + (await got.text()) + (await (await f.call(t[u]!, "GET", `/api/cases/${body.id}/history`)).text());
      for (const secret of ["+380501112233", "Шевченка", "reprisals"]) expect(all, `${u} ${secret}`).not.toContain(secret);
    }
    const ngo = (await (await f.call(t.ngo!, "GET", "/api/tracing-requests")).json()) as { items: { case: { id: string } }[] };
    expect(ngo.items.map((i) => i.case.id)).not.toContain(body.id);
    const own = (await (await f.call(t.tracing!, "GET", "/api/tracing-requests")).json()) as { items: { case: { id: string } }[] };
    expect(own.items.map((i) => i.case.id)).toContain(body.id);
  });

  it("publishes the channel's routes in the OpenAPI document", async () => {
    const doc = (await (await f.call(null, "GET", "/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/disclosures", "/api/cases/{id}/disclosure", "/api/tracing-requests"]));
  });
});
