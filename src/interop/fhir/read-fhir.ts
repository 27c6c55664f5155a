import type { HealthConsent, HealthSummary } from "../../domain/index.ts";
import { bundleToSummary } from "./bundle-to-summary.ts";
import { resourceToConsent } from "./consent-resource.ts";
import { validateFhirResource, type FhirIssue } from "./fhir-validator.ts";

// Reading what arrives as FHIR JSON (an HTTP body, a file): text, then JSON, then the R4
// definitions, then the document's or the consent's own rules. Whatever is wrong is one
// FhirRejected with every issue found, never a crash.

export class FhirRejected extends Error {
  readonly issues: readonly FhirIssue[];
  constructor(issues: readonly FhirIssue[]) {
    super(`the FHIR resource was rejected: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join("; ")}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ""}`);
    this.issues = issues;
  }
}

export const MAX_FHIR_BYTES = 1024 * 1024;

/** JSON from bytes or text, as an object. */
export function parseFhirJson(input: Uint8Array | string): Record<string, unknown> {
  if (typeof input !== "string" && input.byteLength > MAX_FHIR_BYTES) throw new FhirRejected([{ path: "", message: `larger than ${MAX_FHIR_BYTES} bytes` }]);
  let text: string;
  try {
    text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    throw new FhirRejected([{ path: "", message: "not valid UTF-8 text" }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new FhirRejected([{ path: "", message: `not JSON (${(e as Error).message})` }]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new FhirRejected([{ path: "", message: "a FHIR resource is a JSON object" }]);
  return value as Record<string, unknown>;
}

function expectType(resource: Record<string, unknown>, type: string): void {
  if (resource.resourceType !== type) throw new FhirRejected([{ path: "resourceType", message: `expected a ${type}, got ${JSON.stringify(resource.resourceType ?? null)}` }]);
  const issues = validateFhirResource(resource);
  if (issues.length > 0) throw new FhirRejected(issues);
}

/** The health summary an IPS document Bundle holds (about `caseId` when given). */
export function readHealthSummary(input: Uint8Array | string | Record<string, unknown>, caseId?: string): HealthSummary {
  const bundle = typeof input === "object" && !(input instanceof Uint8Array) ? input : parseFhirJson(input);
  expectType(bundle, "Bundle");
  const read = bundleToSummary(bundle, caseId);
  if (!read.ok) throw new FhirRejected(read.issues);
  return read.summary;
}

/** The consent a FHIR Consent resource records (about `caseId` when given). */
export function readHealthConsent(input: Uint8Array | string | Record<string, unknown>, caseId?: string): HealthConsent {
  const resource = typeof input === "object" && !(input instanceof Uint8Array) ? input : parseFhirJson(input);
  expectType(resource, "Consent");
  const read = resourceToConsent(resource, caseId);
  if (!read.ok) throw new FhirRejected(read.issues);
  return read.consent;
}
