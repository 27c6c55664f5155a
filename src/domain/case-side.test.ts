import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ActionRecord, CaseAction, CaseActionInput } from "./case-action.ts";
import { ACTION_TYPES, CaseActionSchema } from "./case-action.ts";
import { mayTake } from "./access-policy.ts";
import { actorSide, defaultSide, otherSide } from "./case-side.ts";
import type { CaseSide } from "./case-side.ts";
import { reduceCase, withStateDefaults } from "./case-state.ts";
import type { CaseState } from "./case-state.ts";
import { decideAction } from "./decide-action.ts";
import { ForbiddenError, ValidationError } from "./errors.ts";
import { PARTY_KINDS, ROLES } from "./party.ts";
import type { Actor, PartyKind, Role } from "./party.ts";

const now = new Date("2026-06-01T00:00:00Z");
const child = { names: [{ given: "Марія", family: "Шевченко" }], sex: "F" as const, birthDate: "2013-05-02" };

function caseOf(side: CaseSide, owner: string, shares: Record<string, "view" | "participate"> = {}, extra: CaseActionInput[] = []): CaseState {
  const actions: CaseActionInput[] = [{ type: "report", details: child, side }, { type: "register" }, ...extra];
  const records: ActionRecord[] = actions.map((a, i) => ({
    caseId: "c1",
    sequence: i + 1,
    clientId: `k${i}`,
    action: CaseActionSchema.parse(a) as CaseAction,
    actor: { userId: "u", partyId: owner, role: "caseworker" },
    at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));
  const s = reduceCase(records)!;
  return { ...s, shares };
}

function actor(partyId: string, partyKind: PartyKind, role: Role = "caseworker"): Actor {
  return { userId: `${partyId}-user`, partyId, partyKind, role };
}

function attempt(state: CaseState, who: Actor, relation: "owner" | "shared-participate" | "shared-view", action: CaseActionInput) {
  return () => decideAction({ state, action: CaseActionSchema.parse(action) as CaseAction, actor: who, relation, now });
}

describe("sides per case", () => {
  it("the owner works from the case's side, a participating party from the other, mediators and viewers from none", () => {
    for (const side of ["tracing", "holding"] as const) {
      expect(actorSide(side, "owner", "tracing-authority")).toBe(side);
      expect(actorSide(side, "shared-participate", "holding-authority")).toBe(otherSide(side));
      expect(actorSide(side, "shared-participate", "tracing-authority")).toBe(otherSide(side));
      expect(actorSide(side, "shared-participate", "mediator")).toBeNull();
      expect(actorSide(side, "shared-view", "holding-authority")).toBeNull();
      expect(actorSide(side, null, "holding-authority")).toBeNull();
    }
    expect(defaultSide("holding-authority")).toBe("holding");
    expect(defaultSide("tracing-authority")).toBe("tracing");
    expect(defaultSide("ngo")).toBe("tracing");
  });

  it("a child held by the tracing authority can be located by it on the other side's tracing request", () => {
    // The reverse direction: the holding authority's kind of party seeks a child the tracing authority holds.
    const request = caseOf("tracing", "holding", { tracing: "participate" });
    expect(attempt(request, actor("tracing", "tracing-authority"), "shared-participate", { type: "locate" })()).toEqual({ to: "located" });
    // ... while the usual holding authority may not locate a child on a case it participates in from the tracing side.
    const disclosure = caseOf("holding", "tracing", { holding: "participate" });
    expect(attempt(disclosure, actor("holding", "holding-authority"), "shared-participate", { type: "locate" })).toThrow(ForbiddenError);
  });

  it("only the holding side discloses and only the tracing side sends a tracing request, whatever their kinds", () => {
    const content = { biography: "Lived in a children's home since 2022." };
    const held = caseOf("holding", "tracing");
    expect(attempt(held, actor("tracing", "tracing-authority"), "owner", { type: "disclose", disclosure: content })()).toEqual({ to: "registered" });
    expect(attempt(held, actor("tracing", "tracing-authority"), "owner", { type: "request-tracing", to: "holding" })).toThrow(ForbiddenError);
    const sought = caseOf("tracing", "holding");
    expect(attempt(sought, actor("holding", "holding-authority"), "owner", { type: "request-tracing", to: "tracing" })()).toEqual({ to: "registered" });
    expect(attempt(sought, actor("holding", "holding-authority"), "owner", { type: "disclose", disclosure: content })).toThrow(ForbiddenError);
    expect(attempt(sought, actor("holding", "holding-authority"), "owner", { type: "request-tracing", to: "holding" })).toThrow(ValidationError);
  });

  it("no rule with a side ever lets a mediator or a view-only party act on a case", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTION_TYPES),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...PARTY_KINDS),
        fc.constantFrom("tracing" as const, "holding" as const),
        (type, role, kind, side) => {
          expect(mayTake(type, "shared-view", role, kind, actorSide(side, "shared-view", kind))).toBe(false);
          if (kind === "mediator") {
            // A mediator acts as a mediator, whichever side the case is on.
            const a = mayTake(type, "shared-participate", role, kind, actorSide("tracing", "shared-participate", kind));
            const b = mayTake(type, "shared-participate", role, kind, actorSide("holding", "shared-participate", kind));
            expect(a).toBe(b);
          }
        },
      ),
    );
  });

  it("without a case at hand a party is taken to work from its kind's usual side", () => {
    expect(mayTake("locate", "shared-participate", "caseworker", "holding-authority")).toBe(true);
    expect(mayTake("locate", "shared-participate", "caseworker", "tracing-authority")).toBe(false);
    expect(mayTake("locate", "shared-participate", "caseworker", "tracing-authority", "holding")).toBe(true);
  });

  it("states stored before sides and photos existed read as traced cases without photos", () => {
    const legacy = { ...caseOf("tracing", "t") } as Partial<CaseState>;
    delete legacy.side;
    delete legacy.photos;
    const s = withStateDefaults(legacy as CaseState, "holding");
    expect(s.side).toBe("holding");
    expect(s.photos).toEqual([]);
  });
});
