// Making and signing entries and checkpoints. What is signed is the RFC 8785 form of the entry
// (without its signatures) behind a domain prefix, so an entry signature can never be replayed
// as a checkpoint signature or the reverse.
import { canonicalJson } from "./canonical-json.ts";
import { toHex, utf8 } from "./bytes.ts";
import { keyIdOf, publicKeyOf, sign } from "./ed25519.ts";
import { entryType } from "./entry-types.ts";
import { hashCanonical } from "./sha256.ts";
import type { Checkpoint, CheckpointLine, Entry, EntryLine, KeyRecord, Signature } from "./schemas.ts";

const ENTRY_DOMAIN = "homeward.entry.v1\n";
const CHECKPOINT_DOMAIN = "homeward.checkpoint.v1\n";

export function entryMessage(canonicalEntry: string): Uint8Array {
  return utf8(ENTRY_DOMAIN + canonicalEntry);
}

export function checkpointMessage(canonicalCheckpoint: string): Uint8Array {
  return utf8(CHECKPOINT_DOMAIN + canonicalCheckpoint);
}

/** A key able to sign: its public record and a way to sign (the secret may live elsewhere). */
export interface Signer {
  key: KeyRecord;
  sign(message: Uint8Array): Uint8Array;
}

export function keyRecord(publicKey: Uint8Array, party: string, user?: string): KeyRecord {
  return {
    id: keyIdOf(publicKey),
    algorithm: "ed25519",
    party,
    ...(user === undefined ? {} : { user }),
    publicKey: toHex(publicKey),
  };
}

export function signerFor(secretKey: Uint8Array, party: string, user?: string): Signer {
  return { key: keyRecord(publicKeyOf(secretKey), party, user), sign: (message) => sign(message, secretKey) };
}

export interface EntryInput {
  id: string;
  type: string;
  typeVersion: number;
  subject: string;
  party: string;
  user?: string;
  time: string;
  payload: unknown;
}

/** Validates the payload against its declared type and builds the unsigned entry. */
export function buildEntry(log: string, index: number, input: EntryInput): Entry {
  const definition = entryType(input.type, input.typeVersion);
  if (!definition) throw new Error(`unknown entry type ${input.type}@${input.typeVersion}`);
  const parsed = definition.payload.safeParse(input.payload);
  if (!parsed.success) throw new Error(`payload of ${input.type}@${input.typeVersion} is invalid: ${parsed.error.message}`);
  const entry: Entry = {
    log,
    index,
    id: input.id,
    type: input.type,
    typeVersion: input.typeVersion,
    subject: input.subject,
    party: input.party,
    ...(input.user === undefined ? {} : { user: input.user }),
    time: input.time,
    payloadHash: hashCanonical(parsed.data),
    ...(definition.publicPayload ? { body: parsed.data as Record<string, unknown> } : {}),
  };
  return entry;
}

function signatures(message: Uint8Array, signers: readonly Signer[]): Signature[] {
  return signers.map((s) => ({ key: s.key.id, sig: toHex(s.sign(message)) }));
}

export function signEntry(entry: Entry, signers: readonly Signer[]): EntryLine {
  return { kind: "entry", entry, sigs: signatures(entryMessage(canonicalJson(entry)), signers) };
}

export function signCheckpoint(checkpoint: Checkpoint, signers: readonly Signer[]): CheckpointLine {
  return { kind: "checkpoint", checkpoint, sigs: signatures(checkpointMessage(canonicalJson(checkpoint)), signers) };
}

/** Adds co-signatures to a checkpoint another party has already signed. */
export function cosignCheckpoint(line: CheckpointLine, signers: readonly Signer[]): CheckpointLine {
  const fresh = signatures(checkpointMessage(canonicalJson(line.checkpoint)), signers).filter(
    (s) => !line.sigs.some((existing) => existing.key === s.key),
  );
  return { ...line, sigs: [...line.sigs, ...fresh] };
}
