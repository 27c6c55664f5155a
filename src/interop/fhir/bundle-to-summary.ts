import { HealthSummarySchema, type HealthSummary } from "../../domain/index.ts";
import { CASE_SYSTEM, IPS_DOCUMENT_CODE, LOINC, SECTIONS, type SectionDef } from "./fhir-codes.ts";
import type { FhirIssue } from "./fhir-validator.ts";
import { resourceToItem } from "./resource-to-item.ts";

// An IPS document Bundle (already valid FHIR R4) read into a health summary, with the document
// rules checked here: the Composition first, coded LOINC 60591-5, its subject a Patient of the
// Bundle, the problems, allergies and medications sections stated, every section entry
// resolving to a resource of the section's kind, and no resource left outside the sections.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

interface Entry { index: number; resource: Json }

function indexEntries(entries: unknown[]): Map<string, Entry> {
  const byRef = new Map<string, Entry>();
  entries.forEach((e, index) => {
    const resource = obj(obj(e)?.resource);
    if (!resource) return;
    const full = str(obj(e)?.fullUrl);
    if (full) byRef.set(full, { index, resource });
    const id = str(resource.id);
    if (id) byRef.set(`${String(resource.resourceType)}/${id}`, { index, resource });
  });
  return byRef;
}

const hasLoinc = (v: unknown, code: string) => arr(obj(v)?.coding).some((c) => obj(c)?.system === LOINC && obj(c)?.code === code);

function readPatient(p: Json, caseId: string | undefined, issue: (path: string, m: string) => void, at: string): Json {
  const id = arr(p.identifier).map(obj).find((i) => i?.system === CASE_SYSTEM);
  if (caseId !== undefined && id !== undefined && id.value !== caseId) issue(`${at}.identifier`, `the Patient is case ${String(id.value)}, not case ${caseId}`);
  const names = arr(p.name);
  if (names.length > 1) issue(`${at}.name`, "one name is kept; the case holds the child's other names");
  const name = obj(names[0]) ?? {};
  for (const k of Object.keys(name)) if (k !== "family" && k !== "given") issue(`${at}.name[0].${k}`, "not kept by Homeward");
  for (const k of Object.keys(p)) if (!["resourceType", "id", "meta", "text", "identifier", "name", "gender", "birthDate"].includes(k)) issue(`${at}.${k}`, "not kept by Homeward");
  return { ...(name.family !== undefined ? { family: name.family } : {}), given: name.given ?? [], ...(p.gender !== undefined ? { gender: p.gender } : {}), ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}) };
}

function authorName(ref: Json | undefined, refs: Map<string, Entry>, used: Set<number>): string | undefined {
  if (!ref) return undefined;
  const target = str(ref.reference) ? refs.get(str(ref.reference)!) : undefined;
  if (target) used.add(target.index);
  const r = target?.resource;
  const resolved = str(r?.name) ?? str(obj(arr(r?.name)[0])?.text);
  return str(ref.display) ?? resolved;
}

export type SummaryRead = { ok: true; summary: HealthSummary } | { ok: false; issues: FhirIssue[] };

/** The summary the document holds, or every reason it cannot be taken. `caseId`: the case it must be about. */
export function bundleToSummary(bundle: Json, caseId?: string): SummaryRead {
  const issues: FhirIssue[] = [];
  const issue = (path: string, message: string) => void issues.push({ path, message });
  if (bundle.type !== "document") issue("Bundle.type", `an IPS is a Bundle of type document, not ${JSON.stringify(bundle.type)}`);
  const entries = arr(bundle.entry);
  const composition = obj(obj(entries[0])?.resource);
  if (composition?.resourceType !== "Composition") return { ok: false, issues: [...issues, { path: "Bundle.entry[0]", message: "a document's first entry is its Composition" }] };
  const refs = indexEntries(entries);
  const used = new Set<number>([0]);
  const C = "Bundle.entry[0].resource";
  if (!hasLoinc(composition.type, IPS_DOCUMENT_CODE)) issue(`${C}.type`, `a Patient Summary is typed LOINC ${IPS_DOCUMENT_CODE}`);
  const subject = refs.get(str(obj(composition.subject)?.reference) ?? "");
  if (subject?.resource.resourceType !== "Patient") issue(`${C}.subject`, "the subject must be a Patient entry of the Bundle");
  else used.add(subject.index);
  const patient = subject?.resource.resourceType === "Patient" ? readPatient(subject.resource, caseId, issue, `Bundle.entry[${subject.index}].resource`) : {};
  const author = authorName(obj(arr(composition.author)[0]), refs, used);
  if (author === undefined) issue(`${C}.author`, "the author needs a display or a resolvable name");
  const lists: Partial<Record<SectionDef["list"], Json[]>> = {};
  const origin: Partial<Record<SectionDef["list"], number[]>> = {};
  arr(composition.section).forEach((raw, si) => {
    const s = obj(raw) ?? {};
    const at = `${C}.section[${si}]`;
    const def = SECTIONS.find((d) => hasLoinc(s.code, d.code));
    if (!def) return issue(`${at}.code`, `not a section Homeward keeps (LOINC ${SECTIONS.map((d) => d.code).join(", ")})`);
    if (lists[def.list]) return issue(`${at}.code`, `the ${def.title} section is stated twice`);
    const refsOf = arr(s.entry);
    if (refsOf.length > 0 && s.emptyReason !== undefined) issue(`${at}.emptyReason`, "a section with entries has no empty reason");
    if (refsOf.length === 0 && s.emptyReason === undefined) issue(at, "an empty section states its emptyReason");
    if (arr(s.section).length > 0) issue(`${at}.section`, "nested sections are not kept");
    lists[def.list] = [];
    origin[def.list] = [];
    refsOf.forEach((ref, ei) => {
      const target = refs.get(str(obj(ref)?.reference) ?? "");
      if (!target || target.resource.resourceType !== def.resource) return issue(`${at}.entry[${ei}]`, `must refer to a ${def.resource} entry of the Bundle`);
      used.add(target.index);
      lists[def.list]!.push(resourceToItem(def.list, target.resource, (el, m) => issue(`Bundle.entry[${target.index}].resource.${el}`, m)));
      origin[def.list]!.push(target.index);
    });
  });
  for (const d of SECTIONS) if (d.required && !lists[d.list]) issue(`${C}.section`, `an IPS states its ${d.title} section (LOINC ${d.code}), with entries or an emptyReason`);
  entries.forEach((_, i) => {
    if (!used.has(i)) issue(`Bundle.entry[${i}]`, "not referred to by the Composition: it would not be kept");
  });
  const parsed = HealthSummarySchema.safeParse({ date: composition.date, author, patient, ...lists });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const [list, n] = i.path as [string, number | undefined];
      const entry = typeof n === "number" ? origin[list as SectionDef["list"]]?.[n] : undefined;
      issue(entry !== undefined ? `Bundle.entry[${entry}].resource (${i.path.join(".")})` : i.path.join(".") || "Bundle", i.message);
    }
  }
  return issues.length > 0 || !parsed.success ? { ok: false, issues } : { ok: true, summary: parsed.data };
}
