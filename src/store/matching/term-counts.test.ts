import { describe, expect, it } from "vitest";
import { childPreset, crossScriptNormaliser, scoreRecordPair } from "../../matching/index.ts";
import { presetModel } from "./match-model.ts";
import type { MatchRecord } from "./match-records.ts";
import { sharedTermKeys, TermCountChanges, termKeysOf, termWeightHeadroom } from "./term-counts.ts";

const settings = childPreset();
const normaliser = crossScriptNormaliser();
const { params } = presetModel();

const records: MatchRecord[] = [
  { record_id: "a#0", given_name: "Олександр", family_name: "Коваленко", sex: "M", birth_date: "2014-03-07", birth_place: "Маріуполь", mother_name: "Ірина" },
  { record_id: "b#0", given_name: "Александр", family_name: "Коваленко", sex: "M", birth_date: "2014-07-03", birth_place: "Мариуполь", mother_name: "Ирина" },
  { record_id: "c#0", given_name: "Oleksandr", family_name: "Kovalenko", birth_date: "2014", birth_place: "Mariupol" },
  { record_id: "d#0", given_name: "Тимофій", family_name: "Вернигора", sex: "M", birth_date: "2014-03-07", birth_place: "Бахмут", father_name: "Петро" },
  { record_id: "e#0", given_name: "Тимофей", family_name: "Вернигора", birth_date: "2014-03-08", birth_place: "Артёмовск" },
  { record_id: "f#0", given_name: "Марія", family_name: "Коваленко", sex: "F", birth_date: "2011-01-30", birth_place: "Маріуполь" },
];

describe("term-frequency keys of the registry", () => {
  it("are exactly the keys scoreRecordPair asks its callback about", () => {
    for (const r of records) {
      const asked = new Map<string, Set<string>>();
      scoreRecordPair(r, r, settings, params, normaliser, (field, key) => {
        asked.set(field, (asked.get(field) ?? new Set()).add(key));
        return undefined;
      });
      const keys = termKeysOf([r], settings, normaliser);
      expect(Object.fromEntries([...asked].map(([f, ks]) => [f, [...ks].sort()]))).toEqual(keys);
    }
  });

  it("count a case once per key, however many variants repeat it", () => {
    const variants = [records[0]!, { ...records[0]!, record_id: "a#1", given_name: "Саша" }];
    const keys = termKeysOf(variants, settings, normaliser);
    expect(keys["family_name"]).toHaveLength(1);
    expect(keys["birth_place"]).toHaveLength(1);
    expect(keys["given_name"]).toHaveLength(2);
    const changes = new TermCountChanges();
    changes.change(null, keys);
    expect(changes.delta.get(`family_name\u0000${keys["family_name"]![0]}`)).toBe(1);
    expect(changes.delta.get("birth_place\u0000")).toBe(1);
    // Counted off again: nothing left to apply.
    changes.change(keys, null);
    expect(changes.delta.size).toBe(0);
  });

  it("bound what the frequencies can add to a pair's weight (the pre-filter before scoring with them)", () => {
    // Frequencies from a few shares, rare and common.
    const shares = [0.0001, 0.002, 0.3, 0.9];
    for (const [i, a] of records.entries()) {
      for (const b of records) {
        const ka = termKeysOf([a], settings, normaliser);
        const kb = termKeysOf([b], settings, normaliser);
        const tf = (field: string, key: string) => shares[(field.length + key.length + i) % shares.length];
        const plain = scoreRecordPair(a, b, settings, params, normaliser).weight;
        const adjusted = scoreRecordPair(a, b, settings, params, normaliser, tf).weight;
        expect(adjusted).toBeLessThanOrEqual(plain + termWeightHeadroom(settings, params, sharedTermKeys(ka, kb), tf) + 1e-9);
      }
    }
  });
});
