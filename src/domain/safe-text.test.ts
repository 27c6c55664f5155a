import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findUnsafeText, isSafeText, text, unsafeTextReason } from "./safe-text.ts";
import { CaseInputSchema } from "./case-details.ts";
import { CaseActionSchema } from "./case-action.ts";
import { PartySchema } from "./party.ts";

const BAD = ["\u0000", "\ud800", "\udfff", "\u0001", "\u001b", "\u007f", "\u0085", "\r", "\uffff"];

describe("safe text", () => {
  it("keeps letters of every script, emoji, tab, newline and CRLF", () => {
    for (const s of ["Олександр", "Kovalenko", "Ołeksandr", "王小明", "a\tb", "line\nline", "line\r\nline", "\ud83d\ude00"]) {
      expect(isSafeText(s), JSON.stringify(s)).toBe(true);
    }
  });

  it("refuses NUL, unpaired surrogates and other control characters, saying which and where", () => {
    for (const bad of BAD) {
      expect(isSafeText(`ab${bad}c`), JSON.stringify(bad)).toBe(false);
      expect(unsafeTextReason(`ab${bad}c`)).toMatch(/at position 2/);
    }
    expect(unsafeTextReason("a\u0000")).toMatch(/NUL/);
    expect(unsafeTextReason("a\ud800")).toMatch(/unpaired surrogate/);
  });

  it("anything it accepts encodes to UTF-8 and back unchanged, without NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        if (!isSafeText(s)) return;
        expect(new TextDecoder().decode(new TextEncoder().encode(s))).toBe(s);
        expect(s.includes("\u0000")).toBe(false);
      }),
      { seed: 10, numRuns: 300 },
    );
  });

  it("the schema checks the raw text before trimming, then its length", () => {
    const s = text({ min: 1, max: 5 });
    expect(s.parse("  ab ")).toBe("ab");
    expect(s.safeParse("ab\u0000").success).toBe(false);
    expect(s.safeParse("   ").success).toBe(false);
    expect(s.safeParse("abcdef").success).toBe(false);
  });

  it("finds unsafe text at any depth, in keys too", () => {
    expect(findUnsafeText({ a: [1, { b: "x\u0000" }] })?.path).toEqual(["a", 1, "b"]);
    expect(findUnsafeText({ "k\ud800": 1 })?.path).toEqual(["k\ud800"]);
    expect(findUnsafeText({ a: ["fine", null, 3] })).toBeNull();
  });
});

describe("every domain schema uses the safe text type", () => {
  const smallest = { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M" };
  const cases: [string, (bad: string) => unknown, unknown[]][] = [
    ["given name", (b) => CaseInputSchema.safeParse({ ...smallest, names: [{ given: `О${b}` }] }), ["names", 0, "given"]],
    ["birth place", (b) => CaseInputSchema.safeParse({ ...smallest, birthPlace: `M${b}` }), ["birthPlace"]],
    ["separation place", (b) => CaseInputSchema.safeParse({ ...smallest, separation: { category: "deported", place: `M${b}` } }), ["separation", "place"]],
    ["child's views", (b) => CaseInputSchema.safeParse({ ...smallest, childViews: `v${b}` }), ["childViews"]],
    ["family contact", (b) => CaseInputSchema.safeParse({ ...smallest, family: [{ relation: "mother", contact: { phone: `1${b}` } }] }), ["family", 0, "contact", "phone"]],
    ["views action", (b) => CaseActionSchema.safeParse({ type: "record-views", views: `v${b}` }), ["views"]],
    ["reason", (b) => CaseActionSchema.safeParse({ type: "close", reason: `r${b}` }), ["reason"]],
    ["note", (b) => CaseActionSchema.safeParse({ type: "add-note", text: `n${b}` }), ["text"]],
    ["locate", (b) => CaseActionSchema.safeParse({ type: "locate", location: `l${b}` }), ["location"]],
    ["party name", (b) => PartySchema.safeParse({ id: "p", name: `P${b}`, kind: "mediator" }), ["name"]],
  ];
  for (const [what, parse, path] of cases) {
    it(`refuses bad text in the ${what}, naming the field`, () => {
      for (const bad of BAD) {
        const r = parse(bad) as { success: boolean; error?: { issues: { path: unknown[] }[] } };
        expect(r.success, `${what} ${JSON.stringify(bad)}`).toBe(false);
        expect(r.error?.issues[0]?.path).toEqual(path);
      }
    });
  }
});
