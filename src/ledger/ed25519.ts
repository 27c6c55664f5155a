// Ed25519 signatures (RFC 8032) with @noble/curves, strict encodings (no ZIP-215 leniency) so
// that every verifier, in the browser or in Node's OpenSSL, accepts exactly the same signatures.
import { ed25519 } from "@noble/curves/ed25519.js";
import { fromHex, toHex } from "./bytes.ts";
import { sha256 } from "./sha256.ts";

export interface KeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function generateKeyPair(seed?: Uint8Array): KeyPair {
  const secretKey = seed ? ed25519.utils.randomSecretKey(seed) : ed25519.utils.randomSecretKey();
  return { publicKey: ed25519.getPublicKey(secretKey), secretKey };
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

export function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** A key's identity: the SHA-256 of its 32 raw public key bytes, in hex. */
export function keyIdOf(publicKey: Uint8Array): string {
  return toHex(sha256(publicKey));
}

/** A short form people can read out to each other to compare keys: 8 groups of 4 hex digits. */
export function fingerprint(keyIdOrPublicKey: string | Uint8Array): string {
  const id = typeof keyIdOrPublicKey === "string" ? keyIdOrPublicKey : keyIdOf(keyIdOrPublicKey);
  return id.slice(0, 32).match(/.{4}/g)!.join(":");
}

export interface SignatureCheck {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

/**
 * Checks many signatures at once. The pure default runs here; the CLI injects one backed by
 * native code on worker threads, because a log of a million entries is a million signatures.
 */
export interface BatchVerifier {
  verifyBatch(checks: readonly SignatureCheck[]): Promise<boolean[]>;
  close?(): Promise<void>;
}

export const pureBatchVerifier: BatchVerifier = {
  async verifyBatch(checks) {
    return checks.map((c) => verifySignature(c.signature, c.message, c.publicKey));
  },
};

export function publicKeyFromHex(hex: string): Uint8Array {
  return fromHex(hex, 32);
}
