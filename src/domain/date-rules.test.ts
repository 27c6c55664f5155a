import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { caseDateIssues, isCertainlyBefore, isCertainlyFuture } from "./date-rules.ts";
import { decideAction } from "./decide-action.ts";
import { CaseActionSchema } from "./case-action.ts";
import { ValidationError } from "./errors.ts";
import type { CaseState } from "./case-state.ts";
import type { Actor } from "./party.ts";

const NOW = new Date("2026-12-05T08:00:00Z");
const actor: Actor = { userId: "u", partyId: "tracing", partyKind: "tracing-authority", role: "caseworker" };

function report(details: Record<string, unknown>) {
  return CaseActionSchema.parse({ type: "report", details: { names: [{ given: "Олександр" }], sex: "M", ...details } });
}

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("dates of a case", () => {
  it("a date of birth is refused only when every day it may mean is after today", () => {
    expect(isCertainlyFuture("2030-01-01", NOW)).toBe(true);
    expect(isCertainlyFuture("2027", NOW)).toBe(true);
    expect(isCertainlyFuture("2026-12-06", NOW)).toBe(true);
    expect(isCertainlyFuture("2026-12-05", NOW)).toBe(false);
    expect(isCertainlyFuture("2026-12", NOW)).toBe(false);
    expect(isCertainlyFuture("2026", NOW)).toBe(false);
  });

  it("a separation is before birth only when certainly so", () => {
    expect(isCertainlyBefore("2013", "2014-03-07")).toBe(true);
    expect(isCertainlyBefore("2014-03-06", "2014-03-07")).toBe(true);
    expect(isCertainlyBefore("2014", "2014-03-07")).toBe(false);
    expect(isCertainlyBefore("2014-03-07", "2014-03-07")).toBe(false);
    expect(isCertainlyBefore(undefined, "2014")).toBe(false);
  });

  it("names each field at fault", () => {
    const issues = caseDateIssues(
      { birthDate: "2014-03-07", separation: { date: "2012" }, family: [{ birthDate: "1980" }, { birthDate: "2031" }] },
      NOW,
      "details.",
    );
    expect(issues.map((i) => i.path)).toEqual(["details.separation.date", "details.family[1].birthDate"]);
  });

  it("the clock decides: the same date is future on one day and past on the next", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const dayBefore = new Date(d.getTime() - 86_400_000);
        expect(isCertainlyFuture(iso, dayBefore)).toBe(true);
        expect(isCertainlyFuture(iso, d)).toBe(false);
      }),
      { seed: 7 },
    );
  });
});

describe("decideAction refuses impossible dates", () => {
  it("a report with a future date of birth, full or partial", () => {
    for (const birthDate of ["2030-01-01", "2027"]) {
      const e = refusal(() => decideAction({ state: null, action: report({ birthDate }), actor, relation: "owner", now: NOW }));
      expect(e.path).toBe("details.birthDate");
    }
  });

  it("a report with a separation before birth", () => {
    const action = report({ birthDate: "2015-05-01", separation: { category: "deported", date: "2014-02" } });
    const e = refusal(() => decideAction({ state: null, action, actor, relation: "owner", now: NOW }));
    expect(e.path).toBe("details.separation.date");
  });

  it("accepts a report dated today and a separation in the month of birth", () => {
    const action = report({ birthDate: "2026-12-05", separation: { category: "deported", date: "2026-12" } });
    expect(decideAction({ state: null, action, actor, relation: "owner", now: NOW }).to).toBeDefined();
  });

  it("an update that moves the date of birth after the separation names the date of birth", () => {
    const state = {
      id: "c", partyId: "tracing", status: "registered", version: 2,
      details: { names: [], sex: "M", family: [], birthDate: "2014-03-07", separation: { category: "deported", date: "2015" } },
    } as unknown as CaseState;
    const action = CaseActionSchema.parse({ type: "update-details", patch: { birthDate: "2016" } });
    const e = refusal(() => decideAction({ state, action, actor, relation: "owner", now: NOW }));
    expect(e.path).toBe("patch.birthDate");
    const future = CaseActionSchema.parse({ type: "update-details", patch: { birthDate: "2027-01" } });
    expect(refusal(() => decideAction({ state, action: future, actor, relation: "owner", now: NOW })).path).toBe("patch.birthDate");
  });
});
