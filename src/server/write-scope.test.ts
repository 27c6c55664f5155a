import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

// What another party may write on a case: nothing through a view-only share, and no case of
// anyone else's may be named as the original of a duplicate.

let f: ApiFixture;
let tracing: string, tracingVerifier: string, holding: string, holdingVerifier: string, ngo: string;
let n = 0;
const cid = (): string => `write-scope-${n++}`;
const sharing = { ...SMALLEST_CASE, consent: { forTracing: true, forSharing: true, givenBy: "guardian" } };

beforeAll(async () => {
  f = await apiFixture();
  [tracing, tracingVerifier, holding, holdingVerifier, ngo] = await Promise.all(
    ["tracing", "tracing-verifier", "holding", "holding-verifier", "ngo"].map((u) => f.login(u)),
  );
});
afterAll(() => f.close());

async function newCase(token: string, body: unknown = sharing): Promise<string> {
  const res = await f.call(token, "POST", "/api/cases", { ...(body as object), clientId: cid() });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const act = (token: string, caseId: string, action: Record<string, unknown>) =>
  f.call(token, "POST", `/api/cases/${caseId}/actions`, { clientId: cid(), action });

const draft = (token: string, caseId: string) =>
  f.call(token, "POST", `/api/cases/${caseId}/reports`, { clientId: cid(), kind: "identity", content: { identityEvidence: "synthetic evidence" } });

describe("a case shared to view only", () => {
  let caseId = "";
  let reportId = "";
  beforeAll(async () => {
    caseId = await newCase(tracing);
    expect((await act(tracing, caseId, { type: "share", partyId: DEMO_PARTIES.holding.id, scope: "view" })).status).toBe(200);
    const own = await draft(tracing, caseId);
    expect(own.status).toBe(201);
    reportId = ((await own.json()) as { id: string }).id;
  });

  it("is readable by the other party", async () => {
    expect((await f.call(holding, "GET", `/api/cases/${caseId}`)).status).toBe(200);
    expect((await f.call(holding, "GET", `/api/reports/${reportId}`)).status).toBe(200);
  });

  it("lets the other party draft no report: 403, and nothing is drafted", async () => {
    const before = (await (await f.call(tracing, "GET", `/api/cases/${caseId}/reports`)).json()) as unknown[];
    for (const token of [holding, holdingVerifier]) {
      const res = await draft(token, caseId);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(((await (await f.call(tracing, "GET", `/api/cases/${caseId}/reports`)).json()) as unknown[]).length).toBe(before.length);
  });

  it("lets the other party's verifier sign nothing: 403, and the log does not grow", async () => {
    const size = async () => ((await (await f.call(tracingVerifier, "GET", "/api/log")).json()) as { size: number }).size;
    const before = await size();
    const res = await f.call(holdingVerifier, "POST", `/api/reports/${reportId}/signatures`);
    expect(res.status).toBe(403);
    expect(await size()).toBe(before);
  });

  it("lets the other party take no action on it", async () => {
    for (const action of [{ type: "add-note", text: "written by the other side" }, { type: "locate", location: "somewhere" }, { type: "hold", reason: "no" }]) {
      const res = await act(holding, caseId, action);
      expect([403, 404]).toContain(res.status);
    }
  });

  it("becomes writable for the holding side's report once shared to participate", async () => {
    expect((await act(tracing, caseId, { type: "share", partyId: DEMO_PARTIES.holding.id, scope: "participate" })).status).toBe(200);
    expect((await draft(holding, caseId)).status).toBe(201);
    expect((await f.call(holdingVerifier, "POST", `/api/reports/${reportId}/signatures`)).status).toBe(200);
  });
});

describe("marking a case as a duplicate", () => {
  it("needs the original to be a case the caller can see: another party's private case or any string is refused", async () => {
    const mine = await newCase(tracing);
    const original = await newCase(tracing);
    const foreign = await newCase(ngo);
    for (const duplicateOf of ["not-a-case", "00000000-0000-4000-8000-000000000000", foreign]) {
      const res = await act(tracing, mine, { type: "mark-duplicate", duplicateOf });
      expect(res.status, duplicateOf).toBe(422);
      const body = (await res.json()) as { errors?: { field: string }[] };
      expect(body.errors?.map((e) => e.field)).toEqual(["duplicateOf"]);
    }
    expect(((await (await f.call(tracing, "GET", `/api/cases/${mine}`)).json()) as { status: string }).status).toBe("reported");
    const ok = await act(tracing, mine, { type: "mark-duplicate", duplicateOf: original });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { case: { status: string; duplicateOf: string } }).case).toMatchObject({ status: "duplicate", duplicateOf: original });
  });
});
