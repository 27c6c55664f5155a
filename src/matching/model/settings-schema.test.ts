import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHILD_PRESET_INPUT, childPreset } from "./child-preset.ts";
import { parseSettings, SettingsError, settingsJsonSchema } from "./settings-schema.ts";

function problemsOf(input: unknown): string[] {
  try {
    parseSettings(input);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(SettingsError);
    return (e as SettingsError).problems;
  }
}

describe("parseSettings", () => {
  it("accepts the built-in preset and fills defaults", () => {
    const s = childPreset();
    expect(s.idColumn).toBe("record_id");
    expect(s.training.randomPairs).toBe(200_000);
    expect(s.blocking[0]!.maxBlockPairs).toBe(250_000);
  });

  it("names the path and the reason for each problem", () => {
    const bad = structuredClone(CHILD_PRESET_INPUT) as { fields: { levels: unknown[] }[]; blocking: { keys: { field: string }[] }[] };
    bad.fields[0]!.levels.push({ kind: "date_swapped" });
    bad.blocking[0]!.keys[0]!.field = "birthday";
    const problems = problemsOf(bad);
    expect(problems).toContain('fields.0.levels.4.kind: level "date_swapped" does not apply to a given_name field (allowed: exact, name_equivalent, initial, jaro_winkler, levenshtein, name_tokens)');
    expect(problems).toContain('blocking.0.keys.0.field: blocking rule "birth date + birth place" uses unknown field "birthday"');
  });

  it("reports unknown level kinds, bad thresholds and invalid JSON clearly", () => {
    expect(problemsOf('{"version": 1,')[0]).toMatch(/^not valid JSON/);
    const p = problemsOf({ ...CHILD_PRESET_INPUT, thresholds: { review: 1.5 } });
    expect(p.some((x) => x.startsWith("thresholds.review:"))).toBe(true);
    const q = problemsOf({ ...CHILD_PRESET_INPUT, fields: [{ name: "x", type: "string", levels: [{ kind: "soundex" }] }] });
    expect(q.some((x) => x.startsWith("fields.0.levels.0.kind:"))).toBe(true);
  });

  it("rejects a blocking split by an unknown field and a cap that is not a positive integer", () => {
    const bad = structuredClone(CHILD_PRESET_INPUT) as { blocking: { split?: unknown }[] };
    bad.blocking[0]!.split = { above: 0, by: [{ field: "shoe_size", transform: "value" }] };
    const problems = problemsOf(bad);
    expect(problems.some((p) => p.startsWith("blocking.0.split.above"))).toBe(true);
    bad.blocking[0]!.split = { above: 10, by: [{ field: "shoe_size", transform: "value" }] };
    expect(problemsOf(bad)).toEqual(['blocking.0.split.by.0.field: blocking rule "birth date + birth place" splits by unknown field "shoe_size"']);
  });

  it("reads a blocking window with its defaults and rejects one compared on an unknown field or of size 0", () => {
    const input = structuredClone(CHILD_PRESET_INPUT) as { blocking: { window?: unknown }[] };
    input.blocking[0]!.window = { size: 2, by: [{ field: "mother_name", transform: "name_group" }] };
    expect(parseSettings(input as typeof CHILD_PRESET_INPUT).blocking[0]!.window).toEqual({ size: 2, above: 0, expectedAbove: 0, by: [{ field: "mother_name", transform: "name_group" }] });
    input.blocking[0]!.window = { size: 0, by: [{ field: "shoe_size", transform: "value" }] };
    const problems = problemsOf(input);
    expect(problems.some((p) => p.startsWith("blocking.0.window.size"))).toBe(true);
    input.blocking[0]!.window = { size: 1, by: [{ field: "shoe_size", transform: "value" }] };
    expect(problemsOf(input)).toEqual(['blocking.0.window.by.0.field: blocking rule "birth date + birth place" compares its window on unknown field "shoe_size"']);
  });

  it("rejects a field depending on itself or on an unknown field, and a negative assignment margin", () => {
    const bad = structuredClone(CHILD_PRESET_INPUT) as { fields: { dependsOn?: string }[]; assignment?: unknown };
    bad.fields[6]!.dependsOn = "surname";
    bad.fields[7]!.dependsOn = "father_name";
    bad.assignment = { oneToOne: true, margin: -1 };
    const problems = problemsOf(bad);
    expect(problems).toContain('fields.6.dependsOn: field "mother_name" depends on unknown field "surname"');
    expect(problems).toContain('fields.7.dependsOn: field "father_name" depends on itself');
    expect(problems.some((p) => p.startsWith("assignment.margin:"))).toBe(true);
  });

  it("never throws anything but SettingsError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        problemsOf(v);
        problemsOf(JSON.stringify(v));
      }),
      { numRuns: 300 },
    );
  });

  it("publishes a JSON Schema with the top-level keys", () => {
    const schema = settingsJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["version", "fields", "blocking", "thresholds", "family", "assignment", "training"]));
  });
});
