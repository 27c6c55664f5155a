// Ed25519 batch verification (the cofactored equation of RFC 8032 §5.1.7, as noble-curves
// checks it one signature at a time, with its strict encodings):
//
//   [8] ( Σ z_i R_i + Σ_j (Σ_{i: key j} z_i k_i) A_j − (Σ z_i S_i) B ) = 0
//
// for random 128-bit z_i, k_i = SHA-512(R_i ‖ A_i ‖ M_i) mod L. A false signature makes the sum
// non-zero except with probability about 2^-127. The R_i terms are one multi-scalar
// multiplication (Pippenger's buckets with signed digits); signatures by one key share a single
// multiplication of that key. The caller hashes the messages and supplies the z_i.
import { FE, feMul, feSq, feToBytes, fePow22523 } from "./field";
import { BASE_T, BASE_X, BASE_Y } from "./field-generated";
import { CACHED, NIELS, P3, addCached, addNiels, basePoint, dbl, decodeExtended, decodeNiels, identity, isIdentity, negate, oneInit, pointInit, scalarMul, subCached, subNiels, toCached } from "./point";
import { ACC, WIDE, accumulatorToWide, loadWide, modL, mulAccumulate, scalarIsCanonical } from "./scalar";

/** Layout of one signature record written by the caller. */
export const RECORD: usize = 160;
const R_OFF: usize = 0;
const S_OFF: usize = 32;
const Z_OFF: usize = 64;
const H_OFF: usize = 80;
const KEY_OFF: usize = 144;
/** Per record status written back: 0 valid encoding, 1 bad R, 2 bad S, 3 bad key. */
const STATUS_OFF: usize = 148;

let initialised = false;
function init(): void {
  if (initialised) return;
  pointInit();
  oneInit();
  initialised = true;
}

export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/** Bytes of work space verifyBatch needs for n signatures by k keys. */
export function workSize(n: i32, k: i32): usize {
  const c = windowBits(n);
  const windows = windowCount(c);
  return <usize>n * NIELS + <usize>n * <usize>windows * 2 + <usize>k * (P3 + CACHED + ACC + 32 + 4) + ACC * 2 + (<usize>1 << (c - 1)) * P3 + 8 * P3 + 64;
}

/**
 * Windows of c bits for a 128-bit scalar: enough that the top window is at most c - 1 bits
 * wide, so its digit (plus the carry from below) is at most 2^(c-1) and needs no carry out.
 */
function windowCount(c: i32): i32 {
  return (129 + c - 1) / c;
}

function windowBits(n: i32): i32 {
  if (n < 16) return 3;
  if (n < 128) return 5;
  if (n < 1024) return 7;
  if (n < 4096) return 9;
  if (n < 16384) return 10;
  if (n < 65536) return 12;
  return 13;
}

const KEY_SCALAR = memory.data(32);
const TMP_POINT = memory.data(320);
const TMP_CACHED = memory.data(320);
const RESULT = memory.data(320);
const RUNNING = memory.data(320);
const SUM = memory.data(320);
const HASH_WIDE = memory.data(768);
const K_BYTES = memory.data(32);

/**
 * Checks n signature records at `records` against k public keys at `keys` (32 bytes each),
 * using `work` (workSize bytes). Returns 1 when every record with a valid encoding satisfies the
 * batch equation, 0 when the equation fails; each record's STATUS byte says whether its
 * encodings were valid (records with invalid encodings are left out of the equation).
 */
