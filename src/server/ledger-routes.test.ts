import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromHex, verifyConsistency, verifyInclusion, verifyLogText, verifySignedReport, leafHash, utf8, canonicalJson } from "../ledger/index.ts";
import { apiFixture, SMALLEST_CASE, type ApiFixture } from "./test-support/api-fixture.ts";

let api: ApiFixture;
let token = "";

beforeAll(async () => {
  api = await apiFixture();
  token = await api.login("tracing");
  const created = await api.call(token, "POST", "/api/cases", { ...SMALLEST_CASE, clientId: "case-1" });
  const { id } = (await created.json()) as { id: string };
  await api.call(token, "POST", `/api/cases/${id}/actions`, { clientId: "reg-1", action: { type: "register" } });
});
afterAll(async () => {
  await api.close();
});

const get = async <T>(path: string, who = token): Promise<T> => {
  const res = await api.call(who, "GET", path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

describe("log API", () => {
  it("publishes the parties' public keys", async () => {
    const { keys } = await get<{ keys: { party: string; anchor: boolean; publicKey: string }[] }>("/api/keys");
    expect(keys.some((k) => k.party === "tracing-authority" && k.anchor)).toBe(true);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.publicKey))).toBe(true);
  });

  it("publishes the public keys without a login, and nothing else of the log", async () => {
    const keys = await api.call(null, "GET", "/api/keys");
    expect(keys.status).toBe(200);
    expect(((await keys.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
    expect((await api.call(null, "GET", "/api/log")).status).toBe(401);
    expect((await api.call(null, "GET", "/api/log/entries/0")).status).toBe(401);
  });

  it("serves entries and inclusion proofs that verify against the log's root", async () => {
    const info = await get<{ size: number; root: string }>("/api/log");
    expect(info.size).toBe(2);
    for (let i = 0; i < info.size; i++) {
      const entry = await get<unknown>(`/api/log/entries/${i}`);
      const p = await get<{ proof: string[]; root: string }>(`/api/log/proofs/inclusion?index=${i}`);
      expect(p.root).toBe(info.root);
      expect(verifyInclusion(i, info.size, leafHash(utf8(canonicalJson(entry))), p.proof.map((h) => fromHex(h)), fromHex(info.root)).ok).toBe(true);
    }
    const c = await get<{ fromRoot: string; toRoot: string; proof: string[] }>("/api/log/proofs/consistency?from=1");
    expect(verifyConsistency(1, info.size, fromHex(c.fromRoot), fromHex(c.toRoot), c.proof.map((h) => fromHex(h))).ok).toBe(true);
  });

  it("answers 400 for a proof of an entry the log does not have", async () => {
    const res = await api.call(token, "GET", "/api/log/proofs/inclusion?index=99");
    expect(res.status).toBe(400);
  });

  it("lets verifiers co-sign checkpoints for their party, not caseworkers", async () => {
    expect((await api.call(token, "POST", "/api/log/checkpoints")).status).toBe(403);
    await api.call(await api.login("tracing-verifier"), "POST", "/api/log/checkpoints");
    const res = await api.call(await api.login("holding-verifier"), "POST", "/api/log/checkpoints");
    const cp = (await res.json()) as { sigs: unknown[]; checkpoint: { size: number } };
    expect(cp.sigs).toHaveLength(2);
    expect((await get<{ checkpoint: { size: number } }>("/api/log/checkpoint")).checkpoint.size).toBe(cp.checkpoint.size);
  });

  it("lets an admin rotate the party's key and revoke a person's; the log still verifies", async () => {
    const admin = await api.login("admin");
    expect((await api.call(token, "POST", "/api/log/keys/rotate", { scope: "party" })).status).toBe(403);
    const rotated = await api.call(admin, "POST", "/api/log/keys/rotate", { scope: "party" });
    expect(rotated.status, await rotated.clone().text()).toBe(200);
    const verifier = await api.call(await api.login("tracing-verifier"), "POST", "/api/log/keys/rotate", { scope: "personal" });
    // The verifier has signed nothing as a person yet, so has no personal key to rotate or revoke.
    expect(verifier.status).toBe(409);
    const tv = await api.store.users.findByUsername("tracing-verifier");
    const revoke = await api.call(admin, "POST", "/api/log/keys/revoke", { userId: tv!.id, reason: "test" });
    expect(revoke.status).toBe(409);
    expect((await verifyLogText(await (await api.call(token, "GET", "/api/log/export")).text())).ok).toBe(true);
  });

  it("exports the log as JSON Lines that verify offline", async () => {
    const res = await api.call(token, "GET", "/api/log/export");
    expect(res.headers.get("content-type")).toMatch(/jsonl/);
    const result = await verifyLogText(await res.text());
    expect(result.ok).toBe(true);
  });
});

describe("report API", () => {
  it("drafts a report, collects both verifiers' signatures and the mediator's confirmation, and serves a file that verifies", async () => {
    const created = await api.call(token, "POST", "/api/cases", { ...SMALLEST_CASE, clientId: "case-r" });
    const { id } = (await created.json()) as { id: string };
    for (const [n, partyId] of [["1", "holding-authority"], ["2", "mediator"]]) {
      await api.call(token, "POST", `/api/cases/${id}/actions`, { clientId: `share-${n}`, action: { type: "share", partyId, scope: "participate" } });
    }
    const draft = await api.call(token, "POST", `/api/cases/${id}/reports`, { clientId: "r-1", kind: "identity", language: "uk", content: { identityEvidence: "records agree" } });
    expect(draft.status, await draft.clone().text()).toBe(201);
    const report = (await draft.json()) as { id: string; stage: string };
    expect(report.stage).toBe("drafted");
    const mediator = await api.login("mediator");
    expect((await api.call(mediator, "POST", `/api/reports/${report.id}/signatures`)).status).toBe(409);
    expect((await api.call(token, "POST", `/api/reports/${report.id}/signatures`)).status).toBe(403);
    for (const who of ["holding-verifier", "tracing-verifier", "mediator"]) {
      const res = await api.call(await api.login(who), "POST", `/api/reports/${report.id}/signatures`);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const view = await get<{ stage: string; signatures: unknown[] }>(`/api/reports/${report.id}`);
    expect(view.stage).toBe("confirmed");
    const file = await get<unknown>(`/api/reports/${report.id}/signed`);
    const checked = verifySignedReport(file);
    expect(checked.ok && checked.missingRoles).toEqual([]);
    expect((await api.call(await api.login("holding"), "GET", `/api/reports/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    for (const lang of ["uk", "ru", "en"]) {
      const pdf = await api.call(token, "GET", `/api/reports/${report.id}/pdf?lang=${lang}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    }
  });
});
