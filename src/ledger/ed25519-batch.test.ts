import { ed25519 } from "@noble/curves/ed25519.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fromHex } from "./bytes.ts";
import { verifySignature, type SignatureCheck } from "./ed25519.ts";
import { createWasmBatchVerifier, type WasmBatchVerifier } from "./ed25519-batch.ts";

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

const toBytes = (x: bigint, length = 32): Uint8Array => {
  const b = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    b[i] = Number(x & 255n);
    x >>= 8n;
  }
  return b;
};
const fromBytes = (b: Uint8Array): bigint => {
  let x = 0n;
  for (let i = b.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i]!);
  return x;
};

let verifier: WasmBatchVerifier;
beforeAll(async () => {
  verifier = await createWasmBatchVerifier();
});

/** Runs a test entry point with byte inputs placed in the module's memory. */
function call(inputs: Uint8Array[], outLength: number, fn: (out: number, ...ptrs: number[]) => number | void): { out: Uint8Array; ret: number | void } {
  const e = verifier.exports;
  const base = (e.heapBase() + 4096 + 15) & ~15;
  const memory = new Uint8Array(e.memory.buffer);
  const ptrs: number[] = [];
  let at = base + 128;
  for (const input of inputs) {
    memory.set(input, at);
    ptrs.push(at);
    at += 128;
  }
  const ret = fn(base, ...ptrs);
  return { out: new Uint8Array(e.memory.buffer).slice(base, base + outLength), ret };
}

const fieldElement = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 255n - 1n }),
  fc.bigInt({ min: P - 40n, max: 2n ** 255n - 1n }),
  fc.bigInt({ min: 0n, max: 40n }),
);

const keys = [1, 2, 3].map((n) => ed25519.utils.randomSecretKey(new Uint8Array(32).fill(n)));
const publicKeys = keys.map((k) => ed25519.getPublicKey(k));

function signed(count: number, seed = 0): SignatureCheck[] {
  return Array.from({ length: count }, (_, i) => {
    const message = new TextEncoder().encode(`entry ${seed}-${i} ${"x".repeat(i % 37)}`);
    const k = i % keys.length;
    return { publicKey: publicKeys[k]!, message, signature: ed25519.sign(message, keys[k]!) };
  });
}

describe("field arithmetic modulo 2^255 - 19", () => {
  it("multiplies and squares as BigInt does, for any 255-bit inputs", () => {
    fc.assert(
      fc.property(fieldElement, fieldElement, (a, b) => {
        const mul = call([toBytes(a), toBytes(b)], 32, (out, pa, pb) => verifier.exports.testFeMul(out, pa!, pb!)).out;
        expect(fromBytes(mul)).toBe((a * b) % P);
        const sq = call([toBytes(a)], 32, (out, pa) => verifier.exports.testFeSq(out, pa!)).out;
        expect(fromBytes(sq)).toBe((a * a) % P);
      }),
      { numRuns: 300 },
    );
  });
});

describe("scalars modulo the group order", () => {
  it("reduces any 512-bit value mod L as BigInt does", () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 512n - 1n }), fc.constant(2n ** 512n - 1n), fc.constant(L), fc.constant(L - 1n)), (x) => {
        const out = call([toBytes(x, 64)], 32, (o, px) => verifier.exports.testModL(o, px!)).out;
        expect(fromBytes(out)).toBe(x % L);
      }),
      { numRuns: 300 },
    );
  });
});

describe("curve points", () => {
  it("multiplies the base point as noble-curves does", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: L - 1n }), (k) => {
        const out = call([toBytes(k)], 32, (o, pk) => verifier.exports.testBaseMul(o, pk!)).out;
        expect(Buffer.from(out).toString("hex")).toBe(Buffer.from(ed25519.Point.BASE.multiply(k).toBytes()).toString("hex"));
      }),
      { numRuns: 40 },
    );
  });

  it("decodes and multiplies any valid point, and refuses encodings that are not points", () => {
    const point = ed25519.Point.BASE.multiply(123456789n);
    const out = call([point.toBytes(), toBytes(987654321n)], 32, (o, pp, pk) => verifier.exports.testScalarMul(o, pp!, pk!));
    expect(out.ret).toBe(1);
    expect(Buffer.from(out.out).toString("hex")).toBe(Buffer.from(point.multiply(987654321n).toBytes()).toString("hex"));
    // y = 2 is not the y of any point on the curve.
    expect(call([toBytes(2n), toBytes(5n)], 32, (o, pp, pk) => verifier.exports.testScalarMul(o, pp!, pk!)).ret).toBe(0);
  });
});

