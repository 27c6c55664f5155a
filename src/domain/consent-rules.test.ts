import { describe, expect, it } from "vitest";
import type { ActionRecord, CaseAction } from "./case-action.ts";
import { CaseActionSchema } from "./case-action.ts";
import { CaseInputSchema } from "./case-details.ts";
import { mayEnterCrossPartyMatching } from "./case-consent.ts";
import { reduceCase } from "./case-state.ts";
import { decideAction } from "./decide-action.ts";
import { ConflictError } from "./errors.ts";

const owner = { userId: "u1", partyId: "tracing", partyKind: "tracing-authority" as const, role: "caseworker" as const };
const now = new Date(Date.UTC(2026, 5, 1));

function stateOf(details: Record<string, unknown>, more: unknown[] = []) {
  const actions = [{ type: "report", details: { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07", ...details } }, ...more];
  const records: ActionRecord[] = actions.map((a, i) => ({
    caseId: "c1",
    sequence: i + 1,
    clientId: `k${i}`,
    action: CaseActionSchema.parse(a) as CaseAction,
    actor: owner,
    at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));
  return reduceCase(records)!;
}

const share = CaseActionSchema.parse({ type: "share", partyId: "holding", scope: "view" }) as CaseAction;
const noSharing = { consent: { forTracing: true, forSharing: false, givenBy: "guardian" } };
const sharing = { consent: { forTracing: true, forSharing: true, givenBy: "guardian" } };
const basis = { legalBasis: { basis: "court-order", reference: "Court order 12/2026" } };

describe("consent and sharing", () => {
  it("refuses to share a case whose consent forbids sharing", () => {
    expect(() => decideAction({ state: stateOf(noSharing), action: share, actor: owner, relation: "owner", now })).toThrow(ConflictError);
  });

  it("refuses to share with a party the consent does not name", () => {
    const named = stateOf({}, [{ type: "consent-decision", consent: { purpose: "sharing", decision: "granted", givenBy: "guardian", recipients: ["mediator"] } }]);
    expect(() => decideAction({ state: named, action: share, actor: owner, relation: "owner", now })).toThrow(ConflictError);
  });

  it("shares once new consent allows it, or under a recorded legal basis", () => {
    const renewed = stateOf(noSharing, [{ type: "record-consent", consent: { forTracing: true, forSharing: true, givenBy: "guardian" } }]);
    expect(() => decideAction({ state: renewed, action: share, actor: owner, relation: "owner", now })).not.toThrow();
    expect(() => decideAction({ state: stateOf({ ...noSharing, ...basis }), action: share, actor: owner, relation: "owner", now })).not.toThrow();
  });

  it("lets a case into matching across parties only with consent to share or a legal basis", () => {
    expect(mayEnterCrossPartyMatching(stateOf(sharing), now)).toBe(true);
    expect(mayEnterCrossPartyMatching(stateOf(noSharing), now)).toBe(false);
    expect(mayEnterCrossPartyMatching(stateOf({}), now)).toBe(false);
    expect(mayEnterCrossPartyMatching(stateOf({ ...noSharing, ...basis }), now)).toBe(true);
    const withdrawn = stateOf(sharing, [{ type: "record-consent", consent: { forTracing: true, forSharing: false, givenBy: "guardian" } }]);
    expect(mayEnterCrossPartyMatching(withdrawn, now)).toBe(false);
  });

  it("records a legal basis on the case and clears it with an update", () => {
    expect(CaseInputSchema.safeParse({ names: [{ given: "A" }], sex: "M", legalBasis: { basis: "rumour", reference: "x" } }).success).toBe(false);
    const s = stateOf(basis, [{ type: "update-details", patch: { legalBasis: null } }]);
    expect(s.details.legalBasis).toBeUndefined();
    expect(stateOf(basis).details.legalBasis).toEqual(basis.legalBasis);
  });
});
