import { describe, expect, it } from "vitest";
import { CHILD_PRESET_INPUT, childPreset } from "./child-preset.ts";
import { compareField, NULL_LEVEL } from "./comparison-levels.ts";
import { crossScriptNormaliser } from "./cross-script-normaliser.ts";
import { simpleNormaliser, type FieldNormaliser } from "./field-normaliser.ts";
import { inferMissingPatronymic } from "./infer-patronymic.ts";
import { newSharedCodes, prepareTable } from "./prepared-table.ts";
import { parseSettings } from "./settings-schema.ts";

const settings = childPreset();
const p = settings.fields.findIndex((f) => f.name === "patronymic");
const equivalent = settings.fields[p]!.levels.findIndex((l) => l.kind === "name_equivalent");
const orElse = settings.fields[p]!.levels.length;

function tables(left: Record<string, string>[], right: Record<string, string>[], normaliser: FieldNormaliser = crossScriptNormaliser()) {
  const codes = newSharedCodes(settings.fields.length);
  const l = prepareTable(left.map((r, i) => ({ record_id: `l${i}`, ...r })), settings, normaliser, codes);
  const r = prepareTable(right.map((x, i) => ({ record_id: `r${i}`, ...x })), settings, normaliser, codes);
  const filled = inferMissingPatronymic(l, settings, normaliser, codes) + inferMissingPatronymic(r, settings, normaliser, codes);
  return { level: (i: number, j: number) => compareField(l.fields[p]!, i, r.fields[p]!, j), filled, l, r };
}

describe("inferMissingPatronymic", () => {
  it("compares a patronymic with the father's given name on the other side, in any script and word order", () => {
    const { level, filled } = tables(
      [{ father_name: "Євген Зімін", family_name: "Зімін" }, { father_name: "Зімін Євген", family_name: "Зімін" }, { father_name: "Ievhen Zimin" }],
      [{ patronymic: "Евгеньевич" }, { patronymic: "Ильич" }, { patronymic: "Євгенівна" }],
    );
    expect(filled).toBe(3);
    for (const i of [0, 1, 2]) {
      expect(level(i, 0)).toBe(equivalent);
      expect(level(i, 1)).toBe(orElse);
      expect(level(i, 2)).toBe(equivalent);
    }
  });

  it("gives no evidence when both patronymics were read from fathers, and leaves written ones alone", () => {
    const { level, l } = tables(
      [{ father_name: "Євген Зімін" }, { patronymic: "Петрович", father_name: "Євген Зімін" }],
      [{ father_name: "Евгений Зимин" }, { patronymic: "Петрович" }],
    );
    expect(level(0, 0)).toBe(NULL_LEVEL);
    expect(level(1, 1)).toBe(0);
    expect(l.fields[p]!.raw[1]).toBe("Петрович");
    expect(l.fields[p]!.raw[0]).toContain("Євген Зімін");
  });

  it("reads nothing from a father's name it cannot tell apart (unknown name, two given names) or without the setting", () => {
    expect(tables([{ father_name: "Зорян Мисько" }, { father_name: "Петро Іван Ковальчук" }], []).filled).toBe(0);
    expect(tables([{ father_name: "Петро Ковальчук" }], [], simpleNormaliser).filled).toBe(0);
    const plain = parseSettings({ ...CHILD_PRESET_INPUT, fields: CHILD_PRESET_INPUT.fields.map((f) => ({ ...f, inferFromFather: undefined })) });
    const codes = newSharedCodes(plain.fields.length);
    const n = crossScriptNormaliser();
    expect(inferMissingPatronymic(prepareTable([{ record_id: "a", father_name: "Петро Ковальчук" }], plain, n, codes), plain, n, codes)).toBe(0);
  });

  it("is accepted only on a patronymic field read from a person or given name field", () => {
    const withField = (name: string, inferFromFather: string) =>
      ({ ...CHILD_PRESET_INPUT, fields: CHILD_PRESET_INPUT.fields.map((f) => (f.name === name ? { ...f, inferFromFather } : f)) });
    expect(() => parseSettings(withField("given_name", "father_name"))).toThrow(/only a patronymic field/);
    expect(() => parseSettings(withField("patronymic", "birth_date"))).toThrow(/not a person_name or given_name/);
    expect(() => parseSettings(withField("patronymic", "grandfather"))).toThrow(/unknown field "grandfather"/);
  });
});
