import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { CHILD_PRESET_INPUT, childPreset } from "../model/child-preset.ts";
import { parseSettings } from "../model/settings-schema.ts";
import { candidatePairs, sharesBlock } from "./candidate-pairs.ts";
import { simpleNormaliser } from "../model/field-normaliser.ts";
import { newSharedCodes, prepareTable } from "../model/prepared-table.ts";
import { KeyCoder, KeyIndex, keyPartCode } from "./blocking-keys.ts";

const settings = childPreset();
const dateField = settings.fields.findIndex((f) => f.name === "birth_date");

function prepared(dates: string[]) {
  const codes = newSharedCodes(settings.fields.length);
  return prepareTable(dates.map((d, i) => ({ record_id: String(i), birth_date: d, birth_place: "Mariupol" })), settings, simpleNormaliser, codes);
}

describe("blocking key parts", () => {
  it("keeps the unordered date key when day and month are swapped, and separates different dates", () => {
    const t = prepared(["2014-03-07", "2014-07-03", "2014-03-08", "2014"]);
    const f = t.fields[dateField]!;
    const key = (i: number) => keyPartCode(f, i, "date_unordered");
    expect(key(0)).toBe(key(1));
    expect(key(0)).not.toBe(key(2));
    expect(key(3)).toBe(-1);
    expect(keyPartCode(f, 3, "year")).toBe(2014);
    expect(keyPartCode(f, 0, "date")).not.toBe(keyPartCode(f, 1, "date"));
  });

  it("codes rule keys densely and gives -1 when a part is missing", () => {
    const t = prepared(["2014-03-07", "2014-07-03", ""]);
    const coder = new KeyCoder(settings);
    const codes = coder.codeTable(t);
    const rule = settings.blocking.findIndex((r) => r.name === "birth date + birth place");
    expect(codes[rule]![0]).toBe(codes[rule]![1]);
    expect(codes[rule]![2]).toBe(-1);
    expect(coder.keyCount(rule)).toBe(1);
  });
});

