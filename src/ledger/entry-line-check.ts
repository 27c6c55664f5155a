// The part of log verification that depends on nothing but the line itself and the public keys
// its signatures name: parsing, shape, canonical form, payload hash and schema, the Merkle leaf
// hash and every signature. It may run on any chunk of lines, on any thread, in any order.
// What depends on position (log id, index order, duplicate ids, which key may sign where, the
// tree, checkpoints) is LogVerifier's, on one thread, line after line. Both the in-memory and
// the file verifiers use exactly these two halves, so they reach the same verdict.
import { fromHex, fromUtf8, toHex, utf8 } from "./bytes.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { BatchVerifier, SignatureCheck } from "./ed25519.ts";
import { checkpointMessage, entryMessage } from "./entry.ts";
import { entryType, keyAdded, keyRevoked, keyRotated, type EntryType } from "./entry-types.ts";
import { leafHash } from "./merkle.ts";
import { checkCheckpointLine, checkEntryLine, keyRecordSchema, type Checkpoint, type KeyRecord, type Signature } from "./schemas.ts";
import { sha256 as defaultSha256, type Sha256 } from "./sha256.ts";

/** The hashing and byte encoding a line check needs; Node passes native ones that take strings. */
export interface LineHashing {
  sha256: Sha256;
  /** RFC 9162 leaf hash of the UTF-8 bytes of `line`. */
  leafHash(line: string): Uint8Array;
  /** SHA-256 of the UTF-8 bytes of `text`, in lowercase hex. */
  textHash(text: string): string;
  /** The UTF-8 bytes of `text`. */
  utf8(text: string): Uint8Array;
  /** The bytes of a string already checked to be lowercase hex of even length. */
  hexBytes(hex: string): Uint8Array;
}

export function pureLineHashing(hash: Sha256 = defaultSha256): LineHashing {
  return {
    sha256: hash,
    leafHash: (line) => leafHash(utf8(line), hash),
    textHash: (text) => toHex(hash(utf8(text))),
    utf8,
    hexBytes: (hex) => fromHex(hex),
  };
}

// The signed messages are these prefixes and the canonical text (entry.ts makes them the same way).
const ENTRY_DOMAIN = fromUtf8(entryMessage(""));
const CHECKPOINT_DOMAIN = fromUtf8(checkpointMessage(""));

const definitions = new Map<string, EntryType>();
/**
 * entryType, remembered: the same few types come up on every line. Only types found are kept,
 * since a module loaded later may still define one.
 */
export function definitionOf(type: string, version: number): EntryType | undefined {
  const known = version === 1 ? definitions.get(type) : undefined;
  if (known) return known;
  const definition = entryType(type, version);
  if (definition && version === 1) definitions.set(type, definition);
  return definition;
}

/** Public keys by key id. A key id is the SHA-256 of its public key, so an id names one key. */
export type KeyLookup = ReadonlyMap<string, KeyRecord>;

/** A signature's verdict: it verifies, it does not, or the lookup had no key of that id. */
export const SIGNATURE_OK = 0;
export const SIGNATURE_BAD = 1;
export const SIGNATURE_KEY_UNKNOWN = 2;
export type SignatureVerdict = typeof SIGNATURE_OK | typeof SIGNATURE_BAD | typeof SIGNATURE_KEY_UNKNOWN;

/** What the sequential half needs of an entry. */
export interface EntryFacts {
  log: string;
  index: number;
  id: string;
  type: string;
  typeVersion: number;
  party: string;
  user?: string;
  /** Only for key entries (added, rotated, revoked): the key ring needs their payload. */
  body?: Record<string, unknown>;
}

export type LineVerdict =
  /** A line that is no entry or checkpoint at all, or an entry that is malformed or not canonical. */
  | { kind: "bad-line"; reason: string }
  /** A malformed checkpoint (no size: it could not be read), or one not in canonical form. */
  | { kind: "bad-checkpoint"; reason: string; size?: number }
  | {
      kind: "entry";
      entry: EntryFacts;
      sigKeys: string[];
      sigs: SignatureVerdict[];
      leaf: Uint8Array;
      /** Payload hash or schema problem; reported after the entry's place is checked. */
      payloadProblem?: string;
    }
  | { kind: "checkpoint"; checkpoint: Checkpoint; sigKeys: string[]; sigs: SignatureVerdict[] };

export type EntryVerdict = Extract<LineVerdict, { kind: "entry" }>;
export type CheckpointVerdict = Extract<LineVerdict, { kind: "checkpoint" }>;

/** Checks lines (not the header) and all their signatures, in one batch for the verifier. */
export async function checkLines(
  lines: readonly string[],
  keys: KeyLookup,
  hashing: LineHashing,
  verifier: BatchVerifier,
): Promise<LineVerdict[]> {
  const checks: SignatureCheck[] = [];
  const targets: { sigs: SignatureVerdict[]; at: number }[] = [];
  const queue = (check: SignatureCheck, sigs: SignatureVerdict[], at: number): void => {
    checks.push(check);
    targets.push({ sigs, at });
  };
  const verdicts = lines.map((line) => checkLine(line, keys, hashing, queue));
  if (checks.length > 0) {
    const results = await verifier.verifyBatch(checks);
    for (let i = 0; i < targets.length; i++) {
      const { sigs, at } = targets[i]!;
      sigs[at] = results[i] === true ? SIGNATURE_OK : SIGNATURE_BAD;
    }
  }
  return verdicts;
}

