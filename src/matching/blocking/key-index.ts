/**
 * Dense codes for 64-bit keys given as two 32-bit halves, by open addressing on typed arrays:
 * a Map keyed by 53-bit doubles boxes every key and was the slowest part of blocking. A slot's
 * two halves and id sit side by side in one array, so a probe costs one cache miss, not three.
 */
export class KeyIndex {
  private slots: Int32Array; // [hi, lo, id] per slot; id -1 = empty
  private mask: number;
  size = 0;
  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.slots = KeyIndex.emptySlots(cap);
    this.mask = cap - 1;
  }
  private static emptySlots(cap: number): Int32Array {
    const s = new Int32Array(cap * 3);
    for (let k = 2; k < s.length; k += 3) s[k] = -1;
    return s;
  }
  private get capacity(): number {
    return this.mask + 1;
  }
  /**
   * Makes room for n keys at once: growing step by step allocates large arrays again and again,
   * and every large allocation pushes the garbage collector to walk the whole heap.
   */
  reserve(n: number): void {
    let cap = this.capacity;
    while (n * 2 > cap) cap *= 2;
    if (cap > this.capacity) this.grow(cap);
  }
  /** The dense code of key (a, b), assigned in order of first appearance. */
  code(a: number, b: number): number {
    if (this.size * 2 >= this.capacity) this.grow();
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const o = slot * 3;
      const id = slots[o + 2]!;
      if (id < 0) {
        slots[o] = a;
        slots[o + 1] = b;
        slots[o + 2] = this.size;
        return this.size++;
      }
      if (slots[o] === a && slots[o + 1] === b) return id;
      slot = (slot + 1) & mask;
    }
  }
  /** Forgets every key but keeps the arrays, so one index serves rule after rule. */
  clear(): void {
    const s = this.slots;
    for (let k = 2; k < s.length; k += 3) s[k] = -1;
    this.size = 0;
  }
  private grow(cap = this.capacity * 2): void {
    const old = this.slots;
    this.slots = KeyIndex.emptySlots(cap);
    this.mask = cap - 1;
    for (let o = 0; o < old.length; o += 3) {
      const id = old[o + 2]!;
      if (id < 0) continue;
      const a = old[o]!;
      const b = old[o + 1]!;
      let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
      h ^= h >>> 13;
      let slot = h & this.mask;
      while (this.slots[slot * 3 + 2]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 3] = a;
      this.slots[slot * 3 + 1] = b;
      this.slots[slot * 3 + 2] = id;
    }
  }
}
