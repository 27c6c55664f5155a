// Native (OpenSSL) hashing and signing for the ledger in Node. Checking a whole log's lines and
// signatures on worker threads is verify-pool.ts.
import { hash, createPrivateKey, createPublicKey, sign as nodeSign, type KeyObject } from "node:crypto";
import { keyRecord, publicKeyOf, type Sha256, type Signer } from "../ledger/index.ts";
import type { LineHashing } from "../ledger/entry-line-check.ts";

export const nodeSha256: Sha256 = (data) => hash("sha256", data, "buffer");

/** Hashes strings as UTF-8 inside OpenSSL's call (no encoder, no concatenated bytes); small buffers come from Node's pool. */
export const nodeLineHashing: LineHashing = {
  sha256: nodeSha256,
  leafHash: (line) => hash("sha256", "\0" + line, "buffer"),
  textHash: (text) => hash("sha256", text, "hex"),
  utf8: (text) => Buffer.from(text, "utf8"),
  hexBytes: (hex) => Buffer.from(hex, "hex"),
};

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function nodePrivateKey(secretKey: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]), format: "der", type: "pkcs8" });
}

export function nodePublicKey(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey).toString("base64url") }, format: "jwk" });
}

/** A signer backed by OpenSSL; same signatures as the pure one (Ed25519 is deterministic). */
export function nodeSigner(secretKey: Uint8Array, party: string, user?: string): Signer {
  const key = nodePrivateKey(secretKey);
  return { key: keyRecord(publicKeyOf(secretKey), party, user), sign: (message) => new Uint8Array(nodeSign(null, message, key)) };
}
