// Entries about a child's health summary: that one was recorded, that a consent to release it
// was recorded (or withdrawn), and each release to a party for a purpose. The case is named by
// its commitment only; the summary and consent stay sealed in the registry, the log holds their
// hashes, the recipient party and the purpose of each release.
import { z } from "zod";
import { defineEntryType } from "./entry-types.ts";
import { hex32 } from "./schemas.ts";

export const healthSummaryRecorded = defineEntryType({
  type: "health.summary.recorded",
  version: 1,
  payload: z.strictObject({ case: hex32, version: z.number().int().positive(), summaryHash: hex32 }),
  publicPayload: true,
});

export const healthConsentRecorded = defineEntryType({
  type: "health.consent.recorded",
  version: 1,
  payload: z.strictObject({ case: hex32, version: z.number().int().positive(), consentHash: hex32, status: z.enum(["active", "inactive"]) }),
  publicPayload: true,
});

export const healthSummaryReleased = defineEntryType({
  type: "health.summary.released",
  version: 1,
  payload: z.strictObject({
    case: hex32,
    release: z.string().min(1).max(200),
    summaryVersion: z.number().int().positive(),
    summaryHash: hex32,
    consentVersion: z.number().int().positive(),
    recipient: z.string().min(1).max(63),
    purpose: z.string().min(1).max(20),
  }),
  publicPayload: true,
});
