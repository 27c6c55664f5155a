// The code systems and codes the health summary and its consent are written in.

export const LOINC = "http://loinc.org";
export const CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
export const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
export const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
export const PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
export const CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
export const LIST_EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
export const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const IPS_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips";

// Homeward's own identifiers: a case, a party, the kind of one who gave consent, a service's category.
export const CASE_SYSTEM = "urn:homeward:case";
export const PARTY_SYSTEM = "urn:homeward:party";
export const GRANTOR_SYSTEM = "urn:homeward:consent-grantor";
export const SERVICE_CATEGORY_SYSTEM = "urn:homeward:service-category";

/** The LOINC code of a Patient Summary document. */
export const IPS_DOCUMENT_CODE = "60591-5";

/** The sections, in document order: the three IPS requires first. */
export const SECTIONS = [
  { list: "problems", code: "11450-4", title: "Problems", resource: "Condition", required: true },
  { list: "allergies", code: "48765-2", title: "Allergies and intolerances", resource: "AllergyIntolerance", required: true },
  { list: "medications", code: "10160-0", title: "Medication summary", resource: "MedicationStatement", required: true },
  { list: "immunizations", code: "11369-6", title: "Immunizations", resource: "Immunization", required: false },
  { list: "services", code: "46240-8", title: "Social, psychological and medical services received", resource: "Encounter", required: false },
  { list: "carePlans", code: "18776-5", title: "Plan of care", resource: "CarePlan", required: false },
  { list: "observations", code: "29762-2", title: "Social history and assessments", resource: "Observation", required: false },
] as const;
export type SectionDef = (typeof SECTIONS)[number];

export const CONFIDENTIALITY_CODES = new Set(["N", "R", "V"]);
