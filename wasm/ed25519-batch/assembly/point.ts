// Points of edwards25519. Extended coordinates (X:Y:Z:T, x = X/Z, y = Y/Z, xy = T/Z; 4 field
// elements, 320 bytes), "cached" form of an extended point for additions (Y+X, Y-X, Z, 2dT), and
// the affine "niels" form (y+x, y-x, 2dxy; 240 bytes) that decoded signature points take.
// The formulas are the complete ones for a = -1 (Hisil–Wong–Carter–Dawson), so additions need
// no special cases for doubling or the identity.
import { FE, feAdd, feCarry, feCopy, feFromBytes, feFromConstant, feIsNegative, feIsZero, feMul, feMulSqrtM1, feNeg, feOne, fePow22523, feSq, feSub, feZero } from "./field";
import { D, D2 } from "./field-generated";

export const P3: usize = 4 * FE;
export const CACHED: usize = 4 * FE;
export const NIELS: usize = 3 * FE;

// Offsets of the coordinates.
const X: usize = 0;
const Y: usize = FE;
const Z: usize = 2 * FE;
const T: usize = 3 * FE;

// Scratch space: a completed point (E, H, G, F as four elements) and temporaries.
const C_X = memory.data(80);
const C_Y = memory.data(80);
const C_Z = memory.data(80);
const C_T = memory.data(80);
const U0 = memory.data(80);
const CONST_2D = memory.data(80);
const CONST_D = memory.data(80);

export function pointInit(): void {
  feFromConstant(CONST_2D, D2);
  feFromConstant(CONST_D, D);
}

export function identity(p: usize): void {
  feZero(p + X);
  feOne(p + Y);
  feOne(p + Z);
  feZero(p + T);
}

/** Completed point → extended: 4 multiplications. */
@inline function fromCompleted(r: usize): void {
  feMul(r + X, C_X, C_T);
  feMul(r + Y, C_Y, C_Z);
  feMul(r + Z, C_Z, C_T);
  feMul(r + T, C_X, C_Y);
}

export function toCached(c: usize, p: usize): void {
  feAdd(c, p + Y, p + X);
  feCarry(c);
  feSub(c + FE, p + Y, p + X);
  feCarry(c + FE);
  feCopy(c + 2 * FE, p + Z);
  feMul(c + 3 * FE, p + T, CONST_2D);
}

/** r = p + q, q cached. r may be p. */
export function addCached(r: usize, p: usize, q: usize): void {
  feAdd(C_X, p + Y, p + X);
  feSub(C_Y, p + Y, p + X);
  feMul(C_Z, C_X, q); // (Y1+X1)(Y2+X2)
  feMul(C_Y, C_Y, q + FE); // (Y1-X1)(Y2-X2)
  feMul(C_T, q + 3 * FE, p + T);
  feMul(C_X, p + Z, q + 2 * FE);
  feAdd(U0, C_X, C_X);
  feSub(C_X, C_Z, C_Y);
  feAdd(C_Y, C_Z, C_Y);
  feAdd(C_Z, U0, C_T);
  feSub(C_T, U0, C_T);
  fromCompleted(r);
}

/** r = p - q, q cached. */
export function subCached(r: usize, p: usize, q: usize): void {
  feAdd(C_X, p + Y, p + X);
  feSub(C_Y, p + Y, p + X);
  feMul(C_Z, C_X, q + FE);
  feMul(C_Y, C_Y, q);
  feMul(C_T, q + 3 * FE, p + T);
  feMul(C_X, p + Z, q + 2 * FE);
  feAdd(U0, C_X, C_X);
  feSub(C_X, C_Z, C_Y);
  feAdd(C_Y, C_Z, C_Y);
  feSub(C_Z, U0, C_T);
  feAdd(C_T, U0, C_T);
  fromCompleted(r);
}

/** r = p + q, q in niels form. r may be p. */
export function addNiels(r: usize, p: usize, q: usize): void {
  feAdd(C_X, p + Y, p + X);
  feSub(C_Y, p + Y, p + X);
  feMul(C_Z, C_X, q);
  feMul(C_Y, C_Y, q + FE);
  feMul(C_T, q + 2 * FE, p + T);
  feAdd(U0, p + Z, p + Z);
  feSub(C_X, C_Z, C_Y);
  feAdd(C_Y, C_Z, C_Y);
  feAdd(C_Z, U0, C_T);
  feSub(C_T, U0, C_T);
  fromCompleted(r);
}

/** r = p - q, q in niels form. */
export function subNiels(r: usize, p: usize, q: usize): void {
  feAdd(C_X, p + Y, p + X);
  feSub(C_Y, p + Y, p + X);
  feMul(C_Z, C_X, q + FE);
  feMul(C_Y, C_Y, q);
  feMul(C_T, q + 2 * FE, p + T);
  feAdd(U0, p + Z, p + Z);
  feSub(C_X, C_Z, C_Y);
  feAdd(C_Y, C_Z, C_Y);
  feSub(C_Z, U0, C_T);
  feAdd(C_T, U0, C_T);
  fromCompleted(r);
}

/** r = 2p. r may be p. */
export function dbl(r: usize, p: usize): void {
  feSq(C_X, p + X);
  feSq(C_Z, p + Y);
  feSq(C_T, p + Z);
  feAdd(C_T, C_T, C_T);
  feAdd(C_Y, p + X, p + Y);
  feSq(U0, C_Y);
  feAdd(C_Y, C_Z, C_X);
  feSub(C_Z, C_Z, C_X);
  feSub(C_X, U0, C_Y);
  feSub(C_T, C_T, C_Z);
  fromCompleted(r);
}

