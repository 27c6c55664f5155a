import type { PreparedTable } from "../model/prepared-table.ts";
import type { KeyTransform, LinkSettings } from "../model/settings-schema.ts";
import type { BlockWindow, WindowParts } from "./block-window.ts";
import { KeyIndex } from "./key-index.ts";
import { keyPartCode } from "./key-parts.ts";

export { KeyIndex } from "./key-index.ts";
export { keyPartCode, keyPartString, recordKeyStrings } from "./key-parts.ts";

/** Largest key-part value counted in an array indexed by value (4 M values: 16 MB) rather than hashed. */
const DIRECT_COUNT_LIMIT = 1 << 22;

/** Below this many possible pairs, a value's share of the records says nothing about how common it is. */
export const MIN_WINDOW_POPULATION_PAIRS = 250_000;

/**
 * Integer-coded blocking keys: out[r][i] is a dense code for rule r's key of record i (-1 when
 * any part is missing). The dense codes are shared by every table passed to one KeyCoder.
 */
export class KeyCoder {
  private readonly maps: KeyIndex[];
  private readonly fieldIndex: number[][];
  private readonly settings: LinkSettings;
  private readonly byName: Map<string, number>;
  constructor(settings: LinkSettings) {
    this.settings = settings;
    this.maps = settings.blocking.map(() => new KeyIndex());
    this.byName = new Map(settings.fields.map((f, k) => [f.name, k]));
    this.fieldIndex = settings.blocking.map((r) => r.keys.map((k) => this.byName.get(k.field)!));
  }

  codeTable(table: PreparedTable): Int32Array[] {
    return this.settings.blocking.map((_, r) => {
      const map = this.maps[r]!;
      map.reserve(map.size + table.size);
      return this.codeRule(r, table, map);
    });
  }

  /** One column per key part, reused rule after rule (Float64: a part can exceed 32 bits). */
  private parts: Float64Array[] = [];

  private codeRule(r: number, table: PreparedTable, map: KeyIndex): Int32Array {
    const rule = this.settings.blocking[r]!;
    const out = new Int32Array(table.size);
    const fields = this.fieldIndex[r]!.map((f) => table.fields[f]!);
    const n = table.size;
    // Part by part first: each loop sees one transform, which runs much faster than switching
    // between transforms record by record.
    const cols = rule.keys.map((k, p) => {
      if ((this.parts[p]?.length ?? -1) < n) this.parts[p] = new Float64Array(n);
      const col = this.parts[p]!;
      const pf = fields[p]!;
      for (let i = 0; i < n; i++) col[i] = keyPartCode(pf, i, k.transform);
      return col;
    });
    for (let i = 0; i < n; i++) {
      // Parts are mixed by two independent 32-bit hashes into one 64-bit key (exact parts up
      // to 53 bits, unlike a polynomial that overflows and drops the last part's bits). A
      // collision could only add a spurious candidate pair, never lose one.
      let a = 0x811c9dc5;
      let b = 0x2545f491;
      let missing = false;
      for (let p = 0; p < cols.length; p++) {
        const v = cols[p]![i]!;
        if (v < 0) {
          missing = true;
          break;
        }
        const lo = v % 4_294_967_296;
        const hi = Math.floor(v / 4_294_967_296);
        a = Math.imul(a ^ lo, 0x01000193);
        a = Math.imul(a ^ hi ^ (a >>> 15), 0x85ebca6b);
        b = Math.imul(b + lo + 0x9e3779b9, 0x5bd1e995);
        b = Math.imul(b ^ hi ^ (b >>> 13), 0xc2b2ae35);
      }
      out[i] = missing ? -1 : map.code(a, b);
    }
    return out;
  }

  keyCount(rule: number): number {
    return this.counts[rule] ?? this.maps[rule]!.size;
  }

  private readonly counts: number[] = [];

  /**
   * Codes several tables at once, rule by rule with one reused index (what linking uses): every
   * large allocation pushes the garbage collector to walk the whole heap, and a million-record
   * run would otherwise allocate an index per rule. Codes are shared by the tables given.
   */
  codeTables(tables: readonly PreparedTable[]): Int32Array[][] {
    const out = tables.map(() => [] as Int32Array[]);
    const index = new KeyIndex(tables.reduce((n, t) => n + t.size, 0));
    this.index = index;
    this.settings.blocking.forEach((_, r) => {
      index.clear();
      tables.forEach((t, k) => out[k]!.push(this.codeRule(r, t, index)));
      this.counts[r] = index.size;
    });
    return out;
  }

