import type { Report } from "./api/client";

/**
 * Whether `me` still has a signature to give: a verifier or the mediator, before confirmation,
 * and not when this person, or their party in its verifier's place, has signed already.
 */
export function canSign(me: { id: string; role: string; party: string }, r: Pick<Report, "stage" | "signatures">): boolean {
  if (me.role !== "verifier" && me.role !== "mediator") return false;
  if (r.stage === "confirmed") return false;
  return !r.signatures.some((s) => s.user === me.id || (s.party === me.party && s.role !== "drafter"));
}
