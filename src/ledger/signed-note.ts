// C2SP signed notes (c2sp.org/signed-note): a text, a blank line, and lines
// "— <key name> base64(key ID || signature)". Checkpoints and witness co-signatures travel in
// this format so that any verifier written to the specification can check a Homeward log.
import { fromBase64, toBase64 } from "./base64.ts";
import { concatBytes, utf8 } from "./bytes.ts";
import { sign, verifySignature } from "./ed25519.ts";
import { sha256 } from "./sha256.ts";

/** Signature type bytes assigned by the specification. */
export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_ED25519 = 0x04;

const EM_DASH = "\u2014";
// The specification asks verifiers to accept at least 16; more is refused as oversized.
export const MAX_SIGNATURES = 64;

export interface NoteSignature {
  name: string;
  keyId: number;
  /** The signature bytes after the four key-ID bytes. */
  signature: Uint8Array;
}

export interface Note {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A key name: non-empty, without Unicode spaces or plus signs. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

/** key ID = SHA-256(name || 0x0A || type || public key)[:4], as a big-endian uint32. */
export function noteKeyIdOf(name: string, type: number, publicKey: Uint8Array): number {
  const h = sha256(concatBytes(utf8(`${name}\n`), Uint8Array.of(type), publicKey));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

function uint32(n: number): Uint8Array {
  return Uint8Array.of((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
}

function readUint32(b: Uint8Array): number {
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

export function formatSignatureLine(s: NoteSignature): string {
  return `${EM_DASH} ${s.name} ${toBase64(concatBytes(uint32(s.keyId), s.signature))}\n`;
}

export function formatNote(note: Note): string {
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join("")}`;
}

/** Parses signature lines (each ending in a newline), as a note's tail or a witness's answer. */
export function parseSignatureLines(block: string): Parsed<NoteSignature[]> {
  if (!block.endsWith("\n")) return { ok: false, reason: "signature lines must end in a newline" };
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) return { ok: false, reason: `more than ${MAX_SIGNATURES} signatures` };
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (m === null || !isKeyName(m[1]!)) return { ok: false, reason: `not a signature line: ${JSON.stringify(line.slice(0, 80))}` };
    const bytes = fromBase64(m[2]!);
    if (bytes === null || bytes.length < 5) return { ok: false, reason: `signature of ${m[1]} is not base64 of a key ID and a signature` };
    signatures.push({ name: m[1]!, keyId: readUint32(bytes), signature: bytes.subarray(4) });
  }
  return { ok: true, value: signatures };
}

/** Splits a note into its text and signatures, refusing anything the format does not allow. */
export function parseNote(note: string): Parsed<Note> {
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(note)) return { ok: false, reason: "a note holds no control characters but newlines" };
  if (note.includes("\ufffd") || /[\ud800-\udfff]/.test(note.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
    return { ok: false, reason: "a note is valid UTF-8" };
  }
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return { ok: false, reason: "a note has a blank line between its text and its signatures" };
  const sigs = parseSignatureLines(note.slice(split + 2));
  if (!sigs.ok) return sigs;
  if (sigs.value.length === 0) return { ok: false, reason: "a note has at least one signature" };
  return { ok: true, value: { text: note.slice(0, split + 1), signatures: sigs.value } };
}

/** A key that can check one kind of note signature. */
export interface NoteVerifier {
  name: string;
  keyId: number;
  type: number;
  publicKey: Uint8Array;
  /** Checks `signature` (the bytes after the key ID) over the note text. */
  verify(text: string, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  name: string;
  keyId: number;
  sign(text: string): Uint8Array;
}

export function ed25519NoteVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  return {
    name,
    keyId: noteKeyIdOf(name, SIG_ED25519, publicKey),
    type: SIG_ED25519,
    publicKey,
    verify: (text, signature) => signature.length === 64 && verifySignature(signature, utf8(text), publicKey),
  };
}

export function ed25519NoteSigner(name: string, secretKey: Uint8Array, publicKey: Uint8Array): NoteSigner {
  return { name, keyId: noteKeyIdOf(name, SIG_ED25519, publicKey), sign: (text) => sign(utf8(text), secretKey) };
}

/** `<name>+hex(key ID)+base64(type || public key)` */
export function formatVerifierKey(v: Pick<NoteVerifier, "name" | "keyId" | "type" | "publicKey">): string {
  return `${v.name}+${v.keyId.toString(16).padStart(8, "0")}+${toBase64(concatBytes(Uint8Array.of(v.type), v.publicKey))}`;
}

/** The parts of a verifier key, its key ID checked against the recommended derivation. */
export function parseVerifierKey(vkey: string): Parsed<{ name: string; keyId: number; type: number; publicKey: Uint8Array }> {
  const parts = vkey.trim().split("+");
  // The base64 part may itself hold plus signs.
  if (parts.length < 3) return { ok: false, reason: "a verifier key is name+keyid+key" };
  const [name, hexId] = parts as [string, string];
  const material = fromBase64(parts.slice(2).join("+"));
  if (!isKeyName(name)) return { ok: false, reason: "the key name is empty or holds a space or plus sign" };
  if (!/^[0-9a-f]{8}$/.test(hexId)) return { ok: false, reason: "the key ID is 8 lowercase hex digits" };
  if (material === null || material.length < 2) return { ok: false, reason: "the key material is not base64" };
  const type = material[0]!;
  const publicKey = material.subarray(1);
  if ((type === SIG_ED25519 || type === SIG_COSIGNATURE_ED25519) && publicKey.length !== 32) {
    return { ok: false, reason: "an Ed25519 key is 32 bytes" };
  }
  const keyId = Number.parseInt(hexId, 16);
  if (keyId !== noteKeyIdOf(name, type, publicKey)) return { ok: false, reason: "the key ID does not match the key" };
  return { ok: true, value: { name, keyId, type, publicKey } };
}

export interface NoteCheck {
  /** The known keys whose signatures verified, in the note's order. */
  verifiedBy: NoteVerifier[];
  /** How many signatures came from keys this verifier does not know (ignored, as the format says). */
  unknown: number;
}

/**
 * Verifies a note against the keys the caller trusts. Unknown keys are ignored; a known key's
 * failing signature rejects the whole note; a note no known key signed is rejected.
 */
export function verifyNote(note: string, verifiers: readonly NoteVerifier[]): Parsed<NoteCheck & { note: Note }> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const verifiedBy: NoteVerifier[] = [];
  let unknown = 0;
  for (const s of parsed.value.signatures) {
    const v = verifiers.find((k) => k.name === s.name && k.keyId === s.keyId);
    if (v === undefined) {
      unknown++;
      continue;
    }
    if (!v.verify(parsed.value.text, s.signature)) return { ok: false, reason: `the signature of ${s.name} does not verify` };
    if (!verifiedBy.includes(v)) verifiedBy.push(v);
  }
  if (verifiedBy.length === 0) return { ok: false, reason: "no known key signed this note" };
  return { ok: true, value: { note: parsed.value, verifiedBy, unknown } };
}

/** Signs a note text (ending in a newline) with each signer, after any signatures it already has. */
export function signNote(text: string, signers: readonly NoteSigner[], existing: readonly NoteSignature[] = []): string {
  if (!text.endsWith("\n")) throw new Error("a note text ends in a newline");
  const added = signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(text) }));
  return formatNote({ text, signatures: [...existing, ...added] });
}
