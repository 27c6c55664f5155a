import { describe, expect, it } from "vitest";
import { CaseInputSchema } from "../domain/case-details.ts";
import { adultStatus } from "../domain/partial-date.ts";
import { CASE_STATUSES } from "../domain/lifecycle.ts";
import { generateDemoCases } from "./generate-demo-cases.ts";

describe("generateDemoCases", () => {
  const cases = generateDemoCases();

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateDemoCases()).toEqual(cases);
    expect(generateDemoCases({ seed: 7 })).not.toEqual(cases);
  });

  it("produces several hundred cases with unique client ids", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.length).toBeLessThan(1000);
    expect(new Set(cases.map((c) => c.clientId)).size).toBe(cases.length);
  });

  it("produces only inputs the domain accepts", () => {
    for (const c of cases) {
      const parsed = CaseInputSchema.safeParse(c.input);
      expect(parsed.success, `${c.clientId}: ${parsed.error?.message ?? ""}`).toBe(true);
    }
  });

  it("covers every lifecycle status and every party", () => {
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of CASE_STATUSES) expect(statuses, s).toContain(s);
    expect(new Set(cases.map((c) => c.party))).toEqual(new Set(["tracing", "holding", "ngo"]));
  });

  it("writes the holding side's records in Russian forms and sometimes with a new name", () => {
    const holding = cases.filter((c) => c.party === "holding");
    expect(holding.every((c) => c.input.names[0]?.lang === "ru")).toBe(true);
    expect(holding.some((c) => c.input.names.some((n) => n.kind === "new-after-deportation"))).toBe(true);
    expect(holding.some((c) => c.input.birthPlace === "Артёмовск")).toBe(true);
  });

  it("includes siblings, twins, partial dates and adults", () => {
    const tracing = cases.filter((c) => c.party !== "holding");
    const byFamily = new Map<string, typeof tracing>();
    for (const c of tracing) byFamily.set(c.familyKey, [...(byFamily.get(c.familyKey) ?? []), c]);
    const multi = [...byFamily.values()].filter((f) => f.length > 1);
    expect(multi.length).toBeGreaterThan(10);
    const twins = multi.filter((f) => new Set(f.map((c) => c.input.birthDate)).size < f.length && f.every((c) => c.input.birthDate?.length === 10));
    expect(twins.length).toBeGreaterThan(0);
    expect(tracing.some((c) => c.input.birthDate?.length === 4)).toBe(true);
    expect(tracing.some((c) => c.input.birthDate?.length === 7)).toBe(true);
    const adults = tracing.filter((c) => adultStatus(c.input.birthDate, new Date("2026-01-01T00:00:00Z")).adult);
    expect(adults.length).toBeGreaterThan(5);
    expect(adults.every((c) => c.input.consent?.givenBy === "person")).toBe(true);
  });

  it("gives consent to the person exactly when they have turned 18 on the seeding day", () => {
    const asOf = new Date("2027-06-15T00:00:00Z");
    for (const c of generateDemoCases({ asOf })) {
      const adult = adultStatus(c.input.birthDate, asOf).adult;
      expect(c.input.consent?.givenBy, c.clientId).toBe(adult ? "person" : "guardian");
      if (c.status === "declined-by-adult") expect(adult).toBe(true);
    }
  });

  it("has sharing consent on every case that went past registration", () => {
    const early = new Set(["reported", "registered", "on-hold", "withdrawn", "duplicate", "deceased"]);
    for (const c of cases) if (!early.has(c.status)) expect(c.input.consent?.forSharing, c.clientId).toBe(true);
  });

  it("holds the flagship child whom the README searches for in both scripts", () => {
    const tracing = cases.find((c) => c.clientId === "demo-family-0001-child-1-tracing");
    const holding = cases.find((c) => c.clientId === "demo-family-0001-child-1-holding");
    expect(tracing?.input.names[0]).toMatchObject({ given: "Олександр", family: "Коваленко" });
    expect(holding?.input.names[0]).toMatchObject({ given: "Александр", family: "Коваленко" });
    expect(tracing?.input.birthDate).toBe("2014-03-07");
  });
});
