import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOpenedStep, verifyLogText, type CaseStepPayload, type EntryLine } from "../ledger/index.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { apiFixture, SMALLEST_CASE } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

// The log export names a case only by its salted commitment; those who may see the case get the
// opening through the API and find and check its entries; the log verifies for everyone.

interface CaseLog { opening: { case: string; salt: string }; subject: string; steps: { index: number; sequence: number; type: string; payload?: CaseStepPayload }[] }

let f: ApiFixture;
const t: Record<string, string> = {};
let caseId = "";
let exportText = "";

beforeAll(async () => {
  f = await apiFixture();
  for (const u of ["tracing", "holding", "ngo", "auditor", "mediator"]) t[u] = await f.login(u);
  const res = await f.call(t.tracing!, "POST", "/api/cases", { ...SMALLEST_CASE, clientId: "case-log-1", consent: { forTracing: true, forSharing: true, givenBy: "guardian" } });
  caseId = ((await res.json()) as { id: string }).id;
  for (const [i, action] of [{ type: "register" }, { type: "share", partyId: DEMO_PARTIES.holding.id, scope: "view" }, { type: "add-note", text: "private note" }].entries()) {
    expect((await f.call(t.tracing!, "POST", `/api/cases/${caseId}/actions`, { clientId: `case-log-a${i}`, action })).status).toBe(200);
  }
  exportText = await (await f.call(t.ngo!, "GET", "/api/log/export")).text();
});
afterAll(() => f.close());

describe("a case in the signed log", () => {
  it("is named in the export by no id, step type or user, and the export verifies for a party that may not see the case", async () => {
    expect(exportText).not.toContain(caseId);
    expect(exportText).not.toMatch(/"case\.(report|register|share|add-note)"/);
    expect(exportText).not.toContain("private note");
    const users = (await f.store.users.list()).filter((u) => u.role === "caseworker").map((u) => u.id);
    for (const id of users) expect(exportText).not.toContain(id);
    expect((await verifyLogText(exportText)).ok).toBe(true);
  });

  it("opens for its own party and its auditor with payloads that check against the entries", async () => {
    const lines = new Map(exportText.trim().split("\n").map((l) => JSON.parse(l) as EntryLine).filter((l) => l.kind === "entry").map((l) => [l.entry.index, l]));
    for (const user of ["tracing", "auditor"]) {
      const res = await f.call(t[user]!, "GET", `/api/cases/${caseId}/log`);
      expect(res.status).toBe(200);
      const log = (await res.json()) as CaseLog;
      expect(log.opening.case).toBe(caseId);
      expect(log.steps.map((s) => s.type)).toEqual(["report", "register", "share", "add-note"]);
      for (const s of log.steps) {
        expect(checkOpenedStep(lines.get(s.index)!, log.opening, s.payload!)).toMatchObject({ ok: true, sequence: s.sequence });
        expect(lines.get(s.index)!.entry.subject).toBe(log.subject);
      }
      // A payload from another step does not open this entry.
      expect(checkOpenedStep(lines.get(log.steps[0]!.index)!, log.opening, log.steps[1]!.payload!).ok).toBe(false);
    }
  });

  it("opens for a party it is shared with, without the payloads; for others it does not exist", async () => {
    const shared = (await (await f.call(t.holding!, "GET", `/api/cases/${caseId}/log`)).json()) as CaseLog;
    expect(shared.opening.case).toBe(caseId);
    expect(shared.steps.every((s) => s.payload === undefined)).toBe(true);
    for (const user of ["ngo", "mediator"]) expect((await f.call(t[user]!, "GET", `/api/cases/${caseId}/log`)).status).toBe(404);
  });
});
