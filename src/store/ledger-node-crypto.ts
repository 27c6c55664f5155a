// Native (OpenSSL) hashing, signing and signature checking for the ledger in Node, with the
// checks spread over worker threads: verifying a log of a million entries is a million
// Ed25519 verifications, which pure JavaScript cannot do in useful time.
import { hash, createPrivateKey, createPublicKey, sign as nodeSign, type KeyObject } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { keyRecord, publicKeyOf, type BatchVerifier, type Sha256, type SignatureCheck, type Signer } from "../ledger/index.ts";

export const nodeSha256: Sha256 = (data) => hash("sha256", data, "buffer");

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

// Plain JavaScript so the worker needs no loader, whether run from sources or from dist/.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const crypto = require("node:crypto");
const keys = new Map();
function keyFor(pub) {
  const id = pub.toString("hex");
  let key = keys.get(id);
  if (!key) {
    key = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: pub.toString("base64url") }, format: "jwk" });
    keys.set(id, key);
  }
  return key;
}
parentPort.on("message", ({ id, buffer }) => {
  const buf = Buffer.from(buffer);
  const count = buf.readUInt32LE(0);
  const results = new Uint8Array(count);
  let off = 4;
  for (let i = 0; i < count; i++) {
    const pub = buf.subarray(off, off + 32);
    const sig = buf.subarray(off + 32, off + 96);
    const len = buf.readUInt32LE(off + 96);
    const msg = buf.subarray(off + 100, off + 100 + len);
    off += 100 + len;
    try { results[i] = crypto.verify(null, msg, keyFor(pub), sig) ? 1 : 0; } catch { results[i] = 0; }
  }
  parentPort.postMessage({ id, results }, [results.buffer]);
});
`;

function pack(checks: readonly SignatureCheck[]): ArrayBuffer {
  let size = 4;
  for (const c of checks) size += 100 + c.message.length;
  const buf = Buffer.allocUnsafe(size);
  buf.writeUInt32LE(checks.length, 0);
  let off = 4;
  for (const c of checks) {
    if (c.publicKey.length !== 32 || c.signature.length !== 64) {
      // Malformed keys or signatures never verify; zeroes keep the layout and fail the check.
      buf.fill(0, off, off + 96);
    } else {
      buf.set(c.publicKey, off);
      buf.set(c.signature, off + 32);
    }
    buf.writeUInt32LE(c.message.length, off + 96);
    buf.set(c.message, off + 100);
    off += 100 + c.message.length;
  }
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + size) as ArrayBuffer;
}

/** Verifies batches on `threads` worker threads (default: one per core). */
export function createNodeBatchVerifier(options: { threads?: number } = {}): BatchVerifier {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true }));
  const pending = new Map<number, { resolve: (r: boolean[]) => void; reject: (e: Error) => void }>();
  const load = new Array<number>(threads).fill(0);
  let nextId = 0;
  workers.forEach((worker, w) => {
    worker.on("message", ({ id, results }: { id: number; results: Uint8Array }) => {
      load[w]!--;
      const p = pending.get(id);
      pending.delete(id);
      p?.resolve(Array.from(results, (x) => x === 1));
    });
    worker.on("error", (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
  });
  return {
    verifyBatch(checks) {
      if (checks.length === 0) return Promise.resolve([]);
      const id = nextId++;
      let w = 0;
      for (let i = 1; i < threads; i++) if (load[i]! < load[w]!) w = i;
      load[w]!++;
      const buffer = pack(checks);
      return new Promise<boolean[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[w]!.postMessage({ id, buffer }, [buffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