export function verifyBatch(records: usize, n: i32, keys: usize, k: i32, work: usize): i32 {
  init();
  const c = windowBits(n);
  const windows = windowCount(c);
  const buckets = 1 << (c - 1);
  let p = (work + 15) & ~15;
  const niels = p; p += <usize>n * NIELS;
  const keyPoints = p; p += <usize>k * P3;
  const keyAcc = p; p += <usize>k * ACC;
  const keyOk = p; p += <usize>k * 4;
  const sAcc = p; p += ACC;
  const bucketArea = (p + 15) & ~15; p = bucketArea + <usize>buckets * P3;
  const digits = p; p += <usize>n * <usize>windows * 2;

  // Keys: strict decoding, and no small-order keys (noble's strict mode refuses them too).
  for (let j = 0; j < k; j++) {
    const point = keyPoints + <usize>j * P3;
    let ok = decodeExtended(point, keys + (<usize>j << 5));
    if (ok) {
      dbl(TMP_POINT, point);
      dbl(TMP_POINT, TMP_POINT);
      dbl(TMP_POINT, TMP_POINT);
      ok = !isIdentity(TMP_POINT);
    }
    store<i32>(keyOk + (<usize>j << 2), ok ? 1 : 0);
    memory.fill(keyAcc + <usize>j * ACC, 0, ACC);
  }
  memory.fill(sAcc, 0, ACC);

  let used = 0;
  for (let i = 0; i < n; i++) {
    const rec = records + <usize>i * RECORD;
    const key = load<u32>(rec + KEY_OFF);
    let status: u8 = 0;
    if (key >= <u32>k || load<i32>(keyOk + (<usize>key << 2)) == 0) status = 3;
    else if (!scalarIsCanonical(rec + S_OFF)) status = 2;
    else if (!decodeNiels(niels + <usize>used * NIELS, rec + R_OFF)) status = 1;
    store<u8>(rec + STATUS_OFF, status);
    if (status != 0) continue;
    // Key accumulator += z H (H the whole 512-bit hash: k = H mod L is taken once, of the sum);
    // S accumulator += z S.
    mulAccumulate(keyAcc + <usize>key * ACC, rec + Z_OFF, 8, rec + H_OFF, 32);
    mulAccumulate(sAcc, rec + Z_OFF, 8, rec + S_OFF, 16);
    signedDigits(digits + <usize>used * <usize>windows * 2, rec + Z_OFF, c, windows);
    used++;
  }

  // Σ z_i R_i by buckets, most significant window first.
  identity(RESULT);
  for (let w = windows - 1; w >= 0; w--) {
    if (w != windows - 1) for (let b = 0; b < c; b++) dbl(RESULT, RESULT);
    for (let b = 0; b < buckets; b++) identity(bucketArea + <usize>b * P3);
    for (let i = 0; i < used; i++) {
      const d = <i32>load<i16>(digits + (<usize>i * <usize>windows + <usize>w) * 2);
      if (d > 0) {
        const bucket = bucketArea + <usize>(d - 1) * P3;
        addNiels(bucket, bucket, niels + <usize>i * NIELS);
      } else if (d < 0) {
        const bucket = bucketArea + <usize>(-d - 1) * P3;
        subNiels(bucket, bucket, niels + <usize>i * NIELS);
      }
    }
    // Σ_b (b+1) bucket_b as running sums from the top bucket down.
    identity(RUNNING);
    identity(SUM);
    for (let b = buckets - 1; b >= 0; b--) {
      toCached(TMP_CACHED, bucketArea + <usize>b * P3);
      addCached(RUNNING, RUNNING, TMP_CACHED);
      toCached(TMP_CACHED, RUNNING);
      addCached(SUM, SUM, TMP_CACHED);
    }
    toCached(TMP_CACHED, SUM);
    addCached(RESULT, RESULT, TMP_CACHED);
  }

  // + Σ_j a_j A_j
  for (let j = 0; j < k; j++) {
    if (load<i32>(keyOk + (<usize>j << 2)) == 0) continue;
    accumulatorToWide(HASH_WIDE, keyAcc + <usize>j * ACC);
    modL(KEY_SCALAR, HASH_WIDE);
    scalarMul(TMP_POINT, keyPoints + <usize>j * P3, KEY_SCALAR);
    toCached(TMP_CACHED, TMP_POINT);
    addCached(RESULT, RESULT, TMP_CACHED);
  }

  // − s B
  accumulatorToWide(HASH_WIDE, sAcc);
  modL(KEY_SCALAR, HASH_WIDE);
  basePoint(TMP_POINT, BASE_X, BASE_Y, BASE_T);
  scalarMul(TMP_POINT, TMP_POINT, KEY_SCALAR);
  toCached(TMP_CACHED, TMP_POINT);
  subCached(RESULT, RESULT, TMP_CACHED);

  dbl(RESULT, RESULT);
  dbl(RESULT, RESULT);
  dbl(RESULT, RESULT);
  return isIdentity(RESULT) ? 1 : 0;
}

