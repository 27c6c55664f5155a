import { describe, expect, it } from "vitest";
import type { ActionRecord, CaseAction } from "./case-action.ts";
import { CaseActionSchema } from "./case-action.ts";
import { reduceCase } from "./case-state.ts";
import { projectCase, projectHistory } from "./case-view.ts";

const actor = { userId: "u1", partyId: "tracing", role: "caseworker" };
function records(actions: unknown[]): ActionRecord[] {
  return actions.map((a, i) => ({
    caseId: "c1",
    sequence: i + 1,
    clientId: `k${i}`,
    action: CaseActionSchema.parse(a) as CaseAction,
    actor,
    at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));
}

const report = {
  type: "report",
  details: {
    names: [{ given: "Олександр", family: "Коваленко" }],
    sex: "M",
    birthDate: "2014-03-07",
    family: [{ relation: "mother", given: "Олена", contact: { phone: "+380501112233" } }],
    notes: "first note",
    health: "asthma",
  },
};

describe("case reducer", () => {
  it("derives status, version and details from the actions", () => {
    const s = reduceCase(records([report, { type: "register" }, { type: "hold", reason: "x" }, { type: "resume" }, { type: "add-note", text: "second" }]))!;
    expect(s.status).toBe("registered");
    expect(s.version).toBe(5);
    expect(s.statusBeforeHold).toBeUndefined();
    expect(s.notes.map((n) => n.text)).toEqual(["first note", "second"]);
    expect(s.createdAt).toBe("2026-01-01T00:00:00.000Z");
    expect(s.updatedAt).toBe("2026-01-05T00:00:00.000Z");
  });

  it("an update replaces given fields and null clears them", () => {
    const s = reduceCase(records([report, { type: "update-details", patch: { birthDate: null, birthPlace: "Маріуполь", health: null } }]))!;
    expect(s.details.birthDate).toBeUndefined();
    expect(s.details.birthPlace).toBe("Маріуполь");
    expect(s.health).toBeUndefined();
    expect(s.details.names[0]?.given).toBe("Олександр");
  });

  it("does not mutate earlier states", () => {
    const rs = records([report, { type: "register" }]);
    const first = reduceCase(rs.slice(0, 1))!;
    const copy = structuredClone(first);
    reduceCase(rs);
    expect(first).toEqual(copy);
  });

  it("names the case a duplicate duplicates only to the owner's own views, not to a party it is shared with", () => {
    const dup = "00000000-0000-4000-8000-000000000001";
    const s = reduceCase(records([report, { type: "register" }, { type: "mark-duplicate", duplicateOf: dup }]))!;
    expect(projectCase(s, "full", new Date()).duplicateOf).toBe(dup);
    // The target may be the owner's private case: its id is not the other party's to know.
    expect(JSON.stringify(projectCase(s, "shared", new Date()))).not.toContain(dup);
  });

  it("keeps where the child was found, with or without a recorded separation", () => {
    const s = reduceCase(records([report, { type: "register" }, { type: "locate", location: "Таганрог" }]))!;
    expect(s.location).toBe("Таганрог");
    expect(projectCase(s, "mediator", new Date()).location).toBe("Таганрог");
  });

  it("records shares and declines by whom", () => {
    const s = reduceCase(records([report, { type: "share", partyId: "holding", scope: "view" }, { type: "decline", by: "child" }]))!;
    expect(s.shares).toEqual({ holding: "view" });
    expect(s.status).toBe("declined-by-child");
  });
});

describe("case views", () => {
  const state = reduceCase(records([report]))!;
  const now = new Date("2026-06-01T00:00:00Z");

  it("the full view has everything; others have no contact details, notes or health", () => {
    const full = JSON.stringify(projectCase(state, "full", now));
    expect(full).toContain("+380501112233");
    expect(full).toContain("asthma");
    for (const view of ["shared", "auditor", "mediator"] as const) {
      const text = JSON.stringify(projectCase(state, view, now));
      for (const secret of ["+380501112233", "asthma", "first note"]) expect(text, view).not.toContain(secret);
    }
    expect(projectCase(state, "mediator", now).family).toBeUndefined();
    expect(projectCase(state, "shared", now).family?.[0]?.given).toBe("Олена");
  });

  it("history shows payloads to the owner, redacted ones to auditors and only steps to others", () => {
    const rs = records([report, { type: "add-note", text: "call +380501112233" }]);
    expect(JSON.stringify(projectHistory(rs, "full"))).toContain("+380501112233");
    const audit = projectHistory(rs, "auditor");
    expect(JSON.stringify(audit)).not.toContain("+380501112233");
    expect(JSON.stringify(audit)).not.toContain("asthma");
    expect(audit[0]?.actor.userId).toBe("u1");
    const shared = projectHistory(rs, "shared");
    expect(shared.map((e) => [e.type, e.action, e.actor.userId])).toEqual([
      ["report", undefined, undefined],
      ["add-note", undefined, undefined],
    ]);
  });
});