export function negate(r: usize, p: usize): void {
  feNeg(r + X, p + X);
  feCopy(r + Y, p + Y);
  feCopy(r + Z, p + Z);
  feNeg(r + T, p + T);
}

export function isIdentity(p: usize): bool {
  if (!feIsZero(p + X)) return false;
  feSub(U0, p + Y, p + Z);
  return feIsZero(U0);
}

const DY = memory.data(80);
const DU = memory.data(80);
const DV = memory.data(80);
const DV3 = memory.data(80);
const DX = memory.data(80);
const DCHECK = memory.data(80);

/**
 * Decodes a 32-byte point encoding as RFC 8032 (5.1.3) requires, strictly: y < p, x recovered
 * from the curve equation, and the encoding of x = 0 with the sign bit set refused. Writes the
 * affine x and y; returns false for an invalid encoding.
 */
export function decodeAffine(x: usize, y: usize, s: usize): bool {
  if (!canonicalY(s)) return false;
  feFromBytes(DY, s);
  feSq(DU, DY);
  feMul(DV, DU, CONST_D);
  feSub(DU, DU, ONE); // u = y^2 - 1
  feAdd(DV, DV, ONE); // v = d y^2 + 1
  feCarry(DU);
  feCarry(DV);
  feSq(DV3, DV);
  feMul(DV3, DV3, DV); // v^3
  feSq(DX, DV3);
  feMul(DX, DX, DV);
  feMul(DX, DX, DU); // u v^7
  fePow22523(DX, DX);
  feMul(DX, DX, DV3);
  feMul(DX, DX, DU); // u v^3 (u v^7)^((p-5)/8)
  feSq(DCHECK, DX);
  feMul(DCHECK, DCHECK, DV); // v x^2
  feSub(DCHECK, DCHECK, DU);
  if (!feIsZero(DCHECK)) {
    feAdd(DCHECK, DCHECK, DU);
    feAdd(DCHECK, DCHECK, DU); // v x^2 + u
    if (!feIsZero(DCHECK)) return false;
    feMulSqrtM1(DX, DX);
  }
  const sign = (load<u8>(s, 31) >> 7) == 1;
  if (feIsZero(DX) && sign) return false;
  if (feIsNegative(DX) != sign) feNeg(DX, DX);
  feCarry(DX);
  feCopy(x, DX);
  feCopy(y, DY);
  return true;
}

const ONE = memory.data(80);
export function oneInit(): void {
  feOne(ONE);
}

/** y < p, as a strict decoder requires (the sign bit is not part of y). */
function canonicalY(s: usize): bool {
  // y >= p only when y is in [2^255 - 19, 2^255 - 1]: low byte >= 0xed, all others 0xff (top 0x7f).
  if ((load<u8>(s, 31) & 0x7f) != 0x7f) return true;
  for (let i = 30; i >= 1; i--) if (load<u8>(s + <usize>i) != 0xff) return true;
  return load<u8>(s) < 0xed;
}

const AX = memory.data(80);
const AY = memory.data(80);

/** Decodes into niels form (y+x, y-x, 2dxy); false for an invalid encoding. */
export function decodeNiels(n: usize, s: usize): bool {
  if (!decodeAffine(AX, AY, s)) return false;
  feAdd(n, AY, AX);
  feCarry(n);
  feSub(n + FE, AY, AX);
  feCarry(n + FE);
  feMul(n + 2 * FE, AX, AY);
  feMul(n + 2 * FE, n + 2 * FE, CONST_2D);
  return true;
}

/** Decodes into extended coordinates; false for an invalid encoding. */
export function decodeExtended(p: usize, s: usize): bool {
  if (!decodeAffine(p + X, p + Y, s)) return false;
  feOne(p + Z);
  feMul(p + T, p + X, p + Y);
  return true;
}

export function basePoint(p: usize, bx: StaticArray<i64>, by: StaticArray<i64>, bt: StaticArray<i64>): void {
  feFromConstant(p + X, bx);
  feFromConstant(p + Y, by);
  feOne(p + Z);
  feFromConstant(p + T, bt);
}

// Table of 0P..15P in cached form for the fixed-window multiplication.
const TABLE = memory.data(16 * 320);
const ACC = memory.data(320);

/** r = [k]p for a 32-byte little-endian scalar k (variable time: inputs are public). */
export function scalarMul(r: usize, p: usize, k: usize): void {
  identity(ACC);
  toCached(TABLE, ACC);
  toCached(TABLE + CACHED, p);
  feCopy(ACC, p);
  feCopy(ACC + FE, p + FE);
  feCopy(ACC + 2 * FE, p + 2 * FE);
  feCopy(ACC + 3 * FE, p + 3 * FE);
  for (let i: usize = 2; i < 16; i++) {
    addCached(ACC, ACC, TABLE + CACHED);
    toCached(TABLE + i * CACHED, ACC);
  }
  identity(ACC);
  for (let i = 63; i >= 0; i--) {
    if (i != 63) {
      dbl(ACC, ACC);
      dbl(ACC, ACC);
      dbl(ACC, ACC);
      dbl(ACC, ACC);
    }
    const byte = load<u8>(k + (<usize>i >> 1));
    const nibble = (i & 1) ? (byte >> 4) : (byte & 15);
    if (nibble != 0) addCached(ACC, ACC, TABLE + <usize>nibble * CACHED);
  }
  memory.copy(r, ACC, P3);
}
