import { z } from "zod";
import { isPartialDate } from "./partial-date.ts";
import { requiredText } from "./safe-text.ts";

export const SCRIPTS = ["Cyrl", "Latn", "other"] as const;
export const ScriptSchema = z.enum(SCRIPTS);
export type Script = z.infer<typeof ScriptSchema>;

export const NAME_KINDS = ["birth", "current", "alias", "new-after-deportation", "transliteration"] as const;
export const NameKindSchema = z.enum(NAME_KINDS);
export type NameKind = z.infer<typeof NameKindSchema>;

export function detectScript(text: string): Script {
  if (/\p{Script=Cyrillic}/u.test(text)) return "Cyrl";
  if (/\p{Script=Latin}/u.test(text)) return "Latn";
  return "other";
}

const nameText = requiredText(200);
const shortText = requiredText(500);
const longText = requiredText(20_000);

export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(isPartialDate, { message: "expected YYYY, YYYY-MM or YYYY-MM-DD (a real date)" });

export const PersonNameInputSchema = z
  .object({
    given: nameText.optional(),
    family: nameText.optional(),
    patronymic: nameText.optional(),
    script: ScriptSchema.optional(),
    // BCP 47 language the name is written in, when known ("uk", "ru", "uk-Latn").
    lang: requiredText(20).min(2).optional(),
    kind: NameKindSchema.optional(),
  })
  .refine((n) => n.given !== undefined || n.family !== undefined, { message: "a name needs a given or a family name" })
  .transform((n) => ({
    ...n,
    script: n.script ?? detectScript([n.given, n.patronymic, n.family].filter(Boolean).join(" ")),
    kind: n.kind ?? ("birth" as NameKind),
  }));
export type PersonNameInput = z.input<typeof PersonNameInputSchema>;
export type PersonName = z.output<typeof PersonNameInputSchema>;

export const SEXES = ["M", "F", "X", "unknown"] as const;
export const SexSchema = z.enum(SEXES);
export type Sex = z.infer<typeof SexSchema>;

export const SEPARATION_CATEGORIES = [
  "deported",
  "forcibly-transferred",
  "evacuated-without-parents",
  "separated-across-line",
  "other",
] as const;
export const SeparationCategorySchema = z.enum(SEPARATION_CATEGORIES);
export type SeparationCategory = z.infer<typeof SeparationCategorySchema>;

export const SeparationSchema = z.object({
  category: SeparationCategorySchema,
  date: PartialDateSchema.optional(),
  place: shortText.optional(),
  lastKnownLocation: shortText.optional(),
});
export type Separation = z.infer<typeof SeparationSchema>;

// SENSITIVE: never leaves the party that holds the case.
export const ContactDetailsSchema = z.object({
  phone: requiredText(100).optional(),
  email: requiredText(320).min(3).optional(),
  address: shortText.optional(),
  other: shortText.optional(),
});
export type ContactDetails = z.infer<typeof ContactDetailsSchema>;

export const RELATIONS = [
  "mother",
  "father",
  "sibling",
  "grandparent",
  "aunt-uncle",
  "other-relative",
  "legal-guardian",
  "foster-parent",
  "other",
] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;

export const FamilyMemberSchema = z.object({
  relation: RelationSchema,
  given: nameText.optional(),
  family: nameText.optional(),
  patronymic: nameText.optional(),
  birthDate: PartialDateSchema.optional(),
  legalGuardian: z.boolean().default(false),
  contact: ContactDetailsSchema.optional(),
});
export type FamilyMemberInput = z.input<typeof FamilyMemberSchema>;
export type FamilyMember = z.output<typeof FamilyMemberSchema>;

export const CONSENT_GIVERS = ["guardian", "person"] as const;
export const ConsentGiverSchema = z.enum(CONSENT_GIVERS);
export type ConsentGiver = z.infer<typeof ConsentGiverSchema>;

export const ConsentSchema = z.object({
  forTracing: z.boolean(),
  forSharing: z.boolean(),
  // "guardian" is refused once the person has turned 18: consent is then theirs.
  givenBy: ConsentGiverSchema,
  guardianName: nameText.optional(),
  date: PartialDateSchema.optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

// A ground other than consent on which a case may be disclosed to the other side for matching
// and verification (a court's order, a statutory mandate, the channel's agreement between the
// parties, the child's vital interests), recorded with its reference.
export const LEGAL_BASES = ["court-order", "statutory-mandate", "channel-agreement", "vital-interests"] as const;
export const LegalBasisSchema = z.object({
  basis: z.enum(LEGAL_BASES),
  reference: shortText,
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

// Everything a case records about the child. Contact details (inside family), notes and
// health are sensitive: encrypted at rest and shown only to the owning party.
export const CaseInputSchema = z.object({
  names: z.array(PersonNameInputSchema).min(1).max(50),
  sex: SexSchema,
  birthDate: PartialDateSchema.optional(),
  birthDateEstimated: z.boolean().optional(),
  birthPlace: shortText.optional(),
  separation: SeparationSchema.optional(),
  family: z.array(FamilyMemberSchema).max(100).optional(),
  consent: ConsentSchema.optional(),
  legalBasis: LegalBasisSchema.optional(),
  // The child's own expressed views, in their words or a caseworker's summary.
  childViews: longText.optional(),
  notes: longText.optional(),
  health: longText.optional(),
});
export type CaseInput = z.input<typeof CaseInputSchema>;
export type CaseDetailsInput = z.output<typeof CaseInputSchema>;

// Fields an update may replace (consent goes through its own action so the adult rule holds;
// notes are appended, never replaced).
export const CaseDetailsPatchSchema = z
  .object({
    names: z.array(PersonNameInputSchema).min(1).max(50),
    sex: SexSchema,
    birthDate: PartialDateSchema.nullable(),
    birthDateEstimated: z.boolean(),
    birthPlace: shortText.nullable(),
    separation: SeparationSchema.nullable(),
    family: z.array(FamilyMemberSchema).max(100),
    legalBasis: LegalBasisSchema.nullable(),
    childViews: longText.nullable(),
    health: longText.nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: "an update must change at least one field" });
export type CaseDetailsPatch = z.output<typeof CaseDetailsPatchSchema>;

export interface Note {
  text: string;
  at: string;
  byUserId: string;
  byPartyId: string;
}

// The derived details of a case (the reducer keeps them current).
export interface CaseDetails {
  names: PersonName[];
  sex: Sex;
  birthDate?: string;
  birthDateEstimated?: boolean;
  birthPlace?: string;
  separation?: Separation;
  family: FamilyMember[];
  consent?: Consent;
  legalBasis?: LegalBasis;
  childViews?: string;
}
