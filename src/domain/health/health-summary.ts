import { z } from "zod";
import { requiredText } from "../safe-text.ts";

// A child's health and services overview as Homeward keeps it: the parts an International
// Patient Summary carries (problems, allergies, medications, immunizations) and the social and
// psychological services the holding side disclosed (services received, plans of care,
// observations). Each item carries its own sensitivity labels, so a psychological assessment can
// be marked restricted while a vaccination is not. Mapped to and from FHIR R4 in src/interop/fhir.

const text = requiredText(2_000);
const shortText = requiredText(200);

// FHIR's date: a year, a year and month, or a full date.
export const FhirDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((d) => d.length < 10 || !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "no such day");

// FHIR's dateTime with a time zone (a full instant), or a date alone.
export const FhirDateTimeSchema = z.union([
  FhirDateSchema,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/, "expected an ISO 8601 date-time with a time zone")
    .refine((d) => !Number.isNaN(Date.parse(d)), "no such instant"),
]);

export const PeriodSchema = z
  .object({ start: FhirDateTimeSchema.optional(), end: FhirDateTimeSchema.optional() })
  .refine((p) => p.start === undefined || p.end === undefined || p.start.slice(0, 10) <= p.end.slice(0, 10), { message: "the period ends before it starts", path: ["end"] });
export type Period = z.infer<typeof PeriodSchema>;

export const CodingSchema = z.object({
  system: z.string().regex(/^(https?:\/\/|urn:)[^\s]{1,300}$/, "a URI"),
  code: z.string().regex(/^[^\s]+( [^\s]+)*$/, "a code (no leading, trailing or double spaces)").max(100),
  display: shortText.optional(),
});
export type Coding = z.infer<typeof CodingSchema>;

// Confidentiality (v3 Confidentiality) and sensitivity (v3 ActCode) labels.
export const CONFIDENTIALITY_LABELS = ["N", "R", "V"] as const;
export const SENSITIVITY_LABELS = ["PSY", "SOC", "SDV", "ETH", "HIV", "BH"] as const;
export const SECURITY_LABELS = [...CONFIDENTIALITY_LABELS, ...SENSITIVITY_LABELS] as const;
export const SecurityLabelSchema = z.enum(SECURITY_LABELS);
export type SecurityLabel = z.infer<typeof SecurityLabelSchema>;
const labels = z.array(SecurityLabelSchema).max(SECURITY_LABELS.length).default([]);

const item = { text, code: CodingSchema.optional(), labels };

export const ProblemSchema = z.object({
  ...item,
  clinicalStatus: z.enum(["active", "recurrence", "relapse", "inactive", "remission", "resolved"]),
  onset: FhirDateTimeSchema.optional(),
});
export const AllergySchema = z.object({
  ...item,
  clinicalStatus: z.enum(["active", "inactive", "resolved"]),
  criticality: z.enum(["low", "high", "unable-to-assess"]).optional(),
});
export const MedicationSchema = z.object({
  ...item,
  status: z.enum(["active", "completed", "entered-in-error", "intended", "stopped", "on-hold", "unknown", "not-taken"]),
  dosage: text.optional(),
  period: PeriodSchema.optional(),
});
export const ImmunizationSchema = z.object({
  ...item,
  status: z.enum(["completed", "not-done"]),
  date: FhirDateTimeSchema,
});

export const SERVICE_CATEGORIES = ["psychosocial", "social", "medical", "educational", "legal", "other"] as const;
export const ServiceCategorySchema = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;

