import { z } from "zod";
import { requiredText } from "./safe-text.ts";

export const PARTY_KINDS = ["tracing-authority", "holding-authority", "mediator", "ngo"] as const;
export const PartyKindSchema = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof PartyKindSchema>;

// verifier: the one who may sign for a party.
export const ROLES = ["caseworker", "verifier", "mediator", "auditor", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PartySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lowercase letters, digits and dashes"),
  name: requiredText(200),
  kind: PartyKindSchema,
});
export type Party = z.infer<typeof PartySchema>;

// Who takes an action or reads a case, as the policy sees them.
export interface Actor {
  userId: string;
  partyId: string;
  partyKind: PartyKind;
  role: Role;
}
