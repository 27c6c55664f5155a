import { z } from "zod";
import { requiredText } from "../safe-text.ts";
import { FhirDateTimeSchema } from "./health-summary.ts";

// The consent that releases a child's health summary: who gave it, to which parties, for which
// purposes, for how long. Kept as a FHIR Consent resource (src/interop/fhir/consent-resource.ts)
// and evaluated by the store on every read of the summary.

// Purposes of use (HL7 v3 ActReason) a release may name.
export const HEALTH_PURPOSES = ["TREAT", "COC", "CAREMGT", "FAMRQT", "PUBHLTH", "HLEGAL"] as const;
export const HealthPurposeSchema = z.enum(HEALTH_PURPOSES);
export type HealthPurpose = z.infer<typeof HealthPurposeSchema>;

export const CONSENT_GRANTORS = ["child", "guardian", "parent", "court"] as const;

const partyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a party id");

export const HealthConsentSchema = z
  .object({
    // inactive: withdrawn (or superseded); nothing is released under it any more.
    status: z.enum(["active", "inactive"]),
    // When the consent was given.
    dateTime: FhirDateTimeSchema,
    grantor: z.object({ kind: z.enum(CONSENT_GRANTORS), name: requiredText(200).optional() }),
    recipients: z.array(partyId).min(1).max(20),
    purposes: z.array(HealthPurposeSchema).min(1).max(HEALTH_PURPOSES.length),
    period: z.object({ start: FhirDateTimeSchema, end: FhirDateTimeSchema.optional() }),
  })
  .refine((c) => c.period.end === undefined || c.period.start.slice(0, 10) <= c.period.end.slice(0, 10), { message: "the period ends before it starts", path: ["period", "end"] })
  .refine((c) => new Set(c.recipients).size === c.recipients.length, { message: "a party is named twice", path: ["recipients"] })
  .refine((c) => new Set(c.purposes).size === c.purposes.length, { message: "a purpose is named twice", path: ["purposes"] });
export type HealthConsent = z.infer<typeof HealthConsentSchema>;

// A date alone starts at its first instant and ends after its last one.
function instant(value: string, edge: "start" | "end"): number {
  if (value.length === 4) return Date.parse(edge === "start" ? `${value}-01-01T00:00:00Z` : `${Number(value) + 1}-01-01T00:00:00Z`);
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number) as [number, number];
    return edge === "start" ? Date.UTC(y, m - 1, 1) : Date.UTC(y, m, 1);
  }
  if (value.length === 10) return Date.parse(`${value}T00:00:00Z`) + (edge === "end" ? 86_400_000 : 0);
  return Date.parse(value);
}

export type HealthConsentDecision = { permit: true } | { permit: false; reason: string };

/** Whether the consent releases the summary to this party for this purpose at this time. */
export function healthConsentPermits(consent: HealthConsent | null, request: { party: string; purpose: HealthPurpose; now: Date }): HealthConsentDecision {
  if (consent === null) return { permit: false, reason: "no consent to release this child's health summary is recorded" };
  if (consent.status !== "active") return { permit: false, reason: "the consent was withdrawn" };
  const t = request.now.getTime();
  if (t < instant(consent.period.start, "start")) return { permit: false, reason: "the consent is not in force yet" };
  if (consent.period.end !== undefined && t >= instant(consent.period.end, "end")) return { permit: false, reason: "the consent's period has ended" };
  if (!consent.recipients.includes(request.party)) return { permit: false, reason: "the consent does not name your party" };
  if (!consent.purposes.includes(request.purpose)) return { permit: false, reason: `the consent does not cover the purpose ${request.purpose}` };
  return { permit: true };
}
