import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HealthSummarySchema, SECURITY_LABELS, withDefaultLabels, type HealthSummary } from "../../domain/index.ts";
import { FhirRejected, readHealthSummary, summaryToBundle, validateFhirResource } from "./index.ts";
import { sampleHealthSummary } from "./fhir-samples.ts";

const CASE = "3f1c2b9e-8d7a-4c6b-9e5f-2a1b0c9d8e7f";
const bundleOf = (s: HealthSummary) => summaryToBundle(s, { caseId: CASE, timestamp: new Date("2026-06-01T12:00:00Z") });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (x: unknown): Json => JSON.parse(JSON.stringify(x)) as Json;

function rejection(input: unknown): string[] {
  try {
    readHealthSummary(input as Json, CASE);
  } catch (e) {
    if (e instanceof FhirRejected) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe("a health summary as an IPS document Bundle", () => {
  it("is a document whose first entry is the Composition coded LOINC 60591-5, valid against the R4 definitions", () => {
    const b = bundleOf(sampleHealthSummary());
    expect(b.type).toBe("document");
    const composition = b.entry[0]!.resource as Json;
    expect(composition.resourceType).toBe("Composition");
    expect(composition.type.coding[0]).toMatchObject({ system: "http://loinc.org", code: "60591-5" });
    expect(b.entry[1]!.resource.resourceType).toBe("Patient");
    expect(validateFhirResource(b)).toEqual([]);
  });

  it("states every section, an empty one with its empty reason and no entries", () => {
    const composition = bundleOf(sampleHealthSummary({ allergies: [], problems: [] })).entry[0]!.resource as Json;
    const codes = composition.section.map((s: Json) => s.code.coding[0].code);
    expect(codes).toEqual(["11450-4", "48765-2", "10160-0", "11369-6", "46240-8", "18776-5", "29762-2"]);
    const allergies = composition.section[1];
    expect(allergies.entry).toBeUndefined();
    expect(allergies.emptyReason.coding[0]).toMatchObject({ code: "unavailable" });
    expect(allergies.text.div).toContain("No information");
  });

  it("labels psychological and social services and the document as a whole in meta.security", () => {
    const b = bundleOf(sampleHealthSummary());
    const encounter = b.entry.find((e) => e.resource.resourceType === "Encounter")!.resource as Json;
    expect(encounter.meta.security.map((c: Json) => c.code)).toEqual(["R", "PSY"]);
    expect(encounter.meta.security[1].system).toBe("http://terminology.hl7.org/CodeSystem/v3-ActCode");
    const observation = b.entry.find((e) => e.resource.resourceType === "Observation")!.resource as Json;
    expect(observation.meta.security.map((c: Json) => c.code)).toEqual(["V", "PSY"]);
    expect((b.meta as Json).security[0]).toMatchObject({ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "V" });
    const immunization = b.entry.find((e) => e.resource.resourceType === "Immunization")!.resource as Json;
    expect(immunization.meta).toBeUndefined();
  });

  it("reads back what it wrote", () => {
    const s = sampleHealthSummary();
    expect(readHealthSummary(JSON.stringify(bundleOf(s)), CASE)).toEqual(s);
  });

  it("refuses a Bundle whose Composition is not first, or not an IPS, or lacks a required section", () => {
    const b = clone(bundleOf(sampleHealthSummary()));
    const swapped = clone(b);
    [swapped.entry[0], swapped.entry[1]] = [swapped.entry[1], swapped.entry[0]];
    expect(rejection(swapped)).toEqual(["Bundle.entry[0]: a document's first entry is its Composition"]);
    const notIps = clone(b);
    notIps.entry[0].resource.type.coding[0].code = "34133-9";
    expect(rejection(notIps).join()).toContain("LOINC 60591-5");
    const noAllergies = clone(b);
    noAllergies.entry[0].resource.section.splice(1, 1);
    expect(rejection(noAllergies).join()).toContain("Allergies and intolerances section (LOINC 48765-2)");
    const silent = clone(b);
    delete silent.entry[0].resource.section[1].emptyReason;
    expect(rejection(silent)).toEqual(["Bundle.entry[0].resource.section[1]: an empty section states its emptyReason"]);
  });

  it("rejects with the validator's messages what the R4 definitions refuse", () => {
    const b = clone(bundleOf(sampleHealthSummary()));
    b.entry[1].resource.gender = "boy";
    b.entry[1].resource.nickname = "Sasha";
    const messages = rejection(b);
    expect(messages).toContain('Bundle.entry[1].resource: Patient.gender: Code "boy" not found in value set');
    expect(messages).toContain("Bundle.entry[1].resource: Patient.nickname: Unexpected property");
  });

  it("reports what it would not keep instead of dropping it: an unknown label, an unreferenced resource, another case's Patient", () => {
    const b = clone(bundleOf(sampleHealthSummary()));
    const enc = b.entry.findIndex((e: Json) => e.resource.resourceType === "Encounter");
    b.entry[enc].resource.meta.security.push({ system: "http://example.org/labels", code: "SECRET" });
    b.entry.push({ fullUrl: "urn:uuid:0b7d1e0c-1111-4111-8111-000000000001", resource: { resourceType: "Organization", name: "stray" } });
    b.entry[1].resource.identifier[0].value = "00000000-0000-4000-8000-000000000000";
    const messages = rejection(b).join("\n");
    expect(messages).toContain(`Bundle.entry[${enc}].resource.meta.security[2]: the label http://example.org/labels|SECRET is not one Homeward keeps`);
    expect(messages).toContain(`Bundle.entry[${b.entry.length - 1}]: not referred to by the Composition`);
    expect(messages).toContain("the Patient is case 00000000-0000-4000-8000-000000000000");
  });

  it("checks the dates the R4 library leaves unchecked", () => {
    const b = clone(bundleOf(sampleHealthSummary()));
    b.entry[1].resource.birthDate = "2014-02-30";
    expect(rejection(b).join()).toMatch(/patient.birthDate: no such day/);
  });
});

const safe = fc.stringMatching(/^[A-Za-zА-Яа-яІіЇїЄєҐґ0-9][A-Za-zА-Яа-яІіЇїЄєҐґ0-9 ,.'()-]{0,30}$/).map((s) => s.trim()).filter((s) => s.length > 0);
const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const fhirDate = fc.oneof(date, date.map((d) => d.slice(0, 7)), date.map((d) => d.slice(0, 4)));
const labels = fc.subarray([...SECURITY_LABELS]);
const code = fc.option(fc.record({ system: fc.constantFrom("http://snomed.info/sct", "http://loinc.org", "urn:oid:2.16.840.1"), code: fc.stringMatching(/^[0-9A-Z-]{1,10}$/), display: fc.option(safe, { nil: undefined }) }, { requiredKeys: ["system", "code"] }), { nil: undefined });
const base = { text: safe, code, labels };
const period = fc.option(fc.tuple(date, date).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b })), { nil: undefined });
const category = fc.constantFrom("psychosocial", "social", "medical", "educational", "legal", "other");
const summaryArb = fc
  .record({
    date: date,
    author: safe,
    patient: fc.record({ family: fc.option(safe, { nil: undefined }), given: fc.array(safe, { maxLength: 2 }), birthDate: fc.option(fhirDate, { nil: undefined }), gender: fc.option(fc.constantFrom("male", "female", "other", "unknown"), { nil: undefined }) }, { requiredKeys: ["given"] }),
    problems: fc.array(fc.record({ ...base, clinicalStatus: fc.constantFrom("active", "resolved", "remission"), onset: fc.option(fhirDate, { nil: undefined }) }, { requiredKeys: ["text", "labels", "clinicalStatus"] }), { maxLength: 3 }),
    allergies: fc.array(fc.record({ ...base, clinicalStatus: fc.constantFrom("active", "inactive"), criticality: fc.option(fc.constantFrom("low", "high"), { nil: undefined }) }, { requiredKeys: ["text", "labels", "clinicalStatus"] }), { maxLength: 2 }),
    medications: fc.array(fc.record({ ...base, status: fc.constantFrom("active", "completed", "stopped"), dosage: fc.option(safe, { nil: undefined }), period }, { requiredKeys: ["text", "labels", "status"] }), { maxLength: 2 }),
    immunizations: fc.array(fc.record({ ...base, status: fc.constantFrom("completed", "not-done"), date: fhirDate }, { requiredKeys: ["text", "labels", "status", "date"] }), { maxLength: 2 }),
    services: fc.array(fc.record({ ...base, category, status: fc.constantFrom("planned", "finished"), period, provider: fc.option(safe, { nil: undefined }) }, { requiredKeys: ["text", "labels", "category", "status"] }), { maxLength: 2 }),
    carePlans: fc.array(fc.record({ ...base, category, status: fc.constantFrom("active", "completed"), period }, { requiredKeys: ["text", "labels", "category", "status"] }), { maxLength: 2 }),
    observations: fc.array(fc.record({ ...base, category: fc.constantFrom("social-history", "survey"), status: fc.constantFrom("final", "preliminary"), value: safe, date: fc.option(fhirDate, { nil: undefined }) }, { requiredKeys: ["text", "labels", "category", "status", "value"] }), { maxLength: 2 }),
  })
  .map((raw) => withDefaultLabels(HealthSummarySchema.parse(JSON.parse(JSON.stringify(raw)))));

describe("the FHIR importer", () => {
  it("round-trips every summary losslessly (property)", () => {
    fc.assert(fc.property(summaryArb, (s) => {
      const b = bundleOf(s);
      expect(validateFhirResource(b)).toEqual([]);
      expect(readHealthSummary(JSON.stringify(b), CASE)).toEqual(s);
    }), { numRuns: 60, seed: 1307 });
  });

  it("answers arbitrary bytes with a rejection that says why, never a crash (property)", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const issues = rejection(bytes);
      expect(issues.length).toBeGreaterThan(0);
    }), { numRuns: 200, seed: 1308 });
  });

  it("answers a valid Bundle with any element replaced by any JSON value with a summary or a rejection listing its problems (property)", () => {
    const valid = clone(bundleOf(sampleHealthSummary()));
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    };
    walk(valid, []);
    fc.assert(fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
      const b = clone(valid);
      let at: Json = b;
      for (const k of path.slice(0, -1)) at = at[k];
      at[path.at(-1)!] = value;
      try {
        const s = readHealthSummary(b, CASE);
        expect(HealthSummarySchema.safeParse(s).success).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(FhirRejected);
        expect((e as FhirRejected).issues.length).toBeGreaterThan(0);
      }
    }), { numRuns: 400, seed: 1309 });
  });
});