  /** The index of codeTables, reused by splitOversized. */
  private index: KeyIndex | null = null;
  /** Scratch arrays for splitOversized, reused rule after rule (see codeTables on large allocations). */
  private scratch: { counts: Int32Array; flags: Uint8Array; parent: Int32Array } | null = null;

  /** Scratch for n codes; parents and "was split" flags of the first `keep` codes carry over. */
  private splitScratch(n: number, keep: number): NonNullable<KeyCoder["scratch"]> {
    const s = this.scratch;
    if (s && s.parent.length >= n) return s;
    const cap = Math.ceil(n * 1.25);
    const next = { counts: new Int32Array(cap * 2), flags: new Uint8Array(cap * 2), parent: new Int32Array(cap) };
    if (s && keep > 0) {
      next.parent.set(s.parent.subarray(0, keep));
      next.flags.set(s.flags.subarray(s.parent.length, s.parent.length + keep), cap);
    }
    this.scratch = next;
    return next;
  }

  /**
   * Splits rule r's oversized blocks (more than split.above pairs) by the rule's split keys, in
   * order, until every block is under the cap or the split keys run out. Returns new key arrays,
   * their number of codes and each code's parent (the block it was split from, or -1); the
   * inputs are left unchanged. A record without the split key's value stays in the split
   * block, which pairs with all its sub-blocks (see sharesBlock), so a missing birth year never
   * loses a pair. Without a split in the rule, returns the inputs and no parents.
   * With a window in the rule, `window` carries the parts its records are compared on (see
   * windowPairs); null otherwise.
   */
  splitOversized(
    r: number,
    leftKeys: Int32Array,
    rightKeys: Int32Array,
    keyCount: number,
    left: PreparedTable,
    right: PreparedTable,
    dedupe: boolean,
  ): { left: Int32Array; right: Int32Array; keyCount: number; parent: Int32Array | null; splitBlocks: number; unsplitBlocks: number; unsplitPairs: number; window: BlockWindow | null } {
    const s = this.splitOnly(r, leftKeys, rightKeys, keyCount, left, right, dedupe);
    const spec = this.settings.blocking[r]!.window;
    if (!spec) return { ...s, window: null };
    const side = (t: PreparedTable): WindowParts => ({ codes: spec.by.map((part) => this.windowColumn(t, part.field, part.transform)) });
    const leftParts = side(left);
    const rightParts = dedupe ? leftParts : side(right);
    const expected = spec.expectedAbove > 0 ? this.expectedPartners(r, left, dedupe ? null : right) : null;
    return { ...s, window: { size: spec.size, unsplitSize: spec.unsplitSize ?? spec.size, above: spec.above, expectedAbove: spec.expectedAbove, leftParts, rightParts, expected } };
  }

  /** Window columns and key parts' shares, per table and part: rules share them (they are large). */
  private readonly perTable = new WeakMap<PreparedTable, Map<string, Int32Array | Float32Array>>();

  private cached<T extends Int32Array | Float32Array>(table: PreparedTable, key: string, make: () => T): T {
    let m = this.perTable.get(table);
    if (!m) this.perTable.set(table, (m = new Map()));
    let v = m.get(key) as T | undefined;
    if (!v) m.set(key, (v = make()));
    return v;
  }

  /** A window part of every record; only equality matters, so a value past 31 bits is folded. */
  private windowColumn(table: PreparedTable, field: string, transform: KeyTransform): Int32Array {
    return this.cached(table, `w|${field}|${transform}`, () => {
      const pf = table.fields[this.byName.get(field)!]!;
      const col = new Int32Array(table.size);
      for (let i = 0; i < col.length; i++) {
        const v = keyPartCode(pf, i, transform);
        col[i] = v < 0 ? -1 : v <= 0x7fffffff ? v : (Math.imul(v % 4_294_967_296, 0x9e3779b1) ^ Math.floor(v / 4_294_967_296)) & 0x7fffffff;
      }
      return col;
    });
  }

