import { describe, expect, it } from "vitest";
import { childPreset, crossScriptNormaliser, linkTables } from "../matching/index.ts";
import { compareRange, levelCache } from "../matching/linkage/link-tables.ts";
import { newSharedCodes, prepareTable } from "../matching/model/prepared-table.ts";
import { parallelComparer } from "./parallel-compare.ts";

const given = ["Олександр", "Oleksandr", "Александр", "Ірина", "Iryna", "Ирина", "Марія", "Мария"];
const family = ["Коваленко", "Kovalenko", "Шевченко", "Шевчук", "Мельник"];
function rows(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 7 + seed) % 997;
    return {
      record_id: `${seed}-${i}`,
      given_name: given[k % given.length]!,
      family_name: family[(k >> 3) % family.length]!,
      birth_date: `2014-0${1 + (k % 3)}-0${1 + ((k >> 2) % 4)}`,
      birth_place: k % 5 === 0 ? "" : ["Маріуполь", "Мариуполь", "Бахмут"][k % 3]!,
      mother_name: `${given[(k + 3) % given.length]} ${family[k % family.length]}`,
    };
  });
}

describe("parallelComparer", () => {
  it("gives the same comparison vectors, hence the same pairs and scores, as one thread", () => {
    const left = rows(300, 1);
    const right = rows(300, 2);
    const serial = linkTables(left, right, childPreset(), crossScriptNormaliser());
    let workerPairs = -1;
    const comparePairs = parallelComparer({ minPairs: 0, workers: 2, onWorkerPairs: (n) => (workerPairs = n) });
    const parallel = linkTables(left, right, childPreset(), crossScriptNormaliser(), { comparePairs });
    expect(workerPairs).toBeGreaterThan(serial.candidatePairs / 3);
    expect(serial.candidatePairs).toBeGreaterThan(1000);
    expect(parallel.candidatePairs).toBe(serial.candidatePairs);
    expect(Array.from(parallel.matches.left)).toEqual(Array.from(serial.matches.left));
    expect(Array.from(parallel.matches.right)).toEqual(Array.from(serial.matches.right));
    expect(Array.from(parallel.matches.probability)).toEqual(Array.from(serial.matches.probability));
  });

  it("leaves small inputs to the calling thread", () => {
    const cmp = parallelComparer();
    const r = linkTables(rows(20, 1), rows(20, 2), childPreset(), crossScriptNormaliser(), { comparePairs: (...args) => { const g = cmp(...args); expect(g).toBeNull(); return g; } });
    expect(r.candidatePairs).toBeGreaterThan(0);
  });
});

describe("levelCache", () => {
  it("gives every pair the level it gets without the cache", () => {
    const settings = childPreset();
    const codes = newSharedCodes(settings.fields.length);
    const left = prepareTable(rows(120, 1), settings, crossScriptNormaliser(), codes);
    const right = prepareTable(rows(120, 2), settings, crossScriptNormaliser(), codes);
    const n = left.size * right.size;
    const pl = Int32Array.from({ length: n }, (_, p) => Math.floor(p / right.size));
    const pr = Int32Array.from({ length: n }, (_, p) => p % right.size);
    const F = settings.fields.length;
    const plain = new Uint8Array(n * F);
    const cached = new Uint8Array(n * F);
    const cache = levelCache(left, right);
    expect(cache.filter((c) => c !== null).length).toBeGreaterThanOrEqual(2);
    compareRange(left, right, pl, pr, 0, n, plain);
    compareRange(left, right, pl, pr, 0, n, cached, 0, cache);
    expect(new Set(plain).size).toBeGreaterThan(3);
    expect(Array.from(cached)).toEqual(Array.from(plain));
  });
});
