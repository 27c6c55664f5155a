// Scalars modulo the group order L = 2^252 + 27742317777372353535851937790883648493. Sums of
// products z_i * h_i are accumulated unreduced in i64 limbs of 16 bits (ACC_LIMBS of them),
// then carried into 96 limbs of 8 bits (768 bits) and reduced once, by the method of
// TweetNaCl's modL extended to 768-bit inputs.

const L: StaticArray<i64> = [
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/** A wide value: 96 limbs of 8 bits (each an i64 while reducing). */
export const WIDE: usize = 96 * 8;
/** An accumulator: 48 limbs of 16 bits (each an i64, carried only at the end). */
export const ACC_LIMBS: i32 = 48;
export const ACC: usize = <usize>ACC_LIMBS * 8;

@inline function limb(x: usize, i: i32): i64 {
  return load<i64>(x + (<usize>i << 3));
}

@inline function setLimb(x: usize, i: i32, v: i64): void {
  store<i64>(x + (<usize>i << 3), v);
}

/** Carries a 16-bit-limb accumulator into a wide value of 8-bit limbs (it must fit in 768 bits). */
export function accumulatorToWide(x: usize, acc: usize): void {
  let carry: i64 = 0;
  for (let i = 0; i < ACC_LIMBS; i++) {
    const v = load<i64>(acc + (<usize>i << 3)) + carry;
    carry = v >> 16;
    const low = v & 0xffff;
    setLimb(x, 2 * i, low & 255);
    setLimb(x, 2 * i + 1, low >> 8);
  }
}

/** r (32 bytes) = x mod L, for x a wide value of limbs 0..255; x is destroyed. */
export function modL(r: usize, x: usize): void {
  let carry: i64;
  for (let i = 95; i >= 32; i--) {
    carry = 0;
    let j = i - 32;
    const xi = limb(x, i);
    for (; j < i - 12; j++) {
      let v = limb(x, j) + carry - 16 * xi * unchecked(L[j - (i - 32)]);
      carry = (v + 128) >> 8;
      v -= carry << 8;
      setLimb(x, j, v);
    }
    setLimb(x, j, limb(x, j) + carry);
    setLimb(x, i, 0);
  }
  carry = 0;
  const top = limb(x, 31) >> 4;
  for (let j = 0; j < 32; j++) {
    let v = limb(x, j) + carry - top * unchecked(L[j]);
    carry = v >> 8;
    setLimb(x, j, v & 255);
  }
  for (let j = 0; j < 32; j++) setLimb(x, j, limb(x, j) - carry * unchecked(L[j]));
  for (let i = 0; i < 32; i++) {
    const v = limb(x, i);
    setLimb(x, i + 1, limb(x, i + 1) + (v >> 8));
    store<u8>(r + <usize>i, <u8>(v & 255));
  }
}

/** Loads n little-endian bytes into a zeroed wide value (for the test entry point). */
export function loadWide(x: usize, bytes: usize, n: i32): void {
  memory.fill(x, 0, WIDE);
  for (let i = 0; i < n; i++) setLimb(x, i, <i64>load<u8>(bytes + <usize>i));
}

/**
 * acc += a * b for a of na and b of nb 16-bit limbs (little-endian bytes), without carrying:
 * each limb gains less than 2^32 * min(na, nb), so 2^26 signatures cannot overflow an i64.
 */
export function mulAccumulate(acc: usize, a: usize, na: i32, b: usize, nb: i32): void {
  for (let i = 0; i < na; i++) {
    const ai = <i64>load<u16>(a + (<usize>i << 1));
    const row = acc + (<usize>i << 3);
    for (let j = 0; j < nb; j++) {
      const p = row + (<usize>j << 3);
      store<i64>(p, load<i64>(p) + ai * <i64>load<u16>(b + (<usize>j << 1)));
    }
  }
}

/** S < L, as RFC 8032 requires of the second half of a signature. */
export function scalarIsCanonical(s: usize): bool {
  for (let i = 31; i >= 0; i--) {
    const a = <i64>load<u8>(s + <usize>i);
    const b = unchecked(L[i]);
    if (a < b) return true;
    if (a > b) return false;
  }
  return false;
}