describe("batch verification", () => {
  it("accepts the RFC 8032 test vector 1 signature", () => {
    const publicKey = fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const signature = fromHex(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
    expect(verifier.verifyAll([{ publicKey, message: new Uint8Array(0), signature }])).toEqual([true]);
    expect(verifier.verifyAll([{ publicKey, message: new Uint8Array([0]), signature }])).toEqual([false]);
  });

  it("accepts a batch of valid signatures by several keys", () => {
    expect(verifier.verifyAll(signed(300)).every(Boolean)).toBe(true);
    expect(verifier.verifyAll([])).toEqual([]);
  });

  it("names exactly the false signatures in a batch", () => {
    const checks = signed(257, 1);
    const tampered = new Set([0, 100, 101, 256]);
    for (const i of tampered) {
      const c = checks[i]!;
      const message = c.message.slice();
      message[0]! ^= 1;
      checks[i] = { ...c, message };
    }
    const results = verifier.verifyAll(checks);
    expect(results.flatMap((ok, i) => (ok ? [] : [i]))).toEqual([...tampered]);
  });

  it("uses wide windows correctly in large batches (and still finds a single false signature)", () => {
    for (const size of [1100, 4100]) {
      const checks = signed(size, size);
      expect(verifier.verifyAll(checks).every(Boolean)).toBe(true);
      const c = checks[size - 3]!;
      const signature = c.signature.slice();
      signature[3]! ^= 0x40;
      checks[size - 3] = { ...c, signature };
      expect(verifier.verifyAll(checks).flatMap((ok, i) => (ok ? [] : [i]))).toEqual([size - 3]);
    }
  });

  it("refuses a signature under another party's key", () => {
    const [c] = signed(1, 2);
    expect(verifier.verifyAll([{ ...c!, publicKey: publicKeys[1]! }])).toEqual([false]);
  });

  it("agrees with the strict single verifier on non-canonical and malformed inputs", () => {
    const [c] = signed(1, 3);
    const s = fromBytes(c!.signature.subarray(32));
    const sPlusL = new Uint8Array(64);
    sPlusL.set(c!.signature.subarray(0, 32));
    sPlusL.set(toBytes(s + L), 32); // same signature with S not reduced: RFC 8032 refuses it
    const nonCanonicalR = c!.signature.slice();
    nonCanonicalR.set(toBytes(P + 1n), 0); // y >= p
    const identityKey = toBytes(1n); // the identity point: a key of small order
    const xZeroSignBit = toBytes(1n | (1n << 255n)); // x = 0 with the sign bit set
    const cases: SignatureCheck[] = [
      { ...c!, signature: sPlusL },
      { ...c!, signature: nonCanonicalR },
      { ...c!, publicKey: identityKey },
      { ...c!, publicKey: xZeroSignBit },
      { ...c!, signature: c!.signature.subarray(0, 63) },
      { ...c!, publicKey: c!.publicKey.subarray(0, 31) },
      c!,
    ];
    const batch = verifier.verifyAll(cases);
    expect(batch).toEqual(cases.map((x) => verifySignature(x.signature, x.message, x.publicKey)));
    expect(batch).toEqual([false, false, false, false, false, false, true]);
  });

  it("agrees with the strict single verifier on any single-byte change", () => {
    const base = signed(6, 4);
    fc.assert(
      fc.property(fc.nat(5), fc.constantFrom("signature", "message", "publicKey" as const), fc.nat(), fc.integer({ min: 1, max: 255 }), (which, field, at, xor) => {
        const c = base[which]!;
        const bytes = c[field].slice();
        if (bytes.length === 0) return;
        bytes[at % bytes.length]! ^= xor;
        const changed = { ...c, [field]: bytes };
        const checks = [...base.slice(0, which), changed, ...base.slice(which + 1)];
        const expected = checks.map((x) => verifySignature(x.signature, x.message, x.publicKey));
        expect(verifier.verifyAll(checks)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
