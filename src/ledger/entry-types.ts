// Every kind of entry is declared once, with a version and a schema for its payload, so that
// an entry can only be made from a payload of the declared shape.
import { z } from "zod";
import { hex32, keyRecordSchema } from "./schemas.ts";

export interface EntryType<P = unknown> {
  type: string;
  version: number;
  payload: z.ZodType<P>;
  /** The payload travels in the log itself (it holds no personal data and verifiers need it). */
  publicPayload: boolean;
  /** A person's own key must sign too, not only their party's. */
  requiresUserSignature: boolean;
}

const registry = new Map<string, EntryType>();
const keyOf = (type: string, version: number): string => `${type}@${version}`;

export function defineEntryType<P>(definition: {
  type: string;
  version: number;
  payload: z.ZodType<P>;
  publicPayload?: boolean;
  requiresUserSignature?: boolean;
}): EntryType<P> {
  const full: EntryType<P> = {
    publicPayload: false,
    requiresUserSignature: false,
    ...definition,
  };
  const existing = registry.get(keyOf(full.type, full.version));
  if (existing && existing !== (full as EntryType)) {
    if (existing.payload !== full.payload) throw new Error(`entry type ${full.type}@${full.version} is already defined`);
    return existing as EntryType<P>;
  }
  registry.set(keyOf(full.type, full.version), full as EntryType);
  return full;
}

export function entryType(type: string, version: number): EntryType | undefined {
  return registry.get(keyOf(type, version));
}

export function entryTypes(): EntryType[] {
  return [...registry.values()];
}

export const keyAdded = defineEntryType({
  type: "key.added",
  version: 1,
  payload: z.strictObject({ key: keyRecordSchema }),
  publicPayload: true,
});

export const keyRotated = defineEntryType({
  type: "key.rotated",
  version: 1,
  payload: z.strictObject({ replaces: hex32, key: keyRecordSchema }),
  publicPayload: true,
});

export const keyRevoked = defineEntryType({
  type: "key.revoked",
  version: 1,
  payload: z.strictObject({ key: hex32, reason: z.string().max(500) }),
  publicPayload: true,
});

export const REPORT_ROLES = ["drafter", "tracing-verifier", "holding-verifier", "mediator"] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];

/** A party's (and its verifier's) signature on a report: the report itself stays in the registry. */
export const reportSigned = defineEntryType({
  type: "report.signed",
  version: 1,
  payload: z.strictObject({
    report: z.string().min(1).max(200),
    reportHash: hex32,
    role: z.enum(REPORT_ROLES),
  }),
  publicPayload: true,
  requiresUserSignature: true,
});

/** A report was drafted: its content (with personal data) stays in the registry, the log holds its hash. */
export const reportDrafted = defineEntryType({
  type: "report.drafted",
  version: 1,
  payload: z.strictObject({
    report: z.string().min(1).max(200),
    reportHash: hex32,
    kind: z.enum(["identity", "post-return"]),
    case: z.string().min(1).max(200),
  }),
  publicPayload: true,
});

/**
 * A party's decision on a match candidate: who matched whom, by case id. The reason (free text,
 * possibly personal) stays in the registry; the log says which records, which side, which way.
 */
export const matchDecided = defineEntryType({
  type: "match.decided",
  version: 1,
  payload: z.strictObject({
    candidate: z.string().min(1).max(200),
    side: z.enum(["tracing", "holding"]),
    decision: z.enum(["accept", "reject"]),
    tracingCase: z.string().min(1).max(200),
    holdingCase: z.string().min(1).max(200),
    status: z.enum(["pending", "agreed", "rejected"]),
  }),
  publicPayload: true,
});
