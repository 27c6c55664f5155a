import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

interface Problem { status: number; errors?: { field: string; detail: string }[]; detail?: string }

// One in-memory registry for the whole file: opening one is the slow part.
let f: ApiFixture;
beforeAll(async () => {
  f = await apiFixture();
});
afterAll(() => f.close());

describe("cases over HTTP", () => {
  let tracing: string, holding: string, mediator: string, admin: string, verifier: string;
  beforeAll(async () => {
    [tracing, holding, mediator, admin, verifier] = await Promise.all(
      ["tracing", "holding", "mediator", "admin", "tracing-verifier"].map((u) => f.login(u)),
    );
  });

  const create = async (token: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await f.call(token, "POST", "/api/cases", body, headers);
    return { res, body: (await res.json()) as { id: string } & Problem };
  };

  it("creates the smallest valid case: 201 with its id and a Location", async () => {
    const { res, body } = await create(tracing, SMALLEST_CASE);
    expect(res.status).toBe(201);
    expect(body.id).toEqual(expect.any(String));
    expect(res.headers.get("location")).toBe(`/api/cases/${body.id}`);
    const got = await f.call(tracing, "GET", `/api/cases/${body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("cache-control")).toBe("no-store");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await got.json()).toMatchObject({ id: body.id, party: "tracing-authority", status: "reported", sex: "M", birthDate: "2014-03-07" });
  });

  it("names each invalid field in a problem+json answer", async () => {
    const { res, body } = await create(tracing, { names: [{ given: "Іван" }, {}], birthDate: "2014-02-30" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const fields = body.errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(["names[1]", "sex", "birthDate"]));
    expect(body.errors?.find((e) => e.field === "birthDate")?.detail).toMatch(/YYYY/);

    const list = await f.call(tracing, "GET", "/api/cases?limit=0&status=lost");
    const listBody = (await list.json()) as Problem;
    expect(list.status).toBe(400);
    expect(listBody.errors?.map((e) => e.field).sort()).toEqual(["limit", "status"]);

    const malformed = await f.call(tracing, "POST", "/api/cases", "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
  });

  it("names the field of a rule the registry enforces (consent of an adult) as the client sent it: 422", async () => {
    const { res, body } = await create(tracing, {
      ...SMALLEST_CASE, birthDate: "2001-01-01", consent: { forTracing: true, forSharing: false, givenBy: "guardian" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(body.errors?.map((e) => e.field)).toEqual(["consent.givenBy"]);
    expect(body.detail).toBe("consent.givenBy: the person is 18 or over: consent is theirs, not a guardian's");
  });

  it("is idempotent through Idempotency-Key or clientId: a repeat returns the same id and adds nothing", async () => {
    const before = ((await (await f.call(tracing, "GET", "/api/cases?limit=1")).json()) as { total: number }).total;
    const first = await create(tracing, SMALLEST_CASE, { "idempotency-key": "req-0001" });
    const again = await create(tracing, SMALLEST_CASE, { "idempotency-key": "req-0001" });
    expect(first.res.status).toBe(201);
    expect(again.res.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    expect(first.res.headers.get("idempotent-replayed")).toBeNull();
    const viaBody = await create(tracing, { ...SMALLEST_CASE, clientId: "req-0001" });
    expect(viaBody.body.id).toBe(first.body.id);
    const after = ((await (await f.call(tracing, "GET", "/api/cases?limit=1")).json()) as { total: number }).total;
    expect(after).toBe(before + 1);

    const mismatch = await create(tracing, { ...SMALLEST_CASE, clientId: "a" }, { "idempotency-key": "b" });
    expect(mismatch.res.status).toBe(400);
    expect(mismatch.body.errors?.[0]?.field).toBe("clientId");
  });

  it("finds a child by any name in any script with q", async () => {
    const { body } = await create(holding, { names: [{ given: "Тимофей", family: "Гнатюк", lang: "ru" }], sex: "M", birthDate: "2015-05-02" });
    for (const q of ["Тимофій Гнатюк", "Тимофей Гнатюк", "Tymofii Hnatiuk", "Timofei Gnatiuk", "гнатюк"]) {
      const res = await f.call(holding, "GET", `/api/cases?q=${encodeURIComponent(q)}`);
      const page = (await res.json()) as { items: { id: string; party: string }[]; total: number };
      expect(page.items.map((i) => i.id), q).toContain(body.id);
      expect(page.items[0]).toHaveProperty("party");
    }
    const none = (await (await f.call(holding, "GET", `/api/cases?q=${encodeURIComponent("Марія Шевченко")}`)).json()) as { total: number };
    expect(none.total).toBe(0);
  });

  it("answers 404, never 403, for another party's case — and lists, searches and history reveal nothing", async () => {
    const { body } = await create(tracing, { ...SMALLEST_CASE, names: [{ given: "Софія", family: "Ткаченко" }], sex: "F" });
    const missing = await f.call(holding, "GET", "/api/cases/00000000-0000-4000-8000-000000000000");
    const hidden = await f.call(holding, "GET", `/api/cases/${body.id}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
    expect((await f.call(holding, "GET", `/api/cases/${body.id}/history`)).status).toBe(404);
    const act = await f.call(holding, "POST", `/api/cases/${body.id}/actions`, { clientId: "h-1", action: { type: "locate" } });
    expect(act.status).toBe(404);
    const search = (await (await f.call(holding, "GET", `/api/cases?q=${encodeURIComponent("Софія Ткаченко")}`)).json()) as { total: number };
    expect(search.total).toBe(0);
    const all = (await (await f.call(holding, "GET", "/api/cases?limit=500")).json()) as { items: { party: string }[] };
    expect(all.items.every((i) => i.party === "holding-authority")).toBe(true);
  });

  it("never shows contact details to another party, even on a shared case", async () => {
    const phone = "+380 67 555 12 34";
    const address = "м. Запоріжжя, вул. Соборна, 7";
    const { body } = await create(tracing, {
      ...SMALLEST_CASE,
      names: [{ given: "Дарина", family: "Руденко" }],
      sex: "F",
      family: [{ relation: "mother", given: "Олена", family: "Руденко", legalGuardian: true, contact: { phone, address } }],
      notes: "Мама телефонує щотижня.",
    });
    const own = await (await f.call(tracing, "GET", `/api/cases/${body.id}`)).text();
    expect(own).toContain(phone);
    for (const [i, partyId] of ["holding-authority", "mediator"].entries()) {
      const share = await f.call(tracing, "POST", `/api/cases/${body.id}/actions`, {
        clientId: `share-${i}`, action: { type: "share", partyId, scope: "participate" },
      });
      expect(share.status).toBe(200);
    }
    for (const token of [holding, mediator]) {
      const responses = [
        await f.call(token, "GET", `/api/cases/${body.id}`),
        await f.call(token, "GET", `/api/cases/${body.id}/history`),
        await f.call(token, "GET", `/api/cases?q=${encodeURIComponent("Дарина Руденко")}`),
      ];
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      for (const r of responses) {
        const text = await r.text();
        expect(text).not.toContain("555 12 34");
        expect(text).not.toContain("Соборна");
        expect(text).not.toContain("щотижня");
      }
    }
  });

  it("takes lifecycle steps with a required client id: repeats change nothing, stale versions conflict, roles are enforced", async () => {
    const { body } = await create(tracing, { ...SMALLEST_CASE, names: [{ given: "Назар", family: "Мельник" }] });
    const path = `/api/cases/${body.id}/actions`;
    const noId = await f.call(tracing, "POST", path, { action: { type: "register" } });
    expect(noId.status).toBe(400);
    expect(((await noId.json()) as Problem).errors?.[0]?.field).toBe("clientId");

    const first = await f.call(tracing, "POST", path, { clientId: "step-1", expectedVersion: 1, action: { type: "register" } });
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { replayed: boolean; case: { status: string; version: number } };
    expect(firstBody).toMatchObject({ replayed: false, case: { status: "registered", version: 2 } });
    const repeat = await f.call(tracing, "POST", path, { action: { type: "register" } }, { "idempotency-key": "step-1" });
    expect(await repeat.json()).toMatchObject({ replayed: true, case: { version: 2 } });

    const stale = await f.call(tracing, "POST", path, { clientId: "step-2", expectedVersion: 1, action: { type: "locate" } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");

    const wrongStep = await f.call(tracing, "POST", path, { clientId: "step-3", action: { type: "close" } });
    expect(wrongStep.status).toBe(409);

    await f.call(tracing, "POST", path, { clientId: "step-4", action: { type: "locate" } });
    const notVerifier = await f.call(tracing, "POST", path, { clientId: "step-5", action: { type: "verify-identity" } });
    expect(notVerifier.status).toBe(403);
    const byVerifier = await f.call(verifier, "POST", path, { clientId: "step-6", action: { type: "verify-identity" } });
    expect(byVerifier.status).toBe(200);

    const badAction = await f.call(tracing, "POST", path, { clientId: "step-7", action: { type: "teleport" } });
    expect(badAction.status).toBe(400);
    expect(((await badAction.json()) as Problem).errors?.[0]?.field).toMatch(/^action/);

    const history = (await (await f.call(tracing, "GET", `/api/cases/${body.id}/history`)).json()) as { items: { type: string }[] };
    expect(history.items.map((h) => h.type)).toEqual(["report", "register", "locate", "verify-identity"]);
  });

  it("lets admins, and only admins, read the access log of case reads", async () => {
    const { body } = await create(tracing, { ...SMALLEST_CASE, names: [{ given: "Ілля", family: "Бойко" }] });
    await f.call(tracing, "GET", `/api/cases/${body.id}`);
    const log = await f.call(admin, "GET", `/api/access-log?caseId=${body.id}`);
    expect(log.status).toBe(200);
    const entries = (await log.json()) as { items: { caseId: string; kind: string }[]; total: number };
    expect(entries.items.some((e) => e.caseId === body.id && e.kind === "read")).toBe(true);
    expect((await f.call(tracing, "GET", "/api/access-log")).status).toBe(403);
  });

  it("filters by status and pages with limit and offset", async () => {
    const all = (await (await f.call(tracing, "GET", "/api/cases?limit=500")).json()) as { items: { id: string; status: string }[]; total: number };
    expect(all.total).toBe(all.items.length);
    const page = (await (await f.call(tracing, "GET", "/api/cases?limit=2&offset=1")).json()) as { items: { id: string }[]; total: number };
    expect(page.total).toBe(all.total);
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(1, 3).map((i) => i.id));
    const reg = (await (await f.call(tracing, "GET", "/api/cases?status=identity-verified,registered")).json()) as { items: { status: string }[] };
    expect(reg.items.length).toBeGreaterThan(0);
    expect(reg.items.every((i) => ["identity-verified", "registered"].includes(i.status))).toBe(true);
  });
});

describe("API description", () => {
  it("publishes an OpenAPI 3 document with the contract's paths and the bearer scheme", async () => {
    const doc = (await (await f.call(null, "GET", "/api/openapi.json")).json()) as {
      openapi: string; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      "/api/session", "/api/cases", "/api/cases/{id}", "/api/cases/{id}/actions", "/api/cases/{id}/history", "/api/access-log", "/api/me", "/api/health",
    ]));
    expect(Object.keys(doc.paths["/api/session"] ?? {}).sort()).toEqual(["delete", "post"]);
    expect(doc.components.securitySchemes).toHaveProperty("Bearer");
  });

  it("serves the docs page and its assets locally, loading nothing from another host", async () => {
    const page = await (await f.call(null, "GET", "/api/docs")).text();
    expect(page).not.toMatch(/(src|href)="https?:/);
    for (const asset of page.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const res = await f.call(null, "GET", asset[1]!);
      expect(res.status, asset[1]).toBe(200);
    }
  });
});
