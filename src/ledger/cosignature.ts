// Ed25519 checkpoint co-signatures (c2sp.org/tlog-cosignature, type 0x04): a witness signs
// "cosignature/v1\ntime <t>\n" followed by the checkpoint text; the signature line carries the
// 8-byte big-endian timestamp before the 64-byte signature.
import { concatBytes, utf8 } from "./bytes.ts";
import { sign, verifySignature } from "./ed25519.ts";
import { noteKeyIdOf, SIG_COSIGNATURE_ED25519, type NoteSigner, type NoteVerifier } from "./signed-note.ts";

const MAX_TIMESTAMP = (1n << 63n) - 1n;

export function cosignedMessage(checkpointText: string, timestamp: number): string {
  return `cosignature/v1\ntime ${timestamp}\n${checkpointText}`;
}

function timestampBytes(t: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(t));
  return out;
}

/** The timestamp (POSIX seconds) of a co-signature's bytes, or null when they are not one. */
export function cosignatureTime(signature: Uint8Array): number | null {
  if (signature.length !== 72) return null;
  const t = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
  return t > MAX_TIMESTAMP || t > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(t);
}

export interface CosignatureVerifier extends NoteVerifier {
  timeOf(signature: Uint8Array): number | null;
}

export function cosignatureVerifier(name: string, publicKey: Uint8Array): CosignatureVerifier {
  return {
    name,
    keyId: noteKeyIdOf(name, SIG_COSIGNATURE_ED25519, publicKey),
    type: SIG_COSIGNATURE_ED25519,
    publicKey,
    timeOf: cosignatureTime,
    verify(text, signature) {
      const t = cosignatureTime(signature);
      return t !== null && verifySignature(signature.subarray(8), utf8(cosignedMessage(text, t)), publicKey);
    },
  };
}

/** A witness's co-signer; `now` gives POSIX seconds. */
export function cosigner(name: string, secretKey: Uint8Array, publicKey: Uint8Array, now: () => number): NoteSigner {
  return {
    name,
    keyId: noteKeyIdOf(name, SIG_COSIGNATURE_ED25519, publicKey),
    sign(text) {
      const t = Math.floor(now());
      return concatBytes(timestampBytes(t), sign(utf8(cosignedMessage(text, t)), secretKey));
    },
  };
}
