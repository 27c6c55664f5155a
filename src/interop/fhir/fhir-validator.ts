import { createRequire } from "node:module";
import type { Fhir as FhirClass } from "fhir";

// Structural validation against the FHIR R4 definitions (resource types, cardinalities, data
// types, required code bindings), by a library whose definitions ship in its own package: no
// network is needed. The library reads anything in its way, so what it trips over becomes a
// message too, never an exception out of here.

const require = createRequire(import.meta.url);
let instance: FhirClass | null = null;
function fhir(): FhirClass {
  if (instance === null) {
    const { Fhir } = require("fhir") as typeof import("fhir");
    instance = new Fhir();
  }
  return instance;
}

export interface FhirIssue {
  // Where: the resource (e.g. Bundle.entry[3].resource) and the element in it.
  path: string;
  message: string;
}

const MAX_DEPTH = 40;

// FHIR JSON has no nulls, and no document of ours nests deeper than a few levels: both are
// refused before the library walks the tree.
function shapeIssues(value: unknown, path: string, depth: number, out: FhirIssue[]): void {
  if (out.length >= 50) return;
  if (value === null) {
    out.push({ path, message: "null is not a FHIR value: leave the element out" });
    return;
  }
  if (typeof value !== "object") return;
  if (depth > MAX_DEPTH) {
    out.push({ path, message: `nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) out.push({ path, message: "an empty array is not a FHIR value: leave the element out" });
    value.forEach((v, i) => shapeIssues(v, `${path}[${i}]`, depth + 1, out));
    return;
  }
  for (const [k, v] of Object.entries(value)) shapeIssues(v, `${path}.${k}`, depth + 1, out);
}

/** Every error the R4 definitions find in `resource` (warnings about code systems it lacks aside). */
export function validateFhirResource(resource: unknown): FhirIssue[] {
  const root = typeof resource === "object" && resource !== null && "resourceType" in resource ? String((resource as { resourceType: unknown }).resourceType) : "resource";
  const shape: FhirIssue[] = [];
  shapeIssues(resource, root, 0, shape);
  if (shape.length > 0) return shape;
  // The library names an entry's resource by its id when it has one: named here by its place.
  const places = new Map<string, string>();
  const entries = (resource as { entry?: unknown }).entry;
  if (Array.isArray(entries)) {
    entries.forEach((e, i) => {
      const id = (e as { resource?: { id?: unknown } }).resource?.id;
      if (typeof id === "string") places.set(id, `Bundle.entry[${i}].resource`);
    });
  }
  try {
    const result = fhir().validate(resource as object, { errorOnUnexpected: true });
    return result.messages
      .filter((m) => m.severity === "error" || m.severity === "fatal")
      .map((m) => {
        const where = m.resourceId === "#initial" ? "" : (places.get(m.resourceId ?? "") ?? m.resourceId);
        return { path: [where, m.location].filter((x) => x).join(": ") || root, message: m.message ?? "invalid" };
      });
  } catch (e) {
    return [{ path: root, message: `the FHIR validator could not read it (${e instanceof Error ? e.message : String(e)})` }];
  }
}