  /**
   * For every left record, how many records of the right table (of the same table when
   * deduplicating) are expected to share its rule-r key by chance: the other table's size times
   * the share of each key part's value in both tables, multiplied across parts. Unlike the block
   * actually found, this says how common a key is, so it grows with the population even where
   * its blocks are still small.
   */
  private expectedPartners(r: number, left: PreparedTable, right: PreparedTable | null): Float32Array {
    const rule = this.settings.blocking[r]!;
    // In a few records every value is "common" (one name shared by three records is a third of
    // them): too few to tell, as for training, so no block is windowed for being common.
    if (left.size * (right ?? left).size < MIN_WINDOW_POPULATION_PAIRS) return new Float32Array(left.size);
    const out = new Float32Array(left.size).fill((right ?? left).size);
    rule.keys.forEach((k, p) => {
      const share = this.partShare(left, right, this.fieldIndex[r]![p]!, k.transform);
      for (let i = 0; i < left.size; i++) out[i]! *= share[i]!;
    });
    return out;
  }

  /** Per left record, the share of both tables' records with its value of one key part (0 when it has none). */
  private partShare(left: PreparedTable, right: PreparedTable | null, f: number, transform: KeyTransform): Float32Array {
    return this.cached(left, `s|${f}|${transform}|${right ? "link" : "dedupe"}`, () => this.computeShare(left, right, f, transform));
  }