// A service the child received (an Encounter): counselling, a social worker's visits, a clinic.
export const HealthServiceSchema = z.object({
  ...item,
  category: ServiceCategorySchema,
  status: z.enum(["planned", "in-progress", "finished", "cancelled"]),
  period: PeriodSchema.optional(),
  provider: shortText.optional(),
});
// A plan of care or support (a CarePlan).
export const CarePlanSchema = z.object({
  ...item,
  category: ServiceCategorySchema,
  status: z.enum(["draft", "active", "on-hold", "revoked", "completed", "unknown"]),
  period: PeriodSchema.optional(),
});
export const OBSERVATION_CATEGORIES = ["social-history", "survey", "exam", "therapy", "activity"] as const;
// A finding such as a psychological assessment or the child's living situation (an Observation).
export const ObservationSchema = z.object({
  ...item,
  category: z.enum(OBSERVATION_CATEGORIES),
  status: z.enum(["preliminary", "final", "amended"]),
  value: text,
  date: FhirDateTimeSchema.optional(),
});

export const PatientSchema = z.object({
  family: shortText.optional(),
  given: z.array(shortText).max(10).default([]),
  birthDate: FhirDateSchema.optional(),
  gender: z.enum(["male", "female", "other", "unknown"]).optional(),
});

const list = <T extends z.ZodType>(s: T) => z.array(s).max(500).default([]);

export const HealthSummarySchema = z.object({
  // When the summary was composed.
  date: FhirDateTimeSchema,
  // The organisation that composed it (the party holding the child, or a clinic it names).
  author: shortText,
  patient: PatientSchema,
  problems: list(ProblemSchema),
  allergies: list(AllergySchema),
  medications: list(MedicationSchema),
  immunizations: list(ImmunizationSchema),
  services: list(HealthServiceSchema),
  carePlans: list(CarePlanSchema),
  observations: list(ObservationSchema),
});
export type HealthSummaryInput = z.input<typeof HealthSummarySchema>;
export type HealthSummary = z.output<typeof HealthSummarySchema>;
export type Problem = z.output<typeof ProblemSchema>;
export type Allergy = z.output<typeof AllergySchema>;
export type Medication = z.output<typeof MedicationSchema>;
export type Immunization = z.output<typeof ImmunizationSchema>;
export type HealthService = z.output<typeof HealthServiceSchema>;
export type CarePlan = z.output<typeof CarePlanSchema>;
export type HealthObservation = z.output<typeof ObservationSchema>;

export const SUMMARY_LISTS = ["problems", "allergies", "medications", "immunizations", "services", "carePlans", "observations"] as const;
export type SummaryList = (typeof SUMMARY_LISTS)[number];

/**
 * What a psychological or social item is labelled at the least: psychological services and their
 * findings are restricted (R) and psychiatry-sensitive (PSY); social services SOC. Labels already
 * given stay; a stricter confidentiality (V) is kept over R.
 */
export function withDefaultLabels(summary: HealthSummary): HealthSummary {
  const add = <T extends { labels: SecurityLabel[] }>(x: T, extra: readonly SecurityLabel[]): T => {
    const set = new Set<SecurityLabel>(x.labels);
    for (const l of extra) set.add(l);
    if (set.has("V")) set.delete("R");
    if (set.has("R") || set.has("V")) set.delete("N");
    return { ...x, labels: SECURITY_LABELS.filter((l) => set.has(l)) };
  };
  const byCategory = (c: ServiceCategory): SecurityLabel[] => (c === "psychosocial" ? ["PSY", "R"] : c === "social" ? ["SOC", "R"] : []);
  return {
    ...summary,
    problems: summary.problems.map((x) => add(x, [])),
    allergies: summary.allergies.map((x) => add(x, [])),
    medications: summary.medications.map((x) => add(x, [])),
    immunizations: summary.immunizations.map((x) => add(x, [])),
    services: summary.services.map((x) => add(x, byCategory(x.category))),
    carePlans: summary.carePlans.map((x) => add(x, byCategory(x.category))),
    observations: summary.observations.map((x) => add(x, [])),
  };
}

/** The strictest confidentiality of any item: the document as a whole is at least that. */
export function documentConfidentiality(summary: HealthSummary): "N" | "R" | "V" {
  const all = SUMMARY_LISTS.flatMap((k) => (summary[k] as { labels: SecurityLabel[] }[]).flatMap((x) => x.labels));
  return all.includes("V") ? "V" : all.includes("R") ? "R" : "N";
}
