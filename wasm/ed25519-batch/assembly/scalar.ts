// Scalars modulo the group order L = 2^252 + 27742317777372353535851937790883648493, held as
// 64 signed i64 limbs of 8 bits (512 bytes) so that products and sums of many products can be
// accumulated without carrying and reduced once (the method of TweetNaCl's modL).

const L: StaticArray<i64> = [
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

export const WIDE: usize = 64 * 8;

@inline function limb(x: usize, i: i32): i64 {
  return load<i64>(x + (<usize>i << 3));
}

@inline function setLimb(x: usize, i: i32, v: i64): void {
  store<i64>(x + (<usize>i << 3), v);
}

/** Carries a wide accumulator into limbs of 0..255 (the value must fit in 512 bits). */
export function normalise(x: usize): void {
  let carry: i64 = 0;
  for (let i = 0; i < 64; i++) {
    const v = limb(x, i) + carry;
    carry = v >> 8;
    setLimb(x, i, v & 255);
  }
}

/** r (32 bytes) = x mod L, for x a normalised wide value; x is destroyed. */
export function modL(r: usize, x: usize): void {
  let carry: i64;
  for (let i = 63; i >= 32; i--) {
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

/** Loads n little-endian bytes into a zeroed wide value. */
export function loadWide(x: usize, bytes: usize, n: i32): void {
  memory.fill(x, 0, WIDE);
  for (let i = 0; i < n; i++) setLimb(x, i, <i64>load<u8>(bytes + <usize>i));
}

/** acc += a * b, a of na bytes and b of nb bytes, limb by limb (no carrying). */
export function mulAccumulate(acc: usize, a: usize, na: i32, b: usize, nb: i32): void {
  for (let i = 0; i < na; i++) {
    const ai = <i64>load<u8>(a + <usize>i);
    if (ai == 0) continue;
    const row = acc + (<usize>i << 3);
    for (let j = 0; j < nb; j++) {
      const p = row + (<usize>j << 3);
      store<i64>(p, load<i64>(p) + ai * <i64>load<u8>(b + <usize>j));
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
