import { z } from "zod";
import { requiredText } from "./safe-text.ts";
import { CaseInputSchema, PartialDateSchema } from "./case-details.ts";
import type { CaseInput } from "./case-details.ts";

// What the holding side discloses about a child it holds: beside the case's identity fields
// (every name ever used is in the case's names), how and when the names and citizenship were
// changed and by whom, the child's biography, the social, medical and psychological services
// the child received, and where the child lives now.

const text = requiredText(500);
const longText = requiredText(50_000);

export const NameChangeSchema = z.object({
  // The names before and after, as written in the decision (free text: any script).
  from: text.optional(),
  to: text,
  date: PartialDateSchema.optional(),
  // Who decided it (a registry office, a court, a guardianship body).
  authority: text.optional(),
});
export type NameChange = z.infer<typeof NameChangeSchema>;

export const CitizenshipChangeSchema = z.object({
  // ISO 3166-1 alpha-2 code of the citizenship acquired (or "none" when it was taken away).
  citizenship: z.string().trim().regex(/^([A-Z]{2}|none)$/, "an ISO 3166-1 alpha-2 code such as UA or RU, or none"),
  date: PartialDateSchema.optional(),
  authority: text.optional(),
});
export type CitizenshipChange = z.infer<typeof CitizenshipChangeSchema>;

export const SERVICE_KINDS = ["social", "medical", "psychological", "educational", "legal", "other"] as const;
export const PROVIDER_TYPES = ["state-institution", "municipal", "ngo", "private", "foster-family", "other"] as const;

export const ServiceSchema = z
  .object({
    kind: z.enum(SERVICE_KINDS),
    providerType: z.enum(PROVIDER_TYPES),
    from: PartialDateSchema.optional(),
    until: PartialDateSchema.optional(),
    summary: requiredText(5_000),
  })
  .refine((s) => s.from === undefined || s.until === undefined || s.from <= s.until, {
    message: "the period ends before it starts",
    path: ["until"],
  });
export type Service = z.infer<typeof ServiceSchema>;

export const PLACEMENT_KINDS = ["institution", "foster-family", "adoptive-family", "relatives", "other"] as const;

export const PlacementSchema = z.object({
  kind: z.enum(PLACEMENT_KINDS),
  since: PartialDateSchema.optional(),
  // The institution's name, or the region of a family placement.
  name: text.optional(),
  locality: text.optional(),
  // SENSITIVE: the family's or institution's address stays with the holding side.
  address: text.optional(),
});
export type Placement = z.infer<typeof PlacementSchema>;

export const DisclosureContentSchema = z.object({
  biography: longText,
  nameChanges: z.array(NameChangeSchema).max(50).default([]),
  citizenshipChanges: z.array(CitizenshipChangeSchema).max(20).default([]),
  services: z.array(ServiceSchema).max(200).default([]),
  placement: PlacementSchema.optional(),
});
export type DisclosureContentInput = z.input<typeof DisclosureContentSchema>;
export type DisclosureContent = z.output<typeof DisclosureContentSchema>;

// The disclosure fields a case input may carry beside the case's own (for one body or one CSV row).
export const DISCLOSURE_KEYS = ["biography", "nameChanges", "citizenshipChanges", "services", "placement"] as const;


const partyRef = z.string().min(1).max(63);

// One child disclosed: the case's body, the disclosure's fields beside it, and who may see it
// (the mediator of the channel and the party tracing the child, each given the case to work).
export const DisclosureInputSchema = CaseInputSchema.extend({
  ...DisclosureContentSchema.shape,
  to: partyRef.optional(),
  mediator: partyRef.optional(),
});
export type DisclosureInput = z.input<typeof DisclosureInputSchema>;

// One child sought: only what identification needs travels (the family's contact details and
// the notes stay with the tracing party; see projectCase), addressed to the party believed to
// hold the child and, optionally, the channel's mediator.
export const TracingRequestInputSchema = CaseInputSchema.extend({ to: partyRef, mediator: partyRef.optional() });
export type TracingRequestInput = z.input<typeof TracingRequestInputSchema>;

// Splits a disclosure body into the case's fields, the disclosure's and its addressees.
export function splitDisclosureInput(input: z.output<typeof DisclosureInputSchema>): {
  details: CaseInput;
  content: DisclosureContent;
  to?: string;
  mediator?: string;
} {
  const { biography, nameChanges, citizenshipChanges, services, placement, to, mediator, ...details } = input;
  const content: DisclosureContent = { biography, nameChanges, citizenshipChanges, services, ...(placement ? { placement } : {}) };
  return { details, content, ...(to ? { to } : {}), ...(mediator ? { mediator } : {}) };
}
