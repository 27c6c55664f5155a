// Ed25519 batch verification in WebAssembly (sources in wasm/ed25519-batch/). One batch
// equation checks thousands of signatures for about the cost of decoding their R points, where
// checking them one at a time costs a full double scalar multiplication each: a million-entry
// log becomes a matter of seconds, in Node and in the browser alike.
//
// It accepts exactly what `verifySignature` (noble-curves, strict RFC 8032 encodings, the
// cofactored equation) accepts, except with probability about 2^-127 per batch: signatures
// must have S < L and canonical R; keys must decode strictly and not be of small order. When a
// batch fails, it is split in halves until each false signature is found, so a result is
// always per signature.
import { sha512 as nobleSha512 } from "@noble/hashes/sha2.js";
import type { BatchVerifier, SignatureCheck } from "./ed25519.ts";
import { ED25519_BATCH_WASM_BASE64 } from "./ed25519-batch-wasm.ts";

export type Sha512 = (data: Uint8Array) => Uint8Array;

export interface WasmBatchVerifierOptions {
  /** SHA-512; Node passes its native one, the browser uses noble's. */
  sha512?: Sha512;
  /** Fills a buffer with random bytes (the batch coefficients); defaults to Web Crypto. */
  random?: (bytes: Uint8Array) => void;
}

interface BatchExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  workSize(n: number, k: number): number;
  verifyBatch(records: number, n: number, keys: number, k: number, work: number): number;
  testFeMul(out: number, a: number, b: number): void;
  testFeSq(out: number, a: number): void;
  testModL(out: number, x: number): void;
  testScalarMul(out: number, p: number, k: number): number;
  testBaseMul(out: number, k: number): void;
}

const RECORD = 160;
const Z_OFF = 64;
const H_OFF = 80;
const KEY_OFF = 144;
const STATUS_OFF = 148;
/** Below this size a failed batch is settled one signature at a time. */
const SINGLES_BELOW = 4;
/** Larger inputs are checked in batches of this many (bounds the module's memory to ~50 MB). */
const MAX_BATCH = 1 << 16;

let modulePromise: Promise<WebAssembly.Module> | undefined;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function compiledModule(): Promise<WebAssembly.Module> {
  modulePromise ??= WebAssembly.compile(decodeBase64(ED25519_BATCH_WASM_BASE64) as Uint8Array<ArrayBuffer>);
  return modulePromise;
}

const defaultRandom = (bytes: Uint8Array): void => {
  for (let i = 0; i < bytes.length; i += 65536) globalThis.crypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65536)));
};

/** One WebAssembly instance: not shared between concurrent callers (calls are synchronous). */
export class WasmBatchVerifier implements BatchVerifier {
  readonly exports: BatchExports;
  private readonly sha512: Sha512;
  private readonly random: (bytes: Uint8Array) => void;
  private readonly base: number;
  private hashInput = new Uint8Array(1024);

  private constructor(exports: BatchExports, options: WasmBatchVerifierOptions) {
    this.exports = exports;
    this.sha512 = options.sha512 ?? nobleSha512;
    this.random = options.random ?? defaultRandom;
    this.base = exports.heapBase();
  }

  static async create(options: WasmBatchVerifierOptions = {}): Promise<WasmBatchVerifier> {
    const instance = await WebAssembly.instantiate(await compiledModule(), {
      env: {
        abort: () => {
          throw new Error("ed25519 batch verifier aborted");
        },
      },
    });
    return new WasmBatchVerifier(instance.exports as unknown as BatchExports, options);
  }

  async verifyBatch(checks: readonly SignatureCheck[]): Promise<boolean[]> {
    return this.verifyAll(checks);
  }