type Queue = (check: SignatureCheck, sigs: SignatureVerdict[], at: number) => void;

function checkLine(line: string, keys: KeyLookup, hashing: LineHashing, queue: Queue): LineVerdict {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: "bad-line", reason: "not valid JSON" };
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind === "entry") return checkEntry(value, line, keys, hashing, queue);
  if (kind === "checkpoint") return checkCheckpoint(value, line, keys, hashing, queue);
  if (kind === "header") return { kind: "bad-line", reason: "a second header" };
  return { kind: "bad-line", reason: "a line that is neither an entry nor a checkpoint" };
}

const ENTRY_HEAD = '{"entry":';
const ENTRY_MIDDLE = ',"kind":"entry","sigs":';
const CHECKPOINT_HEAD = '{"checkpoint":';
const CHECKPOINT_MIDDLE = ',"kind":"checkpoint","sigs":';

/**
 * The inner object's text when the whole line is canonical, found the quick way: the line is
 * what JSON.stringify makes of it, with every object's keys in order (see canonicalForm). The
 * line then ends with middle + the signatures, which hold nothing but hex, so the last middle
 * is where the inner object ends. Undefined sends the caller the long way.
 */
function canonicalInner(value: unknown, line: string, head: string, middle: string): string | undefined {
  if (!keysInOrder(value) || JSON.stringify(value) !== line || line.includes("\\ud")) return undefined;
  return line.slice(head.length, line.lastIndexOf(middle));
}

/** The inner object's canonical text, when the line is exactly head + that text + middle + the signatures + "}". */
function framedForm(inner: unknown, line: string, head: string, middle: string, sigs: readonly Signature[]): string | undefined {
  const text = canonicalForm(inner);
  return text !== undefined && framed(line, head, text, middle, canonicalSignatures(sigs)) ? text : undefined;
}

/** Is `line` exactly head + inner + middle + signatures + "}"? (No string is built to compare.) */
function framed(line: string, head: string, inner: string, middle: string, sigs: string): boolean {
  return (
    line.length === head.length + inner.length + middle.length + sigs.length + 1 &&
    line.startsWith(head) &&
    line.startsWith(inner, head.length) &&
    line.startsWith(middle, head.length + inner.length) &&
    line.startsWith(sigs, head.length + inner.length + middle.length) &&
    line.charCodeAt(line.length - 1) === 125 // "}"
  );
}

function checkEntry(value: unknown, line: string, keys: KeyLookup, hashing: LineHashing, queue: Queue): LineVerdict {
  const parsed = checkEntryLine(value);
  if (!parsed.ok) return { kind: "bad-line", reason: `malformed entry: ${parsed.reason}` };
  const { entry, sigs } = parsed.value;
  const canonicalEntry = canonicalInner(value, line, ENTRY_HEAD, ENTRY_MIDDLE) ?? framedForm(entry, line, ENTRY_HEAD, ENTRY_MIDDLE, sigs);
  if (canonicalEntry === undefined) return { kind: "bad-line", reason: "entry is not in canonical (RFC 8785) form" };

  const definition = definitionOf(entry.type, entry.typeVersion);
  let payloadProblem: string | undefined;
  if (entry.body !== undefined && hashing.textHash(canonicalForm(entry.body)!) !== entry.payloadHash) {
    payloadProblem = "payload does not match its hash";
  } else if (definition?.publicPayload && entry.body === undefined) {
    payloadProblem = `${entry.type} entries must carry their payload`;
  } else if (definition && !definition.publicPayload && entry.body !== undefined) {
    payloadProblem = `${entry.type} entries must not carry their payload (it may hold personal data)`;
  } else if (definition?.publicPayload) {
    const body = definition.payload.safeParse(entry.body);
    if (!body.success) payloadProblem = `payload is not a valid ${entry.type}: ${firstIssue(body.error)}`;
  }

  const facts: EntryFacts = {
    log: entry.log,
    index: entry.index,
    id: entry.id,
    type: entry.type,
    typeVersion: entry.typeVersion,
    party: entry.party,
  };
  if (entry.user !== undefined) facts.user = entry.user;
  if (entry.body !== undefined && isKeyEntry(entry.type, entry.typeVersion)) facts.body = entry.body;
  const verdict: EntryVerdict = {
    kind: "entry",
    entry: facts,
    sigKeys: sigs.map((s) => s.key),
    sigs: [],
    leaf: hashing.leafHash(line),
  };
  if (payloadProblem !== undefined) verdict.payloadProblem = payloadProblem;
  queueSignatures(sigs, verdict.sigs, keys, hashing, () => hashing.utf8(ENTRY_DOMAIN + canonicalEntry), queue);
  return verdict;
}

