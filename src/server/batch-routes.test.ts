import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLogText } from "../ledger/index.ts";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";

const T = DEMO_PARTIES.tracing.id;
const H = DEMO_PARTIES.holding.id;
const M = DEMO_PARTIES.mediator.id;

// The channel through the HTTP app, across the three parties: from a registered case to a
// closed one, in both directions.
describe("return batches over HTTP", () => {
  let api: ApiFixture;
  const tok: Record<string, string> = {};
  let n = 0;
  const cid = (): string => `h-${n++}`;

  async function ok<T>(who: string, method: string, path: string, body?: unknown, status = 200): Promise<T> {
    const res = await api.call(tok[who]!, method, path, body);
    expect(res.status, `${method} ${path} as ${who}: ${await res.clone().text()}`).toBe(status);
    return (await res.json()) as T;
  }
  const act = (who: string, caseId: string, action: Record<string, unknown>) => ok(who, "POST", `/api/cases/${caseId}/actions`, { clientId: cid(), action });

  // A case owned by `owner`, shared with the other side and the mediator, verified by both
  // sides and confirmed by the mediator, with the return consent of the guardian.
  async function verifiedCase(owner: "tracing" | "holding", other: "tracing" | "holding", birthDate = "2014-03-07"): Promise<string> {
    const child = { names: [{ given: "Марія", family: "Шевченко" }], sex: "F", birthDate };
    let id: string;
    if (owner === "holding") {
      // The holding side discloses the child to the other side and the mediator (biography, services).
      ({ id } = await ok<{ id: string }>(owner, "POST", "/api/disclosures", {
        ...child, biography: "Synthetic: placed in a children's home in 2022.", services: [{ kind: "medical", providerType: "state-institution", summary: "Synthetic: vaccinations" }], to: DEMO_PARTIES[other].id, mediator: M,
      }, 201));
    } else {
      ({ id } = await ok<{ id: string }>(owner, "POST", "/api/cases", child, 201));
      await act(owner, id, { type: "share", partyId: DEMO_PARTIES[other].id, scope: "participate" });
      await act(owner, id, { type: "share", partyId: M, scope: "participate" });
    }
    await act(owner, id, { type: "register" });
    await act(owner === "holding" ? "holding" : "holding", id, { type: "locate", location: "synthetic place" });
    const report = await ok<{ id: string }>(owner, "POST", `/api/cases/${id}/reports`, { kind: "identity", content: { identityEvidence: "records agree" }, clientId: cid() }, 201);
    for (const who of ["tracing-verifier", "holding-verifier"]) await ok(who, "POST", `/api/reports/${report.id}/signatures`);
    await act(`${owner}-verifier`, id, { type: "verify-identity", reportRef: report.id });
    await ok("mediator", "POST", `/api/reports/${report.id}/signatures`);
    await act("mediator", id, { type: "confirm-by-mediator" });
    await act(owner, id, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } });
    return id;
  }

  const login = async () => {
    for (const who of ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator", "auditor", "ngo"]) tok[who] = await api.login(who);
  };
  beforeAll(async () => {
    api = await apiFixture();
    await login();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("takes a child from disclosure to a closed case: batch planned, confirmed, in transit, completed, both handovers, post-return report", async () => {
    const child = await verifiedCase("holding", "tracing");
    const planned = { name: "Group 1", from: H, to: T, plannedDate: "2026-06-20", handoverPoint: "synthetic border crossing" };
    for (const who of ["tracing", "holding", "tracing-verifier", "ngo"]) expect((await api.call(tok[who]!, "POST", "/api/batches", planned)).status).toBe(403);
    const { id } = await ok<{ id: string }>("mediator", "POST", "/api/batches", planned, 201);
    expect((await api.call(tok.ngo!, "GET", `/api/batches/${id}`)).status).toBe(404);
    expect((await ok<{ items: unknown[] }>("ngo", "GET", "/api/batches")).items).toEqual([]);
    expect((await ok<{ items: { id: string; status: string }[] }>("holding", "GET", "/api/batches")).items.map((b) => [b.id, b.status])).toContainEqual([id, "planned"]);
    // The parties see the batch but do not plan it.
    expect((await api.call(tok.holding!, "POST", `/api/batches/${id}/children`, { caseId: child })).status).toBe(403);
    expect((await api.call(tok.ngo!, "POST", `/api/batches/${id}/children`, { caseId: child })).status).toBe(404);
    expect((await api.call(tok.tracing!, "POST", `/api/batches/${id}/transitions`, { to: "confirmed" })).status).toBe(403);

    await ok("mediator", "POST", `/api/batches/${id}/children`, { caseId: child });
    await ok("mediator", "POST", `/api/batches/${id}/transitions`, { to: "confirmed" });
    await ok("mediator", "POST", `/api/batches/${id}/transitions`, { to: "in-transit" });
    expect((await api.call(tok.ngo!, "POST", `/api/batches/${id}/handovers`, { caseId: child })).status).toBe(404);
    expect((await api.call(tok.mediator!, "POST", `/api/batches/${id}/handovers`, { caseId: child })).status).toBe(403);
    await ok("holding", "POST", `/api/batches/${id}/handovers`, { caseId: child });
    const early = await api.call(tok.mediator!, "POST", `/api/batches/${id}/transitions`, { to: "completed" });
    expect([early.status, early.headers.get("content-type"), ((await early.json()) as { missingStep: string }).missingStep]).toEqual([409, "application/problem+json", "handovers"]);
    await ok("tracing", "POST", `/api/batches/${id}/handovers`, { caseId: child });
    const done = await ok<{ status: string; children: { postReturnCheckDue: string }[] }>("mediator", "POST", `/api/batches/${id}/transitions`, { to: "completed" });
    expect(done.status).toBe("completed");
    expect(done.children[0]!.postReturnCheckDue).toBe("2026-07-01");
    // Both parties see the shared state of the child.
    for (const who of ["tracing", "holding"]) expect((await ok<{ status: string }>(who, "GET", `/api/cases/${child}`)).status).toBe("reunited");

    api.clock.advance(31 * 86_400_000);
    await login();
    const late = await ok<{ items: { caseId: string; overdue: boolean }[] }>("tracing", "GET", "/api/post-return-checks?overdue=true");
    expect(late.items.map((c) => c.caseId)).toContain(child);
    expect((await ok<{ items: unknown[] }>("ngo", "GET", "/api/post-return-checks")).items).toEqual([]);

    const after = await ok<{ id: string }>("holding", "POST", `/api/cases/${child}/reports`, { kind: "post-return", content: { identityEvidence: "same child", welfareCheck: "at school, well" }, clientId: cid() }, 201);
    for (const who of ["tracing-verifier", "holding-verifier", "mediator"]) await ok(who, "POST", `/api/reports/${after.id}/signatures`);
    await act("holding-verifier", child, { type: "verify-post-return", reportRef: after.id });
    await act("holding", child, { type: "close", reason: "home and well" });
    expect((await ok<{ status: string }>("tracing", "GET", `/api/cases/${child}`)).status).toBe("closed");
    expect((await ok<{ items: { caseId: string }[] }>("tracing", "GET", "/api/post-return-checks?overdue=true")).items.map((c) => c.caseId)).not.toContain(child);

    const log = await (await api.call(tok.auditor!, "GET", "/api/log/export")).text();
    expect((await verifyLogText(log)).ok).toBe(true);
    expect(log).not.toContain("Шевченко");
    expect(log).not.toContain("synthetic border crossing");
  });

  it("returns a child the other way, from the tracing side to the holding side", async () => {
    const child = await verifiedCase("tracing", "holding", "2012-02-02");
    const { id } = await ok<{ id: string }>("mediator", "POST", "/api/batches", { name: "Group R", from: T, to: H, plannedDate: "2026-08-01", handoverPoint: "synthetic" }, 201);
    await ok("mediator", "POST", `/api/batches/${id}/children`, { caseId: child });
    for (const to of ["confirmed", "in-transit"]) await ok("mediator", "POST", `/api/batches/${id}/transitions`, { to });
    for (const who of ["tracing", "holding"]) await ok(who, "POST", `/api/batches/${id}/handovers`, { caseId: child });
    expect((await ok<{ status: string }>("mediator", "POST", `/api/batches/${id}/transitions`, { to: "completed" })).status).toBe("completed");
    for (const who of ["tracing", "holding"]) expect((await ok<{ status: string }>(who, "GET", `/api/cases/${child}`)).status).toBe("reunited");
  });

  it("answers 409 problem+json naming the missing step, and a withdrawal counts at once", async () => {
    const child = await verifiedCase("tracing", "holding", "2013-03-03");
    const { id } = await ok<{ id: string }>("mediator", "POST", "/api/batches", { name: "Group 2", from: H, to: T, plannedDate: "2026-09-01", handoverPoint: "synthetic" }, 201);
    await act("tracing", child, { type: "consent-decision", consent: { purpose: "return", decision: "withdrawn", givenBy: "guardian" } });
    const res = await api.call(tok.mediator!, "POST", `/api/batches/${id}/children`, { caseId: child });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 409, missingStep: "return-consent", caseId: child });
    const bad = await api.call(tok.mediator!, "POST", `/api/batches/${id}/transitions`, { to: "postponed" });
    expect(bad.status).toBe(422);
    expect((await api.call(tok.mediator!, "POST", `/api/batches/${id}/transitions`, { to: "flying" })).status).toBe(400);
    expect((await api.call(tok.mediator!, "POST", "/api/batches", { name: "x", from: H, to: T, plannedDate: "2026-02-30", handoverPoint: "p" })).status).toBe(422);
  });
});
