import { z } from "zod";
import type { PartyKind } from "./party.ts";

// Which side of the channel a party is on is a property of the case, not of the party: most
// children are sought by Ukraine and held by Russia, but a child can be held by the tracing
// authority and sought by the other side's family. The owner of a case chooses its side when
// reporting it (a tracing request traces, a disclosure holds); a party the owner shares the case
// with to participate (other than a mediator) works it from the other side.
export const CASE_SIDES = ["tracing", "holding"] as const;
export const CaseSideSchema = z.enum(CASE_SIDES);
export type CaseSide = z.infer<typeof CaseSideSchema>;

// The side a party's new case takes when the report does not say.
export function defaultSide(kind: PartyKind): CaseSide {
  return kind === "holding-authority" ? "holding" : "tracing";
}

export function otherSide(side: CaseSide): CaseSide {
  return side === "tracing" ? "holding" : "tracing";
}

// How a party relates to a case: its owner, or a party the owner shared it with.
export type CaseRelation = "owner" | "shared-view" | "shared-participate";

// The side the acting party works a case from; null for mediators and view-only shares.
export function actorSide(caseSide: CaseSide, relation: CaseRelation | null, partyKind: PartyKind): CaseSide | null {
  if (relation === "owner") return caseSide;
  if (relation === "shared-participate" && partyKind !== "mediator") return otherSide(caseSide);
  return null;
}