/** Signed radix-2^c digits of a 128-bit scalar, each in [-2^(c-1), 2^(c-1)); the top one in [0, 2^(c-1)]. */
function signedDigits(out: usize, z: usize, c: i32, windows: i32): void {
  const lo = load<u64>(z);
  const hi = load<u64>(z, 8);
  let carry: i32 = 0;
  const half = 1 << (c - 1);
  const mask: u64 = (<u64>1 << <u64>c) - 1;
  for (let w = 0; w < windows; w++) {
    const bit = w * c;
    let v: u64 = 0;
    if (bit < 64) {
      v = lo >> <u64>bit;
      if (bit + c > 64 && bit > 0) v |= hi << <u64>(64 - bit);
    } else if (bit < 128) {
      v = hi >> <u64>(bit - 64);
    }
    let d = <i32>(v & mask) + carry;
    if (d >= half && w != windows - 1) {
      d -= 1 << c;
      carry = 1;
    } else {
      carry = 0;
    }
    store<i16>(out + <usize>w * 2, <i16>d);
  }
}

// ---- Entry points for tests (checked against BigInt and noble-curves from JavaScript) ----

const TA = memory.data(80);
const TB = memory.data(80);
const TC = memory.data(80);

/** out = a * b mod p, all 32-byte little-endian (inputs taken mod 2^255). */
export function testFeMul(out: usize, a: usize, b: usize): void {
  init();
  feFromBytesExport(TA, a);
  feFromBytesExport(TB, b);
  feMul(TC, TA, TB);
  feToBytes(out, TC);
}

export function testFeSq(out: usize, a: usize): void {
  init();
  feFromBytesExport(TA, a);
  feSq(TC, TA);
  feToBytes(out, TC);
}

import { feFromBytes as feFromBytesExport } from "./field";

/** out (32 bytes) = x mod L for a 64-byte little-endian x. */
export function testModL(out: usize, x: usize): void {
  loadWide(HASH_WIDE, x, 64);
  modL(out, HASH_WIDE);
}

/** out = encoding of [k]P for P the point encoded at p; returns 0 if p does not decode. */
export function testScalarMul(out: usize, p: usize, k: usize): i32 {
  init();
  if (!decodeExtended(TMP_POINT, p)) return 0;
  scalarMul(RESULT, TMP_POINT, k);
  encode(out, RESULT);
  return 1;
}

/** out = encoding of [k]B. */
export function testBaseMul(out: usize, k: usize): void {
  init();
  basePoint(TMP_POINT, BASE_X, BASE_Y, BASE_T);
  scalarMul(RESULT, TMP_POINT, k);
  encode(out, RESULT);
}

const INV = memory.data(80);
const INV_T = memory.data(80);
const EX = memory.data(80);
const EY = memory.data(80);

/** Point encoding: y with the sign of x in the top bit (x = X/Z, y = Y/Z). */
function encode(out: usize, p: usize): void {
  // 1/Z = Z^(p-2) = (Z^(2^252-3))^8 · Z^3
  fePow22523(INV, p + 2 * FE);
  feSq(INV, INV);
  feSq(INV, INV);
  feSq(INV, INV);
  feSq(INV_T, p + 2 * FE);
  feMul(INV_T, INV_T, p + 2 * FE);
  feMul(INV, INV, INV_T);
  feMul(EX, p, INV);
  feMul(EY, p + FE, INV);
  feToBytes(out, EY);
  feToBytes(K_BYTES, EX);
  store<u8>(out + 31, load<u8>(out + 31) | ((load<u8>(K_BYTES) & 1) << 7));
}

export { negate };
