import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HEALTH_PURPOSES, type HealthConsent } from "../../domain/index.ts";
import { consentToResource, FhirRejected, readHealthConsent, validateFhirResource } from "./index.ts";
import { sampleConsent } from "./fhir-samples.ts";

const CASE = "3f1c2b9e-8d7a-4c6b-9e5f-2a1b0c9d8e7f";
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issues(input: Json | string): string[] {
  try {
    readHealthConsent(input, CASE);
    return [];
  } catch (e) {
    if (e instanceof FhirRejected) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
}

describe("the release consent as a FHIR Consent", () => {
  it("names scope, category, the recipient parties, the purposes and the period, and is valid R4", () => {
    const r = consentToResource(sampleConsent(), CASE) as Json;
    expect(validateFhirResource(r)).toEqual([]);
    expect(r.scope.coding[0].code).toBe("patient-privacy");
    expect(r.category[0].coding[0]).toEqual({ system: "http://loinc.org", code: "59284-0" });
    expect(r.provision.actor[0].reference.identifier).toEqual({ system: "urn:homeward:party", value: "ua-ombudsman" });
    expect(r.provision.purpose.map((p: Json) => p.code)).toEqual(["TREAT", "COC"]);
    expect(r.provision.period).toEqual({ start: "2026-05-01", end: "2026-12-31" });
  });

  it("round-trips every consent (property)", () => {
    const day = fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const arb = fc.record({
      status: fc.constantFrom("active", "inactive"),
      recipients: fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), { minLength: 1, maxLength: 4 }),
      purposes: fc.uniqueArray(fc.constantFrom(...HEALTH_PURPOSES), { minLength: 1 }),
      period: fc.tuple(day, fc.option(day, { nil: undefined })).map(([a, b]) => (b === undefined ? { start: a } : a <= b ? { start: a, end: b } : { start: b, end: a })),
      grantor: fc.record({ kind: fc.constantFrom("child", "guardian", "parent", "court") }),
    }).map((c) => ({ ...sampleConsent(), ...c }) as HealthConsent);
    fc.assert(fc.property(arb, (c) => {
      expect(readHealthConsent(JSON.stringify(consentToResource(c, CASE)), CASE)).toEqual(c);
    }), { numRuns: 100, seed: 1310 });
  });

  it("refuses a consent whose parts Homeward would not enforce, naming each", () => {
    const r = consentToResource(sampleConsent(), CASE) as Json;
    r.provision.data = [{ meaning: "related", reference: { reference: "Observation/1" } }];
    r.provision.actor.push({ role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] }, reference: { display: "someone" } });
    r.scope.coding[0].code = "research";
    const found = issues(r);
    expect(found).toContain("Consent.provision.data: not evaluated by Homeward: a consent is kept only when all of it is enforced");
    expect(found).toContain("Consent.provision.actor[1]: each actor is a recipient (IRCP) named by its party identifier");
    expect(found).toContain("Consent.scope: a release of health information is scoped patient-privacy");
  });

  it("refuses a consent about another case, and arbitrary text, with reasons (property)", () => {
    expect(issues(consentToResource(sampleConsent(), "other-case") as Json).join()).toContain("about another case");
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      expect(issues(s).length).toBeGreaterThan(0);
    }), { numRuns: 100, seed: 1311 });
  });
});
