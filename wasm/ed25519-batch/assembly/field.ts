// Arithmetic modulo p = 2^255 - 19 on field elements of 10 signed i64 limbs (80 bytes at a
// pointer). Multiplication, squaring and carrying are generated (field-generated.ts).
import { feMul, feSq, feCarry, SQRT_M1 } from "./field-generated";

export const FE: usize = 80;

// Scratch elements for the functions in this file only.
const T0 = memory.data(80);
const T1 = memory.data(80);
const T2 = memory.data(80);
const BYTES = memory.data(32);

export function feZero(h: usize): void {
  memory.fill(h, 0, FE);
}

export function feOne(h: usize): void {
  memory.fill(h, 0, FE);
  store<i64>(h, 1);
}

export function feCopy(h: usize, f: usize): void {
  memory.copy(h, f, FE);
}

export function feFromConstant(h: usize, c: StaticArray<i64>): void {
  for (let i = 0; i < 10; i++) store<i64>(h + (<usize>i << 3), unchecked(c[i]));
}

// Sums and differences are not carried: the products that consume them stay within i64 for
// inputs that are sums of up to four carried elements, which is the most any formula here makes.
@inline export function feAdd(h: usize, f: usize, g: usize): void {
  for (let i: usize = 0; i < 80; i += 8) store<i64>(h + i, load<i64>(f + i) + load<i64>(g + i));
}

@inline export function feSub(h: usize, f: usize, g: usize): void {
  for (let i: usize = 0; i < 80; i += 8) store<i64>(h + i, load<i64>(f + i) - load<i64>(g + i));
}

@inline export function feNeg(h: usize, f: usize): void {
  for (let i: usize = 0; i < 80; i += 8) store<i64>(h + i, -load<i64>(f + i));
}

export { feMul, feSq, feCarry };

/** Reads 32 little-endian bytes, ignoring the top bit (it carries the sign of x in a point). */
export function feFromBytes(h: usize, s: usize): void {
  const w0 = load<u64>(s);
  const w1 = load<u64>(s, 8);
  const w2 = load<u64>(s, 16);
  const w3 = load<u64>(s, 24) & 0x7fffffffffffffff;
  // Limb i holds bits [ceil(25.5 i), ceil(25.5 (i+1))).
  store<i64>(h, <i64>(w0 & 0x3ffffff), 0);
  store<i64>(h, <i64>((w0 >> 26) & 0x1ffffff), 8);
  store<i64>(h, <i64>(((w0 >> 51) | (w1 << 13)) & 0x3ffffff), 16);
  store<i64>(h, <i64>((w1 >> 13) & 0x1ffffff), 24);
  store<i64>(h, <i64>((w1 >> 38) & 0x3ffffff), 32);
  store<i64>(h, <i64>(w2 & 0x1ffffff), 40);
  store<i64>(h, <i64>((w2 >> 25) & 0x3ffffff), 48);
  store<i64>(h, <i64>(((w2 >> 51) | (w3 << 13)) & 0x1ffffff), 56);
  store<i64>(h, <i64>((w3 >> 12) & 0x3ffffff), 64);
  store<i64>(h, <i64>((w3 >> 38) & 0x1ffffff), 72);
}

