import { HealthConsentSchema, type HealthConsent } from "../../domain/index.ts";
import { ACT_CODE, ACT_REASON, CASE_SYSTEM, CONSENT_SCOPE, GRANTOR_SYSTEM, LOINC, PARTICIPATION_TYPE, PARTY_SYSTEM } from "./fhir-codes.ts";
import type { FhirIssue } from "./fhir-validator.ts";
import type { FhirResource } from "./summary-to-bundle.ts";

// The consent releasing a child's health summary, as a FHIR R4 Consent: scope patient-privacy,
// category LOINC 59284-0 (patient consent), an opt-in policy rule, and one permit provision
// naming the recipient parties (role IRCP, information recipient), the purposes of use (v3
// ActReason) and the period.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const CONSENT_CATEGORY = "59284-0";

export function consentToResource(consent: HealthConsent, caseId: string, id?: string): FhirResource {
  return {
    resourceType: "Consent",
    ...(id ? { id } : {}),
    meta: { security: [{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R" }] },
    status: consent.status,
    scope: { coding: [{ system: CONSENT_SCOPE, code: "patient-privacy" }] },
    category: [{ coding: [{ system: LOINC, code: CONSENT_CATEGORY }] }],
    patient: { identifier: { system: CASE_SYSTEM, value: caseId } },
    dateTime: consent.dateTime,
    performer: [{ identifier: { system: GRANTOR_SYSTEM, value: consent.grantor.kind }, ...(consent.grantor.name ? { display: consent.grantor.name } : {}) }],
    policyRule: { coding: [{ system: ACT_CODE, code: "OPTIN" }] },
    provision: {
      type: "permit",
      period: consent.period,
      actor: consent.recipients.map((p) => ({ role: { coding: [{ system: PARTICIPATION_TYPE, code: "IRCP" }] }, reference: { identifier: { system: PARTY_SYSTEM, value: p } } })),
      purpose: consent.purposes.map((code) => ({ system: ACT_REASON, code })),
    },
  };
}

const has = (v: unknown, system: string, code: string) => arr(obj(v)?.coding).some((c) => obj(c)?.system === system && obj(c)?.code === code);

export type ConsentRead = { ok: true; consent: HealthConsent } | { ok: false; issues: FhirIssue[] };

/** The consent a (valid FHIR R4) Consent resource records, or why Homeward cannot evaluate it. */
export function resourceToConsent(r: Json, caseId?: string): ConsentRead {
  const issues: FhirIssue[] = [];
  const issue = (path: string, message: string) => void issues.push({ path: `Consent.${path}`.replace(/\.$/, ""), message });
  if (!has(r.scope, CONSENT_SCOPE, "patient-privacy")) issue("scope", "a release of health information is scoped patient-privacy");
  if (!arr(r.category).some((c) => has(c, LOINC, CONSENT_CATEGORY))) issue("category", `expected the category LOINC ${CONSENT_CATEGORY} (patient consent)`);
  const patient = obj(obj(r.patient)?.identifier);
  if (caseId !== undefined && patient !== undefined && (patient.system !== CASE_SYSTEM || patient.value !== caseId)) issue("patient", `the consent is about another case than ${caseId}`);
  const status = r.status === "active" ? "active" : r.status === "inactive" || r.status === "rejected" ? "inactive" : undefined;
  if (status === undefined) issue("status", `only active and inactive (withdrawn) consents are kept, not ${JSON.stringify(r.status)}`);
  const p = obj(r.provision);
  if (!p) issue("provision", "the provision names the recipients, purposes and period");
  if (p && p.type !== "permit") issue("provision.type", "the provision permits the release");
  for (const k of Object.keys(p ?? {})) if (!["type", "period", "actor", "purpose"].includes(k)) issue(`provision.${k}`, "not evaluated by Homeward: a consent is kept only when all of it is enforced");
  const recipients = arr(p?.actor).map((a, i) => {
    const ref = obj(obj(a)?.reference)?.identifier;
    if (!has(obj(a)?.role, PARTICIPATION_TYPE, "IRCP") || obj(ref)?.system !== PARTY_SYSTEM) issue(`provision.actor[${i}]`, "each actor is a recipient (IRCP) named by its party identifier");
    return obj(ref)?.value;
  });
  const purposes = arr(p?.purpose).map((c, i) => {
    if (obj(c)?.system !== ACT_REASON) issue(`provision.purpose[${i}]`, `a purpose of use from ${ACT_REASON}`);
    return obj(c)?.code;
  });
  const performer = obj(arr(r.performer)[0]);
  const kind = obj(performer?.identifier)?.system === GRANTOR_SYSTEM ? obj(performer?.identifier)?.value : undefined;
  const parsed = HealthConsentSchema.safeParse({
    status, dateTime: r.dateTime, recipients, purposes, period: p?.period,
    grantor: { kind, ...(performer?.display !== undefined ? { name: performer.display } : {}) },
  });
  if (!parsed.success) for (const i of parsed.error.issues) issue(mapPath(i.path), i.message);
  return issues.length > 0 || !parsed.success ? { ok: false, issues } : { ok: true, consent: parsed.data };
}

function mapPath(path: readonly PropertyKey[]): string {
  const [head, n] = path;
  if (head === "recipients") return n === undefined ? "provision.actor" : `provision.actor[${String(n)}]`;
  if (head === "purposes") return n === undefined ? "provision.purpose" : `provision.purpose[${String(n)}]`;
  if (head === "grantor") return "performer[0]";
  if (head === "period") return `provision.${path.map(String).join(".")}`;
  return path.map(String).join(".");
}