  private computeShare(left: PreparedTable, right: PreparedTable | null, f: number, transform: KeyTransform): Float32Array {
    const tables = right ? [left, right] : [left];
    const total = tables.reduce((n, t) => n + t.size, 0);
    // Interned codes, years and days of the year are small: counted in an array by value, which
    // at a million records is several times faster than hashing every value.
    let max = -1;
    for (const t of tables) {
      const pf = t.fields[f]!;
      for (let i = 0; i < t.size; i++) max = Math.max(max, keyPartCode(pf, i, transform));
    }
    if (max < DIRECT_COUNT_LIMIT) {
      const byValue = new Int32Array(max + 1);
      for (const t of tables) {
        const pf = t.fields[f]!;
        for (let i = 0; i < t.size; i++) {
          const v = keyPartCode(pf, i, transform);
          if (v >= 0) byValue[v]!++;
        }
      }
      const pf = left.fields[f]!;
      const direct = new Float32Array(left.size);
      for (let i = 0; i < left.size; i++) {
        const v = keyPartCode(pf, i, transform);
        direct[i] = v < 0 ? 0 : byValue[v]! / total;
      }
      return direct;
    }
    const index = this.index ?? (this.index = new KeyIndex(total));
    index.clear();
    index.reserve(total);
    const ids = new Int32Array(left.size).fill(-1);
    let counts = new Int32Array(1024);
    tables.forEach((t, side) => {
      const pf = t.fields[f]!;
      for (let i = 0; i < t.size; i++) {
        const v = keyPartCode(pf, i, transform);
        if (v < 0) continue;
        const id = index.code(v % 4_294_967_296, Math.floor(v / 4_294_967_296));
        if (id >= counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
        counts[id]!++;
        if (side === 0) ids[i] = id;
      }
    });
    const share = new Float32Array(left.size);
    for (let i = 0; i < left.size; i++) share[i] = ids[i]! < 0 ? 0 : counts[ids[i]!]! / total;
    return share;
  }

  private splitOnly(
    r: number,
    leftKeys: Int32Array,
    rightKeys: Int32Array,
    keyCount: number,
    left: PreparedTable,
    right: PreparedTable,
    dedupe: boolean,
  ): { left: Int32Array; right: Int32Array; keyCount: number; parent: Int32Array | null; splitBlocks: number; unsplitBlocks: number; unsplitPairs: number } {
    const split = this.settings.blocking[r]!.split;
    let lk = leftKeys;
    let rk = rightKeys;
    let K = keyCount;
    let splitBlocks = 0;
    let unsplitBlocks = 0;
    let unsplitPairs = 0;
    if (!split) return { left: lk, right: rk, keyCount: K, parent: null, splitBlocks, unsplitBlocks, unsplitPairs };
    const unsplitAbove = split.unsplitAbove ?? Infinity;
    const records = leftKeys.length + (dedupe ? 0 : rightKeys.length);
    const index = this.index ?? (this.index = new KeyIndex(records));
    // A split step adds at most one code per record it moves; the scratch grows when needed.
    let sc = this.splitScratch(K + records, 0);
    sc.parent.fill(-1, 0, K);
    sc.flags.fill(0, sc.parent.length, sc.parent.length + K);
    let copied = false;
    for (const part of split.by) {
      const f = this.byName.get(part.field)!;
      const cap = sc.parent.length;
      const lc = sc.counts.subarray(0, cap);
      const rc = dedupe ? lc : sc.counts.subarray(cap, cap * 2);
      const over = sc.flags.subarray(0, cap);
      const wasSplit = sc.flags.subarray(cap, cap * 2);
      lc.fill(0, 0, K);
      for (let i = 0; i < lk.length; i++) if (lk[i]! >= 0) lc[lk[i]!]!++;
      if (!dedupe) {
        rc.fill(0, 0, K);
        for (let j = 0; j < rk.length; j++) if (rk[j]! >= 0) rc[rk[j]!]!++;
      }
      let any = 0;
      let moved = 0;
      for (let k = 0; k < K; k++) {
        const pairs = dedupe ? (lc[k]! * (lc[k]! - 1)) / 2 : lc[k]! * rc[k]!;
        // A block already split holds only records without the earlier split value: it stays.
        over[k] = pairs > split.above && wasSplit[k] === 0 ? 1 : 0;
        if (over[k]) {
          any++;
          moved += lc[k]! + (dedupe ? 0 : rc[k]!);
        }
      }
      if (any === 0) break;
      splitBlocks += any;
      if (K + moved > cap) {
        // Rare: keep this step's flags, then grow.
        const overNow = over.slice(0, K);
        sc = this.splitScratch(K + moved, K);
        sc.flags.set(overNow, 0);
      }
      const parent = sc.parent;
      const overFlags = sc.flags;
      const wasSplitAt = sc.parent.length;
      parent.fill(-1, K, K + moved);
      overFlags.fill(0, wasSplitAt + K, wasSplitAt + K + moved);
      if (!copied) {
        lk = Int32Array.from(lk);
        rk = dedupe ? lk : Int32Array.from(rk);
        copied = true;
      }
      // Unsplit blocks keep their codes; sub-blocks get fresh codes after them.
      index.clear();
      const recode = (keys: Int32Array, table: PreparedTable): void => {
        const pf = table.fields[f]!;
        for (let i = 0; i < keys.length; i++) {
          const c = keys[i]!;
          if (c < 0 || c >= K || overFlags[c] === 0) continue;
          const v = keyPartCode(pf, i, part.transform);
          if (v < 0) continue;
          const hi = Math.floor(v / 4_294_967_296);
          const id = index.code(c, Math.imul((v % 4_294_967_296) ^ Math.imul(hi, 0x5bd1e995), 0x01000193) ^ hi);
          parent[K + id] = c;
          keys[i] = K + id;
        }
      };
      recode(lk, left);
      if (!dedupe) recode(rk, right);
      // Blocks above unsplitAbove: their records without the split value no longer pair with the
      // sub-blocks (cutting the sub-blocks' link to the block), only with each other; the pairs so
      // dropped are counted from the records each side kept in the block.
      let big: Map<number, [number, number, number, number]> | null = null;
      for (let k = 0; k < K; k++) {
        if (!overFlags[k]) continue;
        const pairs = dedupe ? (lc[k]! * (lc[k]! - 1)) / 2 : lc[k]! * rc[k]!;
        if (pairs > unsplitAbove) (big ??= new Map()).set(k, [lc[k]!, dedupe ? lc[k]! : rc[k]!, 0, 0]);
      }
      if (big) {
        for (let id = 0; id < index.size; id++) if (big.has(parent[K + id]!)) parent[K + id] = -1;
        for (let i = 0; i < lk.length; i++) {
          const b = big.get(lk[i]!);
          if (b) b[2]++;
        }
        if (!dedupe) {
          for (let j = 0; j < rk.length; j++) {
            const b = big.get(rk[j]!);
            if (b) b[3]++;
          }
        }
        for (const [l, rr, keptL, keptR] of big.values()) {
          const dropped = dedupe ? keptL * (l - keptL) : keptL * (rr - keptR) + (l - keptL) * keptR;
          if (dropped > 0) unsplitBlocks++;
          unsplitPairs += dropped;
        }
      }
      for (let k = 0; k < K; k++) if (overFlags[k]) overFlags[wasSplitAt + k] = 1;
      K += index.size;
    }
    const parent = sc.parent;
    return { left: lk, right: rk, keyCount: K, parent: splitBlocks > 0 ? parent.slice(0, K) : null, splitBlocks, unsplitBlocks, unsplitPairs };
  }
}
