import fc from "fast-check";

// Requests generated from the API's own OpenAPI document: a plausible request for each
// operation (from the schemas' examples, enums and bounds), then each field in turn replaced
// by something hostile. New routes are fuzzed as soon as the document lists them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: Json[];
  example?: Json;
  default?: Json;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export type Location = "path" | "query" | "header" | "body";

export interface Operation {
  method: string;
  path: string;
  params: Parameter[];
  bodySchema: Schema | null;
}

export interface Field {
  location: Location;
  // For the body, the JSON path of the field; for parameters, its name.
  path: (string | number)[];
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  // A JSON value, or raw text when the body itself is what is broken.
  body?: { json: Json } | { raw: string; contentType: string };
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const body = op.requestBody?.content?.["application/json"]?.schema ?? null;
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], bodySchema: body });
    }
  }
  return ops;
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 20 && s.$ref !== undefined; i++) {
    const name = s.$ref.replace("#/components/schemas/", "");
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

/** A plausible value for `schema`: its example, a default, an enum's first value, or one built from its shape (every optional property included). */
export function sampleOf(doc: OpenApiDocument, schema: Schema, depth = 0): Json {
  const s = resolve(doc, schema);
  // An object's example may leave optional properties out: they are fuzzed too.
  const isObjectExample = s.example !== null && typeof s.example === "object" && !Array.isArray(s.example);
  if (s.example !== undefined && !(isObjectExample && s.properties !== undefined)) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum !== undefined && s.enum.length > 0) return s.enum[0]!;
  if (depth > 8) return null;
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives !== undefined && alternatives.length > 0) return sampleOf(doc, alternatives[0]!, depth + 1);
  if (s.allOf !== undefined) {
    const merged: Record<string, Json> = {};
    for (const part of s.allOf) {
      const v = sampleOf(doc, part, depth + 1);
      if (v !== null && typeof v === "object" && !Array.isArray(v)) Object.assign(merged, v);
    }
    return merged;
  }
  switch (s.type) {
    case "object": {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sampleOf(doc, v, depth + 1);
      return isObjectExample ? { ...out, ...(s.example as Record<string, Json>) } : out;
    }
    case "array":
      return s.items === undefined ? [] : [sampleOf(doc, s.items, depth + 1)];
    case "integer":
    case "number":
      return s.minimum ?? (s.maximum !== undefined && s.maximum < 1 ? s.maximum : 1);
    case "boolean":
      return true;
    case "string":
      if (s.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (s.format === "date-time") return "2026-01-01T00:00:00.000Z";
      return "x".repeat(Math.max(1, s.minLength ?? 1));
    default:
      return s.properties !== undefined ? sampleOf(doc, { ...s, type: "object" }, depth) : "x";
  }
}

/** Every leaf and container of a JSON value, as paths (the root excluded). */
export function fieldPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...prefix, i], ...fieldPaths(v, [...prefix, i]));
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...fieldPaths(v, [...prefix, k]));
  }
  return out;
}

function setAt(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)] ?? null, rest, replacement);
    return copy;
  }
  if (value !== null && typeof value === "object") {
    const copy: Record<string, Json> = { ...value };
    if (rest.length === 0 && replacement === undefined) delete copy[String(head)];
    else copy[String(head)] = setAt(copy[String(head)] ?? null, rest, replacement);
    return copy;
  }
  return value;
}

// Hostile values. `undefined` removes the field.
const NUL = "a\u0000b";
const LONE_HIGH = "a\ud800b";
const LONE_LOW = "\udc00";
const CONTROL = "a\u0007\u001b[31mb\u007f";
const HUGE = "Щ".repeat(60_000);

// Every field of every operation gets each of these; the random values go further.
export const CORE_BAD_VALUES: readonly (Json | undefined)[] = [NUL, LONE_HIGH, CONTROL, "", HUGE, 12345, null, {}, undefined];
const MORE_BAD_VALUES: readonly (Json | undefined)[] = [LONE_LOW, -1, 1e308, true, [], [NUL], { "k\u0000": 1 }];