  /** The same as verifyBatch, synchronously. */
  verifyAll(checks: readonly SignatureCheck[]): boolean[] {
    const results = new Array<boolean>(checks.length).fill(false);
    const keyIndex = new Map<Uint8Array, number>();
    const keyByHex = new Map<string, number>();
    const keys: Uint8Array[] = [];
    const keyOf = new Int32Array(checks.length);
    const hashes = new Uint8Array(checks.length * 64);
    const candidates: number[] = [];
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i]!;
      if (c.signature.length !== 64 || c.publicKey.length !== 32) continue;
      let k = keyIndex.get(c.publicKey);
      if (k === undefined) {
        const hex = hexOf(c.publicKey);
        k = keyByHex.get(hex);
        if (k === undefined) {
          k = keys.length;
          keys.push(c.publicKey);
          keyByHex.set(hex, k);
        }
        keyIndex.set(c.publicKey, k);
      }
      keyOf[i] = k;
      hashes.set(this.challengeHash(c), i * 64);
      candidates.push(i);
    }
    for (let from = 0; from < candidates.length; from += MAX_BATCH) {
      this.settle(checks, candidates.slice(from, from + MAX_BATCH), keys, keyOf, hashes, results);
    }
    return results;
  }

  /** SHA-512(R ‖ A ‖ M), the hash the challenge scalar k is reduced from. */
  private challengeHash(c: SignatureCheck): Uint8Array {
    const size = 64 + c.message.length;
    if (this.hashInput.length < size) this.hashInput = new Uint8Array(size * 2);
    const input = this.hashInput;
    input.set(c.signature.subarray(0, 32), 0);
    input.set(c.publicKey, 32);
    input.set(c.message, 64);
    return this.sha512(input.subarray(0, size));
  }

  private settle(
    checks: readonly SignatureCheck[],
    indices: readonly number[],
    keys: readonly Uint8Array[],
    keyOf: Int32Array,
    hashes: Uint8Array,
    results: boolean[],
  ): void {
    if (indices.length === 0) return;
    const { holds, encodable } = this.run(checks, indices, keys, keyOf, hashes);
    if (holds) {
      for (const i of encodable) results[i] = true;
      return;
    }
    if (encodable.length <= SINGLES_BELOW) {
      if (encodable.length === 1) return; // a batch of one that fails is a false signature
      for (const i of encodable) this.settle(checks, [i], keys, keyOf, hashes, results);
      return;
    }
    const half = encodable.length >> 1;
    this.settle(checks, encodable.slice(0, half), keys, keyOf, hashes, results);
    this.settle(checks, encodable.slice(half), keys, keyOf, hashes, results);
  }

  /** Runs the batch equation over `indices`; says whether it holds and which had valid encodings. */
  private run(
    checks: readonly SignatureCheck[],
    indices: readonly number[],
    allKeys: readonly Uint8Array[],
    keyOf: Int32Array,
    hashes: Uint8Array,
  ): { holds: boolean; encodable: number[] } {
    // Only the keys this sub-batch uses, renumbered.
    const local = new Map<number, number>();
    for (const i of indices) if (!local.has(keyOf[i]!)) local.set(keyOf[i]!, local.size);
    const n = indices.length;
    const k = local.size;
    const recordsAt = align(this.base);
    const keysAt = align(recordsAt + n * RECORD);
    const workAt = align(keysAt + k * 32);
    const end = workAt + this.exports.workSize(n, k);
    this.ensureMemory(end);
    const memory = new Uint8Array(this.exports.memory.buffer);
    const view = new DataView(this.exports.memory.buffer);
    for (const [global, j] of local) memory.set(allKeys[global]!, keysAt + j * 32);
    const z = new Uint8Array(n * 16);
    this.random(z);
    for (let r = 0; r < n; r++) {
      const i = indices[r]!;
      const at = recordsAt + r * RECORD;
      memory.set(checks[i]!.signature, at);
      z[r * 16] |= 1; // never zero, so a batch of one is exactly the single-signature equation
      memory.set(z.subarray(r * 16, r * 16 + 16), at + Z_OFF);
      memory.set(hashes.subarray(i * 64, i * 64 + 64), at + H_OFF);
      view.setUint32(at + KEY_OFF, local.get(keyOf[i]!)!, true);
    }
    const holds = this.exports.verifyBatch(recordsAt, n, keysAt, k, workAt) === 1;
    const encodable: number[] = [];
    const after = new Uint8Array(this.exports.memory.buffer);
    for (let r = 0; r < n; r++) if (after[recordsAt + r * RECORD + STATUS_OFF] === 0) encodable.push(indices[r]!);
    return { holds, encodable };
  }

  private ensureMemory(bytes: number): void {
    const memory = this.exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }
}

function align(n: number): number {
  return (n + 15) & ~15;
}

function hexOf(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** A batch verifier backed by WebAssembly; it runs on the calling thread. */
export function createWasmBatchVerifier(options: WasmBatchVerifierOptions = {}): Promise<WasmBatchVerifier> {
  return WasmBatchVerifier.create(options);
}

let shared: Promise<WasmBatchVerifier> | undefined;

/**
 * The default verifier of the pure code (tests, the browser, small logs): the WebAssembly batch
 * verifier on the calling thread, one instance shared by all callers.
 */
export const sharedWasmBatchVerifier: BatchVerifier = {
  async verifyBatch(checks) {
    shared ??= createWasmBatchVerifier();
    return (await shared).verifyAll(checks);
  },
};
