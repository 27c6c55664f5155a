import { describe, expect, it } from "vitest";
import { childPreset, crossScriptNormaliser, linkTables } from "../matching/index.ts";
import { newSharedCodes, prepareTable } from "../matching/model/prepared-table.ts";
import { parallelPreparer } from "./parallel-prepare.ts";

const given = ["Олександр", "Oleksandr", "Александр", "Ірина", "Iryna", "Ирина", "Марія", "Мария", "Саша"];
const family = ["Коваленко", "Kovalenko", "Шевченко", "Шевчук", "Мельник", "Ковальська"];
function rows(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 7 + seed * 13) % 997;
    return {
      record_id: `${seed}-${i}`,
      given_name: given[k % given.length]!,
      family_name: family[(k >> 3) % family.length]!,
      sex: k % 4 === 0 ? "" : k % 2 ? "ж" : "м",
      birth_date: k % 11 === 0 ? "2014" : `2014-0${1 + (k % 3)}-0${1 + ((k >> 2) % 4)}`,
      birth_place: k % 5 === 0 ? "" : ["Маріуполь", "Мариуполь", "Бахмут", "Артёмовск", "Нове Село"][k % 5]!,
      mother_name: `${given[(k + 3) % given.length]} ${family[k % family.length]}`,
    };
  });
}

describe("parallelPreparer", () => {
  it("codes the right table on a worker exactly as one thread does", () => {
    const left = rows(400, 1);
    const right = rows(300, 2);
    const settings = childPreset();
    const serialCodes = newSharedCodes(settings.fields.length);
    const serialLeft = prepareTable(left, settings, crossScriptNormaliser(), serialCodes);
    const serialRight = prepareTable(right, settings, crossScriptNormaliser(), serialCodes);
    let used = false;
    const codes = newSharedCodes(settings.fields.length);
    const both = parallelPreparer({ minRecords: 0, workers: 2, onWorker: (u) => (used = u) })(left, right, settings, crossScriptNormaliser(), codes)!;
    expect(used).toBe(true);
    expect(both.right.ids).toEqual(serialRight.ids);
    for (const [a, b] of [[both.left, serialLeft], [both.right, serialRight]] as const) {
      a.fields.forEach((pf, f) => {
        const sf = b.fields[f]!;
        expect(Array.from(pf.code)).toEqual(Array.from(sf.code));
        expect(Array.from(pf.group)).toEqual(Array.from(sf.group));
        expect(Array.from(pf.dayNumber)).toEqual(Array.from(sf.dayNumber));
        expect(Array.from(pf.year)).toEqual(Array.from(sf.year));
        expect(pf.text).toEqual(sf.text);
        expect(pf.raw).toEqual(sf.raw);
      });
    }
    expect(codes.text.map((i) => i.values)).toEqual(serialCodes.text.map((i) => i.values));
    expect(codes.group.map((i) => i.values)).toEqual(serialCodes.group.map((i) => i.values));
    expect(codes.region.map((i) => i.values)).toEqual(serialCodes.region.map((i) => i.values));
  });

  it("gives the same linkage as one thread", () => {
    const left = rows(300, 1);
    const right = rows(300, 2);
    const serial = linkTables(left, right, childPreset(), crossScriptNormaliser());
    const parallel = linkTables(left, right, childPreset(), crossScriptNormaliser(), { prepareTables: parallelPreparer({ minRecords: 0, workers: 2 }) });
    expect(serial.candidatePairs).toBeGreaterThan(1000);
    expect(parallel.candidatePairs).toBe(serial.candidatePairs);
    expect(Array.from(parallel.matches.left)).toEqual(Array.from(serial.matches.left));
    expect(Array.from(parallel.matches.right)).toEqual(Array.from(serial.matches.right));
    expect(Array.from(parallel.matches.probability)).toEqual(Array.from(serial.matches.probability));
  });

  it("leaves small inputs to the calling thread", () => {
    expect(parallelPreparer()(rows(20, 1), rows(20, 2), childPreset(), crossScriptNormaliser(), newSharedCodes(childPreset().fields.length))).toBeNull();
  });
});