/** Hostile values: wrong types, NUL, unpaired surrogates, control characters, huge and empty values, random text. */
export function badValue(): fc.Arbitrary<Json | undefined> {
  const nasty = fc.constantFrom("\u0000", "\ud800", "\udfff", "\u0001", "\u0008", "\u000b", "\u001f", "\u007f", "\u0085", "\r", "\uffff", "\u202e");
  const text = fc.string({ unit: "binary", maxLength: 40 });
  const injected = fc.tuple(text, nasty, text).map(([a, b, c]) => a + b + c);
  const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  return fc.oneof(
    fc.constantFrom(...CORE_BAD_VALUES, ...MORE_BAD_VALUES),
    injected,
    text,
    fc.integer(),
    fc.double(),
    fc.string({ minLength: 5000, maxLength: 20_000 }),
    json,
    fc.array(injected, { maxLength: 3 }),
  );
}

/** A value for a URL or header: there only text travels. */
export function asText(value: Json | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export interface Baseline {
  params: Record<string, string>;
  body: Json | null;
}

/** The plausible request of an operation: path parameters from `known` (real ids) where given. */
export function baselineOf(doc: OpenApiDocument, op: Operation, known: (op: Operation, name: string) => string | undefined): Baseline {
  const params: Record<string, string> = {};
  for (const p of op.params) {
    if (p.in === "cookie") continue;
    const fromKnown = known(op, p.name);
    if (fromKnown !== undefined) params[`${p.in}:${p.name}`] = fromKnown;
    else if (p.in === "path" || p.required) params[`${p.in}:${p.name}`] = asText(sampleOf(doc, p.schema ?? { type: "string" })) ?? "x";
  }
  return { params, body: op.bodySchema === null ? null : sampleOf(doc, op.bodySchema) };
}

/** Every field the fuzzer varies: each parameter (declared, used or not) and each place in the body. */
export function fieldsOf(op: Operation, baseline: Baseline): Field[] {
  const fields: Field[] = op.params.filter((p) => p.in !== "cookie").map((p) => ({ location: p.in as Location, path: [p.name] }));
  if (baseline.body !== null) {
    fields.push({ location: "body", path: [] });
    for (const path of fieldPaths(baseline.body)) fields.push({ location: "body", path });
  }
  return fields;
}

/** Encodes a path segment so that any text, however broken, reaches the router as that text. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // Unpaired surrogates cannot be percent-encoded as UTF-8; send what a client would: U+FFFD.
    return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
  }
}

/** The request with `field` set to `value` (removed when undefined). */
export function buildRequest(op: Operation, baseline: Baseline, field: Field | null, value: Json | undefined): FuzzRequest {
  const params = { ...baseline.params };
  let body = baseline.body;
  if (field !== null) {
    if (field.location === "body") body = setAt(body, field.path, value);
    else {
      const key = `${field.location}:${String(field.path[0])}`;
      const text = asText(value);
      if (text === undefined) delete params[key];
      else params[key] = text;
    }
  }
  let url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(params[`path:${name}`] ?? ""));
  const query = Object.entries(params)
    .filter(([k]) => k.startsWith("query:"))
    .map(([k, v]) => `${encodeSegment(k.slice(6))}=${encodeSegment(v)}`);
  if (query.length > 0) url += `?${query.join("&")}`;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    // Headers carry only visible ASCII: anything else a client could not send at all.
    if (k.startsWith("header:") && /^[\x20-\x7e]*$/.test(v)) headers[k.slice(7)] = v;
  }
  return { method: op.method, url, headers, ...(body === null ? {} : { body: { json: body } }) };
}

/** Bodies broken as a whole: not JSON, the wrong media type, empty, deeply nested. */
export function brokenBodies(): FuzzRequest["body"][] {
  return [
    { raw: "", contentType: "application/json" },
    { raw: "{", contentType: "application/json" },
    { raw: '{"a":"\\u0000"}', contentType: "application/json" },
    { raw: '"\\ud800"', contentType: "application/json" },
    { raw: "[".repeat(5000) + "]".repeat(5000), contentType: "application/json" },
    { raw: "names=x", contentType: "application/x-www-form-urlencoded" },
    { raw: "\u0000\u0001", contentType: "text/plain" },
  ];
}
