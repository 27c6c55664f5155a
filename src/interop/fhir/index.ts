// FHIR R4: a child's health summary as an International Patient Summary document, its consent
// as a Consent resource; reading checks the R4 definitions and the document's rules offline.
export { summaryToBundle, uuidFor, type FhirBundle, type FhirResource } from "./summary-to-bundle.ts";
export { consentToResource } from "./consent-resource.ts";
export { FhirRejected, MAX_FHIR_BYTES, parseFhirJson, readHealthConsent, readHealthSummary } from "./read-fhir.ts";
export { validateFhirResource, type FhirIssue } from "./fhir-validator.ts";