/** Writes the unique representative in [0, p) as 32 little-endian bytes. */
export function feToBytes(s: usize, f: usize): void {
  feCopy(T0, f);
  feCarry(T0);
  let h0 = load<i64>(T0, 0), h1 = load<i64>(T0, 8), h2 = load<i64>(T0, 16), h3 = load<i64>(T0, 24), h4 = load<i64>(T0, 32);
  let h5 = load<i64>(T0, 40), h6 = load<i64>(T0, 48), h7 = load<i64>(T0, 56), h8 = load<i64>(T0, 64), h9 = load<i64>(T0, 72);
  // q is 1 when h >= p (then h - p is the answer), 0 otherwise; h may be slightly negative.
  let q: i64 = (19 * h9 + (1 << 24)) >> 25;
  q = (h0 + q) >> 26; q = (h1 + q) >> 25; q = (h2 + q) >> 26; q = (h3 + q) >> 25; q = (h4 + q) >> 26;
  q = (h5 + q) >> 25; q = (h6 + q) >> 26; q = (h7 + q) >> 25; q = (h8 + q) >> 26; q = (h9 + q) >> 25;
  h0 += 19 * q;
  let c: i64;
  c = h0 >> 26; h1 += c; h0 -= c << 26;
  c = h1 >> 25; h2 += c; h1 -= c << 25;
  c = h2 >> 26; h3 += c; h2 -= c << 26;
  c = h3 >> 25; h4 += c; h3 -= c << 25;
  c = h4 >> 26; h5 += c; h4 -= c << 26;
  c = h5 >> 25; h6 += c; h5 -= c << 25;
  c = h6 >> 26; h7 += c; h6 -= c << 26;
  c = h7 >> 25; h8 += c; h7 -= c << 25;
  c = h8 >> 26; h9 += c; h8 -= c << 26;
  c = h9 >> 25; h9 -= c << 25;
  const w0 = <u64>h0 | (<u64>h1 << 26) | (<u64>h2 << 51);
  const w1 = (<u64>h2 >> 13) | (<u64>h3 << 13) | (<u64>h4 << 38);
  const w2 = <u64>h5 | (<u64>h6 << 25) | (<u64>h7 << 51);
  const w3 = (<u64>h7 >> 13) | (<u64>h8 << 12) | (<u64>h9 << 38);
  store<u64>(s, w0, 0);
  store<u64>(s, w1, 8);
  store<u64>(s, w2, 16);
  store<u64>(s, w3, 24);
}

export function feIsZero(f: usize): bool {
  feToBytes(BYTES, f);
  return (load<u64>(BYTES) | load<u64>(BYTES, 8) | load<u64>(BYTES, 16) | load<u64>(BYTES, 24)) == 0;
}

/** The "sign" of x in a point encoding: the low bit of its canonical form. */
export function feIsNegative(f: usize): bool {
  feToBytes(BYTES, f);
  return (load<u8>(BYTES) & 1) == 1;
}

function sqTimes(h: usize, f: usize, n: i32): void {
  feSq(h, f);
  for (let i = 1; i < n; i++) feSq(h, h);
}

/** h = z^((p-5)/8) = z^(2^252 - 3), the exponent of the square-root-of-a-ratio step. */
export function fePow22523(h: usize, z: usize): void {
  feSq(T0, z); // 2
  sqTimes(T1, T0, 2); // 8
  feMul(T1, z, T1); // 9
  feMul(T0, T0, T1); // 11
  feSq(T0, T0); // 22
  feMul(T0, T1, T0); // 2^5 - 1
  sqTimes(T1, T0, 5);
  feMul(T0, T1, T0); // 2^10 - 1
  sqTimes(T1, T0, 10);
  feMul(T1, T1, T0); // 2^20 - 1
  sqTimes(T2, T1, 20);
  feMul(T1, T2, T1); // 2^40 - 1
  sqTimes(T1, T1, 10);
  feMul(T0, T1, T0); // 2^50 - 1
  sqTimes(T1, T0, 50);
  feMul(T1, T1, T0); // 2^100 - 1
  sqTimes(T2, T1, 100);
  feMul(T1, T2, T1); // 2^200 - 1
  sqTimes(T1, T1, 50);
  feMul(T0, T1, T0); // 2^250 - 1
  sqTimes(T0, T0, 2); // 2^252 - 4
  feMul(h, T0, z); // 2^252 - 3
}

export function feMulSqrtM1(h: usize, f: usize): void {
  feFromConstant(T2, SQRT_M1);
  feMul(h, f, T2);
}
