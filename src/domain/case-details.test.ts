import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CaseInputSchema, detectScript } from "./case-details.ts";
import { CaseActionSchema } from "./case-action.ts";

describe("case input", () => {
  it("the smallest valid body gets a detected script and the birth-name kind", () => {
    const r = CaseInputSchema.parse({ names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07" });
    expect(r.names[0]).toEqual({ given: "Олександр", family: "Коваленко", script: "Cyrl", kind: "birth" });
    expect(detectScript("Oleksandr")).toBe("Latn");
    expect(detectScript("123")).toBe("other");
  });

  it("names the failing field", () => {
    const r = CaseInputSchema.safeParse({ names: [{ given: "A" }], sex: "M", separation: { category: "kidnapped" } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["separation", "category"]);
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        CaseInputSchema.safeParse(x);
        CaseActionSchema.safeParse(x);
      }),
    );
  });
});
