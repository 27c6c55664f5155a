import { SECURITY_LABELS, type SecurityLabel } from "../../domain/index.ts";
import {
  ACT_CODE, ALLERGY_CLINICAL, CONDITION_CLINICAL, CONFIDENTIALITY, OBSERVATION_CATEGORY, SERVICE_CATEGORY_SYSTEM, type SectionDef,
} from "./fhir-codes.ts";

// One section entry's resource read back into a summary item. What Homeward does not keep is
// reported, not dropped: an importer that silently lost a sensitivity label or a dose would
// hand on less than it was given.

type Json = Record<string, unknown>;
export type Report = (element: string, message: string) => void;

const obj = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

// The elements each resource may carry; anything else would be lost on import.
const COMMON = ["resourceType", "id", "meta", "text"];
const ALLOWED: Record<SectionDef["resource"], readonly string[]> = {
  Condition: [...COMMON, "clinicalStatus", "code", "subject", "onsetDateTime"],
  AllergyIntolerance: [...COMMON, "clinicalStatus", "criticality", "code", "patient"],
  MedicationStatement: [...COMMON, "status", "medicationCodeableConcept", "subject", "effectivePeriod", "dosage"],
  Immunization: [...COMMON, "status", "vaccineCode", "patient", "occurrenceDateTime"],
  Encounter: [...COMMON, "status", "class", "type", "serviceType", "subject", "period", "serviceProvider"],
  CarePlan: [...COMMON, "status", "intent", "category", "description", "subject", "period"],
  Observation: [...COMMON, "status", "category", "code", "subject", "effectiveDateTime", "valueString"],
};

function labelsOf(r: Json, report: Report): SecurityLabel[] {
  const m = obj(r.meta);
  if (m === undefined) return [];
  for (const k of Object.keys(m)) if (k !== "security" && k !== "profile") report(`meta.${k}`, "not kept by Homeward");
  const out: SecurityLabel[] = [];
  arr(m.security).forEach((c, i) => {
    const code = str(obj(c)?.code);
    const system = str(obj(c)?.system);
    const known = (SECURITY_LABELS as readonly string[]).includes(code ?? "") && (system === CONFIDENTIALITY || system === ACT_CODE);
    if (!known) report(`meta.security[${i}]`, `the label ${system ?? "?"}|${code ?? "?"} is not one Homeward keeps (v3 Confidentiality N, R, V; v3 ActCode ${SECURITY_LABELS.slice(3).join(", ")})`);
    else out.push(code as SecurityLabel);
  });
  return out;
}

// A CodeableConcept: its text (the display of its one coding when there is no text) and that coding.
function conceptOf(v: unknown, element: string, report: Report): { text?: string; code?: { system: string; code: string; display?: string } } {
  const c = obj(v);
  if (c === undefined) return {};
  const codings = arr(c.coding).map(obj).filter((x) => x !== undefined);
  if (codings.length > 1) report(`${element}.coding`, "only one coding per concept is kept");
  const first = codings[0];
  const code = first && str(first.system) && str(first.code) ? { system: str(first.system)!, code: str(first.code)!, ...(str(first.display) ? { display: str(first.display)! } : {}) } : undefined;
  if (first && !code) report(`${element}.coding[0]`, "a coding needs its system and code");
  return { ...(code ? { code } : {}), ...(str(c.text) ?? code?.display ? { text: str(c.text) ?? code?.display } : {}) };
}

function codeIn(v: unknown, system: string, element: string, report: Report): string | undefined {
  const coding = arr(obj(v)?.coding).map(obj).find((c) => c?.system === system);
  const code = str(coding?.code);
  if (code === undefined) report(element, `expected a coding from ${system}`);
  return code;
}

// Undefined-valued keys left out, so that what was absent stays absent.
function defined(x: Json): Json {
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined));
}

/** The item the resource stands for (unchecked: the summary schema checks it next). */
export function resourceToItem(list: SectionDef["list"], r: Json, report: Report): Json {
  const type = str(r.resourceType) as SectionDef["resource"];
  for (const k of Object.keys(r)) if (!(ALLOWED[type] ?? COMMON).includes(k)) report(k, "not kept by Homeward");
  const labels = labelsOf(r, report);
  switch (list) {
    case "problems":
      return defined({ ...conceptOf(r.code, "code", report), labels, clinicalStatus: codeIn(r.clinicalStatus, CONDITION_CLINICAL, "clinicalStatus", report), onset: r.onsetDateTime });
    case "allergies":
      return defined({ ...conceptOf(r.code, "code", report), labels, clinicalStatus: codeIn(r.clinicalStatus, ALLERGY_CLINICAL, "clinicalStatus", report), criticality: r.criticality });
    case "medications": {
      const dosage = arr(r.dosage);
      if (dosage.length > 1) report("dosage", "only one dosage is kept");
      const d = obj(dosage[0]);
      if (d) for (const k of Object.keys(d)) if (k !== "text") report(`dosage[0].${k}`, "only the dosage's text is kept");
      return defined({ ...conceptOf(r.medicationCodeableConcept, "medicationCodeableConcept", report), labels, status: r.status, dosage: d?.text, period: r.effectivePeriod });
    }
    case "immunizations":
      return defined({ ...conceptOf(r.vaccineCode, "vaccineCode", report), labels, status: r.status, date: r.occurrenceDateTime });
    case "services": {
      const category = codeIn(arr(r.type)[0], SERVICE_CATEGORY_SYSTEM, "type[0]", report);
      const provider = obj(r.serviceProvider);
      if (provider && Object.keys(provider).some((k) => k !== "display")) report("serviceProvider", "only the provider's display name is kept");
      return defined({ ...conceptOf(r.serviceType, "serviceType", report), labels, category, status: r.status, period: r.period, provider: provider?.display });
    }
    case "carePlans": {
      const cats = arr(r.category);
      const category = codeIn(cats[0], SERVICE_CATEGORY_SYSTEM, "category[0]", report);
      if (cats.length > 2) report("category", "a category of Homeward's and one code are kept");
      const code = cats[1] === undefined ? {} : conceptOf(cats[1], "category[1]", report);
      return defined({ text: r.description, ...(code.code ? { code: code.code } : {}), labels, category, status: r.status, period: r.period });
    }
    case "observations":
      return defined({
        ...conceptOf(r.code, "code", report), labels, category: codeIn(arr(r.category)[0], OBSERVATION_CATEGORY, "category[0]", report),
        status: r.status, value: r.valueString, date: r.effectiveDateTime,
      });
  }
}