describe("KeyCoder with three-part keys", () => {
  it("separates records that differ only in the last part", () => {
    const codes = newSharedCodes(settings.fields.length);
    const rows = ["Київ", "Львів", "Київ"].map((place, i) => ({ record_id: String(i), family_name: "Коваленко", birth_date: "2014-03-07", birth_place: place }));
    const t = prepareTable(rows, settings, simpleNormaliser, codes);
    const rule = settings.blocking.findIndex((r) => r.name === "family name + birth year + place");
    const keys = new KeyCoder(settings).codeTable(t)[rule]!;
    expect(keys[0]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe("KeyCoder.splitOversized", () => {
  const withSplit = parseSettings({
    ...CHILD_PRESET_INPUT,
    blocking: [{ name: "given name", keys: [{ field: "given_name", transform: "name_key" }], split: { above: 4, by: [{ field: "birth_date", transform: "year" }] } }],
    training: {},
  });
  const table = (rows: [string, string][]) =>
    prepareTable(rows.map(([g, d], i) => ({ record_id: String(i), given_name: g, birth_date: d })), withSplit, simpleNormaliser, newSharedCodes(withSplit.fields.length));

  it("splits only blocks above the cap, and a record without the split value still shares a block with every sub-block", () => {
    const left = table([["ivan", "2014-01-01"], ["ivan", "2015-01-01"], ["ivan", ""], ["olha", "2014-01-01"]]);
    const right = table([["ivan", "2014-02-02"], ["ivan", "2015-02-02"], ["ivan", "2016-01-01"], ["olha", "2019-01-01"]]);
    const coder = new KeyCoder(withSplit);
    const lk = coder.codeTable(left)[0]!;
    const rk = coder.codeTable(right)[0]!;
    const s = coder.splitOversized(0, lk, rk, coder.keyCount(0), left, right, false);
    expect(s.splitBlocks).toBe(1); // "ivan" has 3 × 3 = 9 pairs > 4; "olha" has 1
    const shares = (i: number, j: number) => sharesBlock(s.parent, s.left[i]!, s.right[j]!);
    expect(shares(0, 0)).toBe(true); // same year
    expect(shares(0, 1)).toBe(false);
    expect(shares(1, 1)).toBe(true);
    expect(shares(2, 0) && shares(2, 1) && shares(2, 2)).toBe(true); // no year: pairs with all
    expect(shares(3, 3)).toBe(true); // small block untouched
    const { pairs } = candidatePairs([s.left], [s.right], [s.keyCount], ["given name"], [1e9], false, undefined, [s.parent]);
    const made: string[] = [];
    for (let p = 0; p < pairs.length; p++) made.push(`${pairs.left[p]}-${pairs.right[p]}`);
    expect(made.sort()).toEqual(["0-0", "1-1", "2-0", "2-1", "2-2", "3-3"]);
  });

  it("splits by several keys in turn, also when the sub-blocks outgrow its scratch arrays", () => {
    const twoSteps = parseSettings({
      ...CHILD_PRESET_INPUT,
      blocking: [{ name: "given name", keys: [{ field: "given_name", transform: "name_key" }], split: { above: 1, by: [{ field: "birth_date", transform: "year" }, { field: "sex", transform: "value" }] } }],
      training: {},
    });
    const make = (rows: [string, string, string][]) =>
      prepareTable(rows.map(([g, d, sex], i) => ({ record_id: String(i), given_name: g, birth_date: d, sex })), twoSteps, simpleNormaliser, newSharedCodes(twoSteps.fields.length));
    // Thirty years, one record on the left and two on the right in each: many small sub-blocks.
    const years = Array.from({ length: 30 }, (_, y) => String(1990 + y));
    const left = make(years.map((y, k) => ["ivan", y, k % 3 === 0 ? "" : "m"]));
    const right = make(years.flatMap((y, k) => [["ivan", y, "m"], ["ivan", y, k % 2 ? "f" : "m"]] as [string, string, string][]));
    const coder = new KeyCoder(twoSteps);
    const lk = coder.codeTable(left)[0]!;
    const rk = coder.codeTable(right)[0]!;
    const s = coder.splitOversized(0, lk, rk, coder.keyCount(0), left, right, false);
    for (let i = 0; i < left.size; i++) {
      for (let j = 0; j < right.size; j++) {
        const sameYear = Math.floor(j / 2) === i;
        const ls = left.fields[3]!.text[i]!;
        const sexAgrees = ls === "" || ls === right.fields[3]!.text[j];
        expect(sharesBlock(s.parent, s.left[i]!, s.right[j]!)).toBe(sameYear && sexAgrees);
      }
    }
    // A coder whose scratch is already large gives the same keys.
    const warm = new KeyCoder(twoSteps);
    const big = make(Array.from({ length: 400 }, (_, k) => ["ivan", String(1900 + (k % 90)), "m"]));
    const bk = warm.codeTable(big)[0]!;
    warm.splitOversized(0, bk, bk, warm.keyCount(0), big, big, false);
    const lk2 = warm.codeTable(left)[0]!;
    const rk2 = warm.codeTable(right)[0]!;
    const s2 = warm.splitOversized(0, lk2, rk2, warm.keyCount(0), left, right, false);
    for (let i = 0; i < left.size; i++) for (let j = 0; j < right.size; j++) expect(sharesBlock(s2.parent, s2.left[i]!, s2.right[j]!)).toBe(sharesBlock(s.parent, s.left[i]!, s.right[j]!));
  });

  it("above unsplitAbove, pairs a record without the split value only with records that lack it too, and counts the pairs dropped", () => {
    const capped = parseSettings({
      ...CHILD_PRESET_INPUT,
      blocking: [
        { name: "given name", keys: [{ field: "given_name", transform: "name_key" }], split: { above: 1, unsplitAbove: 6, by: [{ field: "birth_date", transform: "year" }] } },
      ],
      training: {},
    });
    const make = (rows: [string, string][]) =>
      prepareTable(rows.map(([g, d], i) => ({ record_id: String(i), given_name: g, birth_date: d })), capped, simpleNormaliser, newSharedCodes(capped.fields.length));
    // "ivan": 3 × 3 = 9 pairs, above 6; "olha": 2 × 2 = 4 pairs, split but not above 6.
    const left = make([["ivan", "2014"], ["ivan", ""], ["ivan", "2015"], ["olha", "2014"], ["olha", ""]]);
    const right = make([["ivan", "2014"], ["ivan", ""], ["ivan", "2016"], ["olha", "2015"], ["olha", "2016"]]);
    const coder = new KeyCoder(capped);
    const lk = coder.codeTable(left)[0]!;
    const rk = coder.codeTable(right)[0]!;
    const s = coder.splitOversized(0, lk, rk, coder.keyCount(0), left, right, false);
    expect(s.splitBlocks).toBe(2);
    const { pairs } = candidatePairs([s.left], [s.right], [s.keyCount], ["given name"], [1e9], false, undefined, [s.parent]);
    const made: string[] = [];
    for (let p = 0; p < pairs.length; p++) made.push(`${pairs.left[p]}-${pairs.right[p]}`);
    // ivan without a year (left 1, right 1) pairs only with each other; olha without one still with all.
    expect(made.sort()).toEqual(["0-0", "1-1", "4-3", "4-4"]);
    // Dropped: left 1 × right 0 and 2, and right 1 × left 0 and 2.
    expect(s.unsplitBlocks).toBe(1);
    expect(s.unsplitPairs).toBe(4);
  });

  it("leaves keys alone when the rule has no split or no block is above the cap", () => {
    const left = table([["ivan", "2014-01-01"], ["olha", "2015-01-01"]]);
    const coder = new KeyCoder(withSplit);
    const lk = coder.codeTable(left)[0]!;
    const s = coder.splitOversized(0, lk, lk, coder.keyCount(0), left, left, true);
    expect(s.parent).toBeNull();
    expect(Array.from(s.left)).toEqual(Array.from(lk));
  });
});

describe("KeyIndex", () => {
  it("gives equal keys equal dense codes and distinct keys distinct codes, across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer()), { maxLength: 3000 }), (keys) => {
        const index = new KeyIndex(4);
        const seen = new Map<string, number>();
        for (const [a, b] of keys) {
          const c = index.code(a, b);
          const k = `${a}|${b}`;
          if (!seen.has(k)) seen.set(k, seen.size);
          expect(c).toBe(seen.get(k));
        }
        expect(index.size).toBe(seen.size);
      }),
      { numRuns: 30 },
    );
  });
});

describe("KeyCoder.splitOversized with a window", () => {
  const withWindow = parseSettings({
    ...CHILD_PRESET_INPUT,
    blocking: [
      {
        name: "given name",
        keys: [{ field: "given_name", transform: "name_key" }],
        window: { size: 1, above: 1, expectedAbove: 1, by: [{ field: "birth_date", transform: "year" }, { field: "birth_place", transform: "place" }] },
      },
    ],
    training: {},
  });
  // Both tables of a test share one set of codes, as linking does.
  let codes = newSharedCodes(withWindow.fields.length);
  beforeEach(() => {
    codes = newSharedCodes(withWindow.fields.length);
  });
  const table = (rows: [string, string][]) => prepareTable(rows.map(([g, d], i) => ({ record_id: String(i), given_name: g, birth_date: d })), withWindow, simpleNormaliser, codes);

  // Enough records that how common a name is can be told (see MIN_WINDOW_POPULATION_PAIRS).
  const crowd = (n: number): [string, string][] => Array.from({ length: n }, (_, k) => [`rare${k}`, ""]);

  it("gives the window's parts and, per left record, how many namesakes it expects on the other side", () => {
    const left = table([["ivan", "2014-01-01"], ["ivan", "2015-01-01"], ["olha", "2014-01-01"], ["petro", ""], ...crowd(496)]);
    const right = table([["ivan", "2014-02-02"], ["ivan", "2015-02-02"], ["ivan", "2016-01-01"], ["olha", "2019-01-01"], ...crowd(496)]);
    const coder = new KeyCoder(withWindow);
    const lk = coder.codeTable(left)[0]!;
    const rk = coder.codeTable(right)[0]!;
    const s = coder.splitOversized(0, lk, rk, coder.keyCount(0), left, right, false);
    const w = s.window!;
    expect(w.leftParts.codes[0]![0]).toBe(2014);
    expect(w.rightParts.codes[0]![2]).toBe(2016);
    expect(w.leftParts.codes[1]![0]).toBe(-1); // no place
    // "ivan" is 5 of the 1,000 records: 500 right records × 5/1000; "olha" 500 × 2/1000.
    expect([...w.expected!.subarray(0, 4)].map((x) => Math.round(x * 1000) / 1000)).toEqual([2.5, 2.5, 1, 0.5]);
    const { pairs, stats } = candidatePairs([s.left], [s.right], [s.keyCount], ["given name"], [1e9], false, undefined, [s.parent], [w]);
    const made: string[] = [];
    for (let p = 0; p < pairs.length; p++) made.push(`${pairs.left[p]}-${pairs.right[p]}`);
    // "ivan" (2 × 3, expected 2.5 > 1) keeps the pairs agreeing on the year; "olha" (1 pair) stays.
    expect(made.filter((p) => p.split("-").every((x) => Number(x) < 4)).sort()).toEqual(["0-0", "1-1", "2-3"]);
    expect(stats[0]!.windowPairs).toBe(4);
  });

  it("leaves every block alone in a population too small to tell how common a key is", () => {
    const left = table([["ivan", "2014-01-01"], ["ivan", "2015-01-01"]]);
    const right = table([["ivan", "2014-02-02"], ["ivan", "2015-02-02"], ["ivan", "2016-02-02"]]);
    const coder = new KeyCoder(withWindow);
    const s = coder.splitOversized(0, coder.codeTable(left)[0]!, coder.codeTable(right)[0]!, coder.keyCount(0), left, right, false);
    expect([...s.window!.expected!]).toEqual([0, 0]);
    const { pairs } = candidatePairs([s.left], [s.right], [s.keyCount], ["given name"], [1e9], false, undefined, [s.parent], [s.window]);
    expect(pairs.length).toBe(6);
  });

  it("leaves every block alone when no key is common enough", () => {
    const rare = parseSettings({ ...withWindow, blocking: [{ ...withWindow.blocking[0]!, window: { ...withWindow.blocking[0]!.window!, expectedAbove: 3 } }] });
    const left = table([["ivan", "2014-01-01"], ["ivan", "2015-01-01"]]);
    const right = table([["ivan", "2014-02-02"], ["ivan", "2015-02-02"]]);
    const coder = new KeyCoder(rare);
    const s = coder.splitOversized(0, coder.codeTable(left)[0]!, coder.codeTable(right)[0]!, coder.keyCount(0), left, right, false);
    const { pairs } = candidatePairs([s.left], [s.right], [s.keyCount], ["given name"], [1e9], false, undefined, [s.parent], [s.window]);
    expect(pairs.length).toBe(4);
  });
});
