// The shapes of everything the log holds. Objects are strict: a field the verifier does not
// know is an error, never silently dropped.
import { z } from "zod";

export const LOG_FORMAT = "homeward-log/1";

const HEX32 = /^[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{128}$/;
/** UTC only, so one instant has one spelling in what is signed. */
const ISO_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;
const TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const NAME_MAX = 200;

export const hex32 = z.string().regex(HEX32, "expected 32 bytes of lowercase hex");
export const hex64 = z.string().regex(HEX64, "expected 64 bytes of lowercase hex");
const isoTime = z.string().regex(ISO_TIME, "expected a UTC time (ISO 8601, Z)");
const name = z.string().min(1).max(NAME_MAX);

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
  type: z.string().regex(TYPE, "type is dotted lowercase words"),
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

// The verifier checks millions of lines: the two line shapes it sees most are checked by hand,
// with exactly the rules of the schemas above (a property test holds the two together).
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const isName = (v: unknown): boolean => typeof v === "string" && v.length >= 1 && v.length <= NAME_MAX;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  for (const k in o) if (!allowed.includes(k)) return `unexpected field ${k}`;
  return undefined;
}

const ENTRY_KEYS = ["log", "index", "id", "type", "typeVersion", "subject", "party", "user", "time", "payloadHash", "body"] as const;

function signaturesProblem(sigs: unknown): string | undefined {
  if (!Array.isArray(sigs) || sigs.length === 0) return "sigs: expected at least one signature";
  for (const [i, s] of sigs.entries()) {
    if (!isPlainObject(s)) return `sigs.${i}: expected an object`;
    const extra = onlyKeys(s, ["key", "sig"]);
    if (extra) return `sigs.${i}: ${extra}`;
    if (typeof s.key !== "string" || !HEX32.test(s.key)) return `sigs.${i}.key: expected 32 bytes of lowercase hex`;
    if (typeof s.sig !== "string" || !HEX64.test(s.sig)) return `sigs.${i}.sig: expected 64 bytes of lowercase hex`;
  }
  return undefined;
}

export function checkEntryLine(value: unknown): Checked<EntryLine> {
  const bad = (reason: string): Checked<EntryLine> => ({ ok: false, reason });
  if (!isPlainObject(value)) return bad("expected an object");
  const extra = onlyKeys(value, ["kind", "entry", "sigs"]);
  if (extra) return bad(extra);
  if (value.kind !== "entry") return bad("kind: expected entry");
  const e = value.entry;
  if (!isPlainObject(e)) return bad("entry: expected an object");
  const extraEntry = onlyKeys(e, ENTRY_KEYS);
  if (extraEntry) return bad(`entry: ${extraEntry}`);
  for (const k of ["log", "id", "subject", "party"] as const) if (!isName(e[k])) return bad(`entry.${k}: expected 1 to ${NAME_MAX} characters`);
  if (e.user !== undefined && !isName(e.user)) return bad(`entry.user: expected 1 to ${NAME_MAX} characters`);
  if (typeof e.index !== "number" || !Number.isSafeInteger(e.index) || e.index < 0) return bad("entry.index: expected a whole number >= 0");
  if (typeof e.typeVersion !== "number" || !Number.isSafeInteger(e.typeVersion) || e.typeVersion < 1) return bad("entry.typeVersion: expected a whole number >= 1");
  if (typeof e.type !== "string" || !TYPE.test(e.type)) return bad("entry.type: type is dotted lowercase words");
  if (typeof e.time !== "string" || !ISO_TIME.test(e.time)) return bad("entry.time: expected a UTC time (ISO 8601, Z)");
  if (typeof e.payloadHash !== "string" || !HEX32.test(e.payloadHash)) return bad("entry.payloadHash: expected 32 bytes of lowercase hex");
  if (e.body !== undefined && !isPlainObject(e.body)) return bad("entry.body: expected an object");
  const sigs = signaturesProblem(value.sigs);
  if (sigs) return bad(sigs);
  return { ok: true, value: value as EntryLine };
}

export function checkCheckpointLine(value: unknown): Checked<CheckpointLine> {
  const bad = (reason: string): Checked<CheckpointLine> => ({ ok: false, reason });
  if (!isPlainObject(value)) return bad("expected an object");
  const extra = onlyKeys(value, ["kind", "checkpoint", "sigs"]);
  if (extra) return bad(extra);
  if (value.kind !== "checkpoint") return bad("kind: expected checkpoint");
  const c = value.checkpoint;
  if (!isPlainObject(c)) return bad("checkpoint: expected an object");
  const extraCp = onlyKeys(c, ["log", "size", "root", "time"]);
  if (extraCp) return bad(`checkpoint: ${extraCp}`);
  if (!isName(c.log)) return bad(`checkpoint.log: expected 1 to ${NAME_MAX} characters`);
  if (typeof c.size !== "number" || !Number.isSafeInteger(c.size) || c.size < 0) return bad("checkpoint.size: expected a whole number >= 0");
  if (typeof c.root !== "string" || !HEX32.test(c.root)) return bad("checkpoint.root: expected 32 bytes of lowercase hex");
  if (typeof c.time !== "string" || !ISO_TIME.test(c.time)) return bad("checkpoint.time: expected a UTC time (ISO 8601, Z)");
  const sigs = signaturesProblem(value.sigs);
  if (sigs) return bad(sigs);
  return { ok: true, value: value as CheckpointLine };
}