function checkCheckpoint(value: unknown, line: string, keys: KeyLookup, hashing: LineHashing, queue: Queue): LineVerdict {
  const parsed = checkCheckpointLine(value);
  if (!parsed.ok) return { kind: "bad-checkpoint", reason: `malformed checkpoint: ${parsed.reason}` };
  const { checkpoint, sigs } = parsed.value;
  const canonical = canonicalInner(value, line, CHECKPOINT_HEAD, CHECKPOINT_MIDDLE) ?? framedForm(checkpoint, line, CHECKPOINT_HEAD, CHECKPOINT_MIDDLE, sigs);
  if (canonical === undefined) {
    return { kind: "bad-checkpoint", size: checkpoint.size, reason: "checkpoint is not in canonical (RFC 8785) form" };
  }
  const verdict: CheckpointVerdict = { kind: "checkpoint", checkpoint, sigKeys: sigs.map((s) => s.key), sigs: [] };
  queueSignatures(sigs, verdict.sigs, keys, hashing, () => hashing.utf8(CHECKPOINT_DOMAIN + canonical), queue);
  return verdict;
}

const publicKeyBytes = new WeakMap<KeyRecord, Uint8Array>();

function queueSignatures(
  sigs: readonly Signature[],
  verdicts: SignatureVerdict[],
  keys: KeyLookup,
  hashing: LineHashing,
  makeMessage: () => Uint8Array,
  queue: Queue,
): void {
  let message: Uint8Array | undefined;
  for (let i = 0; i < sigs.length; i++) {
    const s = sigs[i]!;
    const key = keys.get(s.key);
    if (!key) {
      verdicts.push(SIGNATURE_KEY_UNKNOWN);
      continue;
    }
    // Fails closed: a signature stays bad unless the verifier says it holds.
    verdicts.push(SIGNATURE_BAD);
    let publicKey = publicKeyBytes.get(key);
    if (!publicKey) {
      try {
        publicKey = fromHex(key.publicKey, 32);
      } catch {
        continue;
      }
      publicKeyBytes.set(key, publicKey);
    }
    message ??= makeMessage();
    queue({ publicKey, message, signature: hashing.hexBytes(s.sig) }, verdicts, i);
  }
}

function isKeyEntry(type: string, version: number): boolean {
  return [keyAdded, keyRotated, keyRevoked].some((t) => t.type === type && t.version === version);
}

/**
 * The key a key.added or key.rotated line brings, when the line is one and the key's id is the
 * SHA-256 of its public key. Lets the caller gather, before checking a chunk of lines, every
 * public key its signatures may name (keys are rare, so a quick text test picks the lines).
 * Whether the key may sign, and where, is decided in order by LogVerifier, not here.
 */
export function announcedKey(line: string, hash: Sha256 = defaultSha256): KeyRecord | undefined {
  if (!mayAnnounceKey(line)) return undefined;
  try {
    const value = JSON.parse(line) as { kind?: unknown; entry?: { type?: unknown; typeVersion?: unknown; body?: { key?: unknown } } };
    const entry = value?.entry;
    if (value?.kind !== "entry" || !entry || entry.typeVersion !== 1) return undefined;
    if (entry.type !== keyAdded.type && entry.type !== keyRotated.type) return undefined;
    const key = keyRecordSchema.safeParse(entry.body?.key);
    if (!key.success || toHex(hash(fromHex(key.data.publicKey))) !== key.data.id) return undefined;
    return key.data;
  } catch {
    return undefined;
  }
}

export function mayAnnounceKey(line: string): boolean {
  return line.includes(`"${keyAdded.type}"`) || line.includes(`"${keyRotated.type}"`);
}

/** Adds a key to a lookup unless its id is there already (anchors go in first and stay). */
export function rememberKey(keys: Map<string, KeyRecord>, key: KeyRecord): boolean {
  if (keys.has(key.id)) return false;
  keys.set(key.id, key);
  return true;
}

/**
 * RFC 8785 form of a value parsed from JSON, or undefined when it has none (a lone surrogate).
 * JSON.stringify writes strings and numbers exactly as RFC 8785 does, so when every object's
 * keys already come in sorted order, as in any canonical line, it gives the canonical form at
 * native speed. Otherwise (unsorted or integer-like keys, a possible lone surrogate, which
 * JSON.stringify escapes as \udxxx) the full canonicaliser decides.
 */
export function canonicalForm(value: unknown): string | undefined {
  if (keysInOrder(value)) {
    const text = JSON.stringify(value);
    if (!text.includes("\\ud")) return text;
  }
  try {
    return canonicalJson(value);
  } catch {
    return undefined;
  }
}

function keysInOrder(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item)) return false;
    return true;
  }
  // for-in walks own keys in Object.keys order (and anything inherited, which only sends the
  // value to the full canonicaliser); unlike Object.keys it allocates nothing.
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysInOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** RFC 8785 form of a checked signature list (hex strings need no escaping; keys sort key < sig). */
function canonicalSignatures(sigs: readonly Signature[]): string {
  let out = "[";
  for (let i = 0; i < sigs.length; i++) out += `${i ? "," : ""}{"key":"${sigs[i]!.key}","sig":"${sigs[i]!.sig}"}`;
  return out + "]";
}

export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return issue.path.length ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message;
}
