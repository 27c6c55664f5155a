import { createHash } from "node:crypto";
import { documentConfidentiality, type Coding, type HealthSummary, type Period, type SecurityLabel } from "../../domain/index.ts";
import {
  ACT_CODE, ALLERGY_CLINICAL, CASE_SYSTEM, CONDITION_CLINICAL, CONFIDENTIALITY, CONFIDENTIALITY_CODES, IPS_DOCUMENT_CODE, IPS_PROFILE,
  LIST_EMPTY_REASON, LOINC, OBSERVATION_CATEGORY, SECTIONS, SERVICE_CATEGORY_SYSTEM, type SectionDef,
} from "./fhir-codes.ts";

// A child's health summary as an International Patient Summary document: a Bundle of type
// document whose first entry is the Composition (LOINC 60591-5), then the Patient, the author
// and each item of each section. Every section is stated, an empty one with its empty reason.
// Sensitive items carry their labels in meta.security; the document carries the strictest.

export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;
export interface FhirBundle {
  resourceType: "Bundle";
  type: string;
  entry: { fullUrl: string; resource: FhirResource }[];
  [k: string]: unknown;
}

/** A stable UUID for a part of a case's document, so the same summary gives the same document. */
export function uuidFor(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function securityCodings(labels: readonly SecurityLabel[]): Coding[] {
  return labels.map((l) => ({ system: CONFIDENTIALITY_CODES.has(l) ? CONFIDENTIALITY : ACT_CODE, code: l }));
}

const meta = (labels: readonly SecurityLabel[]) => (labels.length > 0 ? { meta: { security: securityCodings(labels) } } : {});
const concept = (text: string, code?: Coding) => ({ ...(code ? { coding: [code] } : {}), text });
const status = (system: string, code: string) => ({ coding: [{ system, code }] });
const period = (p?: Period) => (p && (p.start || p.end) ? p : undefined);
const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function escapeXml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function narrative(lines: readonly string[]) {
  const body = lines.length === 0 ? "<p>No information available.</p>" : `<ul>${lines.map((l) => `<li>${escapeXml(l)}</li>`).join("")}</ul>`;
  return { status: "generated", div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}

type Item<L extends SectionDef["list"]> = HealthSummary[L][number];

// One resource per item; `subject` is the reference to the Patient.
function itemResource(list: SectionDef["list"], x: Item<typeof list>, subject: { reference: string }): FhirResource {
  switch (list) {
    case "problems": {
      const p = x as Item<"problems">;
      return { resourceType: "Condition", ...meta(p.labels), clinicalStatus: status(CONDITION_CLINICAL, p.clinicalStatus), code: concept(p.text, p.code), subject, ...opt("onsetDateTime", p.onset) };
    }
    case "allergies": {
      const a = x as Item<"allergies">;
      return { resourceType: "AllergyIntolerance", ...meta(a.labels), clinicalStatus: status(ALLERGY_CLINICAL, a.clinicalStatus), ...opt("criticality", a.criticality), code: concept(a.text, a.code), patient: subject };
    }
    case "medications": {
      const m = x as Item<"medications">;
      return {
        resourceType: "MedicationStatement", ...meta(m.labels), status: m.status, medicationCodeableConcept: concept(m.text, m.code), subject,
        ...opt("effectivePeriod", period(m.period)), ...(m.dosage ? { dosage: [{ text: m.dosage }] } : {}),
      };
    }
    case "immunizations": {
      const i = x as Item<"immunizations">;
      return { resourceType: "Immunization", ...meta(i.labels), status: i.status, vaccineCode: concept(i.text, i.code), patient: subject, occurrenceDateTime: i.date };
    }
    case "services": {
      const s = x as Item<"services">;
      return {
        resourceType: "Encounter", ...meta(s.labels), status: s.status, class: { system: ACT_CODE, code: "AMB" },
        type: [status(SERVICE_CATEGORY_SYSTEM, s.category)], serviceType: concept(s.text, s.code), subject,
        ...opt("period", period(s.period)), ...(s.provider ? { serviceProvider: { display: s.provider } } : {}),
      };
    }
    case "carePlans": {
      const c = x as Item<"carePlans">;
      return {
        resourceType: "CarePlan", ...meta(c.labels), status: c.status, intent: "plan",
        category: [status(SERVICE_CATEGORY_SYSTEM, c.category), ...(c.code ? [{ coding: [c.code] }] : [])],
        description: c.text, subject, ...opt("period", period(c.period)),
      };
    }
    case "observations": {
      const o = x as Item<"observations">;
      return {
        resourceType: "Observation", ...meta(o.labels), status: o.status, category: [status(OBSERVATION_CATEGORY, o.category)],
        code: concept(o.text, o.code), subject, ...opt("effectiveDateTime", o.date), valueString: o.value,
      };
    }
  }
}

function itemLine(list: SectionDef["list"], x: Item<typeof list>): string {
  const base = x.text;
  if (list === "observations") return `${base}: ${(x as Item<"observations">).value}`;
  if (list === "immunizations") return `${base} (${(x as Item<"immunizations">).date})`;
  return base;
}

export interface BundleOptions {
  caseId: string;
  // When the document is put together (Bundle.timestamp).
  timestamp: Date;
}

/** The summary as an IPS document Bundle. */
export function summaryToBundle(summary: HealthSummary, options: BundleOptions): FhirBundle {
  const seed = (part: string) => uuidFor(`homeward-ips\0${options.caseId}\0${part}`);
  const patientId = seed("patient");
  const authorId = seed("author");
  const compositionId = seed("composition");
  const subject = { reference: `urn:uuid:${patientId}` };
  const items: { fullUrl: string; resource: FhirResource }[] = [];
  const sections = SECTIONS.map((def) => {
    const list = summary[def.list] as Item<typeof def.list>[];
    const refs = list.map((x, i) => {
      const id = seed(`${def.list}/${i}`);
      items.push({ fullUrl: `urn:uuid:${id}`, resource: { ...itemResource(def.list, x, subject), id } });
      return { reference: `urn:uuid:${id}` };
    });
    return {
      title: def.title,
      code: { coding: [{ system: LOINC, code: def.code }] },
      text: narrative(list.map((x) => itemLine(def.list, x))),
      ...(refs.length > 0 ? { entry: refs } : { emptyReason: status(LIST_EMPTY_REASON, "unavailable") }),
    };
  });
  const conf = documentConfidentiality(summary);
  const p = summary.patient;
  const patient: FhirResource = {
    resourceType: "Patient", id: patientId,
    identifier: [{ system: CASE_SYSTEM, value: options.caseId }],
    ...(p.family !== undefined || p.given.length > 0 ? { name: [{ ...opt("family", p.family), ...(p.given.length > 0 ? { given: p.given } : {}) }] } : {}),
    ...opt("gender", p.gender), ...opt("birthDate", p.birthDate),
  };
  const composition: FhirResource = {
    resourceType: "Composition", id: compositionId, meta: { security: securityCodings([conf]) },
    status: "final", type: { coding: [{ system: LOINC, code: IPS_DOCUMENT_CODE, display: "Patient summary Document" }] },
    subject, date: summary.date, author: [{ reference: `urn:uuid:${authorId}` }],
    title: "International Patient Summary", confidentiality: conf, section: sections,
  };
  return {
    resourceType: "Bundle",
    id: seed("bundle"),
    meta: { profile: [IPS_PROFILE], security: securityCodings([conf]) },
    identifier: { system: "urn:ietf:rfc:3986", value: `urn:uuid:${seed("document")}` },
    type: "document",
    timestamp: options.timestamp.toISOString(),
    entry: [
      { fullUrl: `urn:uuid:${compositionId}`, resource: composition },
      { fullUrl: `urn:uuid:${patientId}`, resource: patient },
      { fullUrl: `urn:uuid:${authorId}`, resource: { resourceType: "Organization", id: authorId, name: summary.author } },
      ...items,
    ],
  };
}
