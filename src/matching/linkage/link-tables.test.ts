import { describe, expect, it } from "vitest";
import { CHILD_PRESET_INPUT, childPreset } from "../model/child-preset.ts";
import { parseSettings } from "../model/settings-schema.ts";
import { crossScriptNormaliser } from "../model/cross-script-normaliser.ts";
import { FLAG_FAMILY_CONFLICT, FLAG_MULTIPLE } from "../model/family-conflict.ts";
import { linkTables } from "./link-tables.ts";
import { recordBlockingKeys, scoreRecordPair } from "./score-record-pair.ts";

const family = { family_name: "Коваленко", birth_place: "Маріуполь", mother_name: "Ірина Коваленко", father_name: "Петро Коваленко", birth_date: "2014-03-07" };
const ruFamily = { family_name: "Коваленко", birth_place: "Мариуполь", mother_name: "Ирина Коваленко", father_name: "Петр Коваленко", birth_date: "07.03.2014" };
const twinsRight = [
  { record_id: "r-twin-1", given_name: "Александр", sex: "м", ...ruFamily },
  { record_id: "r-twin-2", given_name: "Андрей", sex: "м", ...ruFamily },
  { record_id: "r-other", given_name: "Мария", family_name: "Шевченко", sex: "ж", birth_date: "2012-11-07", birth_place: "Херсон", mother_name: "Олена Шевченко" },
];

describe("linkTables with twins on the holding side", () => {
  it("flags the set for a person when the child's own name is missing and both twins fit", () => {
    const left = [{ record_id: "u1", sex: "ч", ...family }];
    const res = linkTables(left, twinsRight, childPreset(), crossScriptNormaliser(), { threshold: 0.5 });
    const ids = Array.from({ length: res.matches.count }, (_, p) => res.right.ids[res.matches.right[p]!]);
    expect(ids.sort()).toEqual(["r-twin-1", "r-twin-2"]);
    for (let p = 0; p < res.matches.count; p++) {
      expect(res.matches.flags[p]! & FLAG_FAMILY_CONFLICT).toBeTruthy();
      expect(res.explainMatch(p).text).toMatch(/^REVIEW AS A SET/);
      expect(res.competitors.get(p)).toHaveLength(1);
    }
  });

  it("scores the twin with the same given name (in the other language) above the other twin", () => {
    const left = [{ record_id: "u1", given_name: "Олександр", sex: "ч", ...family }];
    const res = linkTables(left, twinsRight, childPreset(), crossScriptNormaliser(), { threshold: 0.01, assignment: false });
    const byId = new Map(Array.from({ length: res.matches.count }, (_, p) => [res.right.ids[res.matches.right[p]!], res.matches.weight[p]!]));
    expect(byId.get("r-twin-1")!).toBeGreaterThan(byId.get("r-twin-2")! + 3);
    expect(byId.has("r-other")).toBe(false);
  });

  it("sets the clearly weaker twin aside under the one-to-one assignment, and keeps the other unflagged", () => {
    const left = [{ record_id: "u1", given_name: "Олександр", sex: "ч", ...family }];
    const res = linkTables(left, twinsRight, childPreset(), crossScriptNormaliser(), { threshold: 0.01 });
    expect(res.setAside).toBe(1);
    expect(res.matches.count).toBe(1);
    expect(res.right.ids[res.matches.right[0]!]).toBe("r-twin-1");
    expect(res.matches.flags[0]).toBe(0);
  });

  it("keeps near-ties within the margin, flagged as a set", () => {
    const left = [{ record_id: "u1", given_name: "Олександр", sex: "ч", ...family }];
    const wide = parseSettings({ ...CHILD_PRESET_INPUT, assignment: { oneToOne: true, margin: 40 } });
    const res = linkTables(left, twinsRight, wide, crossScriptNormaliser(), { threshold: 0.01 });
    expect(res.setAside).toBe(0);
    expect(res.matches.count).toBe(2);
    for (let p = 0; p < 2; p++) expect(res.matches.flags[p]! & FLAG_FAMILY_CONFLICT).toBeTruthy();
  });

  it("marks unrelated competing candidates as multiple, not family", () => {
    const left = [{ record_id: "u1", given_name: "Марія", birth_date: "2012-11-07", birth_place: "Херсон", sex: "ж" }];
    const right = [
      { record_id: "a", given_name: "Мария", family_name: "Шевченко", birth_date: "07.11.2012", birth_place: "Херсон", sex: "ж", mother_name: "Олена Шевченко" },
      { record_id: "b", given_name: "Мария", family_name: "Бондаренко", birth_date: "2012-11-07", birth_place: "Херсон", sex: "ж", mother_name: "Анна Бондаренко" },
    ];
    const res = linkTables(left, right, childPreset(), crossScriptNormaliser(), { threshold: 0.01 });
    expect(res.matches.count).toBe(2);
    for (let p = 0; p < 2; p++) expect(res.matches.flags[p]).toBe(FLAG_MULTIPLE);
  });
});

describe("incremental API", () => {
  it("gives a record's blocking keys that are equal across scripts for the rules it has parts for", () => {
    const s = childPreset();
    const n = crossScriptNormaliser();
    const uk = recordBlockingKeys({ record_id: "u", given_name: "Олександр", ...family }, s, n);
    const ru = recordBlockingKeys({ record_id: "r", given_name: "Александр", ...ruFamily }, s, n);
    expect(uk.length).toBeGreaterThan(4);
    expect(ru).toEqual(uk);
    // A day-month swap keeps the date keys.
    const swapped = recordBlockingKeys({ record_id: "s", given_name: "Александр", ...ruFamily, birth_date: "2014-07-03" }, s, n);
    expect(swapped.filter((k) => k.startsWith("birth date + birth place"))).toEqual(uk.filter((k) => k.startsWith("birth date + birth place")));
  });

  it("scores one pair with an explanation, using stored parameters", () => {
    const s = childPreset();
    const res = linkTables([{ record_id: "u1", given_name: "Олександр", sex: "ч", ...family }], twinsRight, s, crossScriptNormaliser(), { threshold: 0.01 });
    const score = scoreRecordPair({ record_id: "u1", given_name: "Олександр", sex: "ч", ...family }, twinsRight[0]!, s, res.params, crossScriptNormaliser());
    expect(score.probability).toBeGreaterThan(0.99);
    expect(score.contributions.find((c) => c.field === "given_name")!.level).toMatch(/equivalent/);
    expect(score.explanation).toContain('"Олександр" / "Александр"');
    const p = Array.from({ length: res.matches.count }, (_, k) => k).find((k) => res.right.ids[res.matches.right[k]!] === "r-twin-1")!;
    expect(score.weight).toBeCloseTo(res.matches.weight[p]!, 6);
  });
});
