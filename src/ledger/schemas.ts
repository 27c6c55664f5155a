// The shapes of everything the log holds. Objects are strict: a field the verifier does not
// know is an error, never silently dropped.
import { z } from "zod";

export const LOG_FORMAT = "homeward-log/1";

export const hex32 = z.string().regex(/^[0-9a-f]{64}$/, "expected 32 bytes of lowercase hex");
export const hex64 = z.string().regex(/^[0-9a-f]{128}$/, "expected 64 bytes of lowercase hex");
const isoTime = z.iso.datetime({ offset: false });
const name = z.string().min(1).max(200);

export const keyRecordSchema = z.strictObject({
  id: hex32,
  algorithm: z.literal("ed25519"),
  party: name,
  /** Set for a person's own key; absent for the party's key. */
  user: name.optional(),
  publicKey: hex32,
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const signatureSchema = z.strictObject({ key: hex32, sig: hex64 });
export type Signature = z.infer<typeof signatureSchema>;

export const entrySchema = z.strictObject({
  log: name,
  index: z.number().int().nonnegative(),
  /** Identity of the action: appending the same id again is a no-op, never a second entry. */
  id: name,
  type: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, "type is dotted lowercase words"),
  typeVersion: z.number().int().positive(),
  subject: name,
  party: name,
  user: name.optional(),
  time: isoTime,
  /** SHA-256 of the RFC 8785 form of the payload; the payload itself stays in the registry. */
  payloadHash: hex32,
  /** The payload itself, only for entries whose payload is public (keys, report signatures). */
  body: z.record(z.string(), z.unknown()).optional(),
});
export type Entry = z.infer<typeof entrySchema>;

export const entryLineSchema = z.strictObject({
  kind: z.literal("entry"),
  entry: entrySchema,
  sigs: z.array(signatureSchema).min(1),
});
export type EntryLine = z.infer<typeof entryLineSchema>;

export const checkpointSchema = z.strictObject({
  log: name,
  size: z.number().int().nonnegative(),
  root: hex32,
  time: isoTime,
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const checkpointLineSchema = z.strictObject({
  kind: z.literal("checkpoint"),
  checkpoint: checkpointSchema,
  sigs: z.array(signatureSchema).min(1),
});
export type CheckpointLine = z.infer<typeof checkpointLineSchema>;

export const headerLineSchema = z.strictObject({
  kind: z.literal("header"),
  format: z.literal(LOG_FORMAT),
  log: name,
  keys: z.array(keyRecordSchema),
});
export type HeaderLine = z.infer<typeof headerLineSchema>;

export const keysFileSchema = z.union([
  z.array(keyRecordSchema),
  z.object({ keys: z.array(keyRecordSchema) }).transform((v) => v.keys),
]);
