import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ActionRecord, CaseAction } from "./case-action.ts";
import { CaseActionSchema } from "./case-action.ts";
import { reduceCase } from "./case-state.ts";
import { caseConsent, certainlyAdultFrom, dueForAdultTrack, trackOf, turning18Within } from "./case-consent.ts";
import { decideAction } from "./decide-action.ts";
import { adultStatus } from "./partial-date.ts";
import { ValidationError, ConflictError } from "./errors.ts";

const actor = { userId: "u1", partyId: "tracing", role: "caseworker" };
function records(actions: { a: unknown; at: string }[]): ActionRecord[] {
  return actions.map(({ a, at }, i) => ({ caseId: "c1", sequence: i + 1, clientId: `k${i}`, action: CaseActionSchema.parse(a) as CaseAction, actor, at }));
}
const report = (birthDate: string, consent?: unknown) => ({ type: "report", details: { names: [{ given: "Ірина", family: "Шевченко" }], sex: "F", birthDate, consent } });
const worker = { userId: "u1", partyId: "tracing", partyKind: "tracing-authority" as const, role: "caseworker" as const };

describe("consent on a case", () => {
  it("records each purpose's decision and reads the latest", () => {
    const s = reduceCase(
      records([
        { a: report("2012-01-01"), at: "2026-01-01T00:00:00Z" },
        { a: { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } }, at: "2026-01-02T00:00:00Z" },
        { a: { type: "consent-decision", consent: { purpose: "return", decision: "withdrawn", givenBy: "guardian" } }, at: "2026-01-03T00:00:00Z" },
      ]),
    )!;
    expect(s.consents).toHaveLength(2);
    expect(caseConsent(s, { purpose: "return", at: new Date("2026-01-02T12:00:00Z") }).allowed).toBe(true);
    expect(caseConsent(s, { purpose: "return", at: new Date("2026-01-03T00:00:00Z") }).reason).toBe("withdrawn");
  });
  it("reads a single-form consent given with the report per purpose", () => {
    const s = reduceCase(records([{ a: report("2012-01-01", { forTracing: true, forSharing: true, givenBy: "guardian" }), at: "2026-01-01T00:00:00Z" }]))!;
    expect(caseConsent(s, { purpose: "sharing", recipient: "holding", at: new Date("2026-02-01T00:00:00Z") }).allowed).toBe(true);
    expect(caseConsent(s, { purpose: "return", at: new Date("2026-02-01T00:00:00Z") }).allowed).toBe(false);
  });
  it("records when and by whom the child was heard", () => {
    const s = reduceCase(
      records([
        { a: report("2012-01-01"), at: "2026-01-01T00:00:00Z" },
        { a: { type: "record-views", views: "wants to go home", heardOn: "2026-01-05", heardBy: "psychologist", stance: "wants-return" }, at: "2026-01-06T00:00:00Z" },
      ]),
    )!;
    expect(s.details.childViews).toBe("wants to go home");
    expect(s.views).toEqual({ recordedAt: "2026-01-06T00:00:00Z", heardOn: "2026-01-05", heardBy: "psychologist", stance: "wants-return" });
  });
});

describe("the adult track", () => {
  const base = records([{ a: report("2008-05-10"), at: "2026-01-01T00:00:00Z" }]);
  const state = reduceCase(base)!;
  const guardianConsent = { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } } as const;
  it("refuses a guardian's consent from the 18th birthday", () => {
    expect(() => decideAction({ state, action: CaseActionSchema.parse(guardianConsent), actor: worker, relation: "owner", now: new Date("2026-05-09T00:00:00Z") })).not.toThrow();
    expect(() => decideAction({ state, action: CaseActionSchema.parse(guardianConsent), actor: worker, relation: "owner", now: new Date("2026-05-10T00:00:00Z") })).toThrow(ValidationError);
  });
  it("switches only from the 18th birthday, once", () => {
    const sw = CaseActionSchema.parse({ type: "switch-to-adult-track" });
    expect(() => decideAction({ state, action: sw, actor: worker, relation: "owner", now: new Date("2026-05-09T23:59:59Z") })).toThrow(ValidationError);
    decideAction({ state, action: sw, actor: worker, relation: "owner", now: new Date("2026-05-10T00:00:00Z") });
    const after = reduceCase(records([{ a: report("2008-05-10"), at: "2026-01-01T00:00:00Z" }, { a: { type: "switch-to-adult-track" }, at: "2026-05-10T01:00:00Z" }]))!;
    expect(trackOf(after)).toBe("adult");
    expect(dueForAdultTrack(after, new Date("2026-06-01T00:00:00Z"))).toBe(false);
    expect(() => decideAction({ state: after, action: sw, actor: worker, relation: "owner", now: new Date("2026-06-01T00:00:00Z") })).toThrow(ConflictError);
  });
  it("lists who turns 18 within a window", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(turning18Within("2008-05-10", now, 90)).toBe(true);
    expect(turning18Within("2008-06-10", now, 90)).toBe(false);
    expect(turning18Within("2008-01-10", now, 90)).toBe(false); // already 18
    expect(turning18Within("2008-04", now, 90)).toBe(true); // certainly 18 on 30 April
    expect(turning18Within("2008-05", now, 90)).toBe(false); // only on 31 May
    expect(certainlyAdultFrom("2008")).toBe("2026-12-31");
    expect(certainlyAdultFrom("2008-02-29")).toBe("2026-03-01");
  });
  it("agrees with adultStatus on the day the person is certainly 18", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2020, 11, 31) }), fc.constantFrom(4, 7, 10), (ms, len) => {
        const birth = new Date(ms).toISOString().slice(0, len);
        const from = Date.parse(`${certainlyAdultFrom(birth)}T00:00:00Z`);
        expect(adultStatus(birth, new Date(from)).adult).toBe(true);
        expect(adultStatus(birth, new Date(from - 1)).adult).toBe(false);
      }),
    );
  });
});
