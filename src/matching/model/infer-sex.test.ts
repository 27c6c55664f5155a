import { describe, expect, it } from "vitest";
import { CHILD_PRESET_INPUT, childPreset } from "./child-preset.ts";
import { crossScriptNormaliser } from "./cross-script-normaliser.ts";
import { simpleNormaliser, type FieldNormaliser } from "./field-normaliser.ts";
import { inferMissingSex } from "./infer-sex.ts";
import { newSharedCodes, prepareTable } from "./prepared-table.ts";
import { parseSettings } from "./settings-schema.ts";

const rows = [
  { record_id: "a", given_name: "Діана", family_name: "Коваленко" },
  { record_id: "b", given_name: "Даня", family_name: "Коваленко" },
  { record_id: "c", given_name: "Саша", family_name: "Ковальська" },
  { record_id: "d", given_name: "Саша", family_name: "Коваленко", patronymic: "Петрович" },
  { record_id: "e", given_name: "Марія", family_name: "Коваленко", sex: "м" },
  { record_id: "f", given_name: "Саша", family_name: "Коваленко" },
];

function sexes(settings = childPreset(), normaliser: FieldNormaliser = crossScriptNormaliser()) {
  const codes = newSharedCodes(settings.fields.length);
  const table = prepareTable(rows, settings, normaliser, codes);
  const filled = inferMissingSex(table, settings, normaliser, codes);
  const f = settings.fields.findIndex((x) => x.type === "sex");
  return { filled, text: table.fields[f]!.text, raw: table.fields[f]!.raw };
}

describe("inferMissingSex", () => {
  it("reads a missing sex from a full given name, a gendered surname or a patronymic, never from a diminutive", () => {
    const { filled, text, raw } = sexes();
    expect(text).toEqual(["f", "", "f", "m", "m", ""]);
    expect(filled).toBe(3);
    expect(raw[0]).toBe("female (read from the name)");
  });

  it("keeps a sex that was written, even when the name suggests the other", () => {
    expect(sexes().raw[4]).toBe("м");
  });

  it("does nothing unless the settings ask for it and the normaliser can read names", () => {
    const off = parseSettings({ ...CHILD_PRESET_INPUT, fields: CHILD_PRESET_INPUT.fields.map((f) => (f.type === "sex" ? { ...f, inferFromNames: false } : f)) });
    expect(sexes(off).filled).toBe(0);
    expect(sexes(childPreset(), { ...simpleNormaliser }).filled).toBe(0);
  });
});
