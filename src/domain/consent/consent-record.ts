import { z } from "zod";
import { requiredText } from "../safe-text.ts";
import { ConsentGiverSchema, PartialDateSchema } from "../case-details.ts";
import type { Consent, ConsentGiver } from "../case-details.ts";

// What a consent is for. Each is given, refused or withdrawn on its own.
export const CONSENT_PURPOSES = ["tracing", "sharing", "return", "health-information"] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

export const CONSENT_DECISIONS = ["granted", "refused", "withdrawn"] as const;
export const ConsentDecisionSchema = z.enum(CONSENT_DECISIONS);
export type ConsentDecision = z.infer<typeof ConsentDecisionSchema>;

const partyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a party id");

// One decision of the one entitled to give consent, for one purpose. `recipients` names the
// parties it is given to (sharing, health information); absent, it covers every party of the
// channel for this case. `validUntil` is the last day it holds.
export const ConsentDecisionInputSchema = z.object({
  purpose: ConsentPurposeSchema,
  decision: ConsentDecisionSchema,
  givenBy: ConsentGiverSchema,
  giverName: requiredText(200).optional(),
  recipients: z.array(partyId).min(1).max(20).optional(),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`))).optional(),
  // When the giver expressed it (may be earlier than when it was recorded).
  date: PartialDateSchema.optional(),
  note: requiredText(2000).optional(),
});
export type ConsentDecisionInput = z.output<typeof ConsentDecisionInputSchema>;

// A decision as recorded on the case: `recordedAt` orders decisions (the latest counts) and
// bounds evaluation in time (a decision recorded after T says nothing about T).
export interface ConsentRecord extends ConsentDecisionInput {
  recordedAt: string;
  sequence: number;
}

// The earlier single-form consent (forTracing / forSharing) read as per-purpose decisions.
export function legacyConsentRecords(consent: Consent, recordedAt: string, sequence: number): ConsentRecord[] {
  const base = { givenBy: consent.givenBy as ConsentGiver, recordedAt, sequence };
  const named = consent.guardianName === undefined ? {} : { giverName: consent.guardianName };
  const dated = consent.date === undefined ? {} : { date: consent.date };
  return [
    { ...base, ...named, ...dated, purpose: "tracing", decision: consent.forTracing ? "granted" : "refused" },
    { ...base, ...named, ...dated, purpose: "sharing", decision: consent.forSharing ? "granted" : "refused" },
  ];
}
