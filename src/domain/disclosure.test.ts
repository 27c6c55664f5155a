import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ActionRecord, CaseAction, CaseActionInput } from "./case-action.ts";
import { CaseActionSchema } from "./case-action.ts";
import { reduceCase } from "./case-state.ts";
import { projectCase, projectHistory } from "./case-view.ts";
import { DisclosureContentSchema } from "./disclosure.ts";
import { projectDisclosure } from "./disclosure-view.ts";

const content = DisclosureContentSchema.parse({
  biography: "Taken from Mariupol in 2022; in a children's home in Donetsk since then.",
  nameChanges: [{ from: "Марія Шевченко", to: "Мария Иванова", date: "2023-02", authority: "ЗАГС Донецка" }],
  citizenshipChanges: [{ citizenship: "RU", date: "2023-03-01", authority: "МВД" }],
  services: [{ kind: "psychological", providerType: "state-institution", from: "2022-09", until: "2023-06", summary: "weekly sessions" }],
  placement: { kind: "foster-family", since: "2023-04", locality: "Ростов-на-Дону", address: "ул. Садовая, 1" },
});
const meta = { caseId: "c1", party: "holding", version: 3, disclosedAt: "2026-01-03T00:00:00.000Z", photos: ["p1"] };

function records(actions: CaseActionInput[]): ActionRecord[] {
  return actions.map((a, i) => ({
    caseId: "c1",
    sequence: i + 1,
    clientId: `k${i}`,
    action: CaseActionSchema.parse(a) as CaseAction,
    actor: { userId: "u", partyId: "holding", role: "caseworker" },
    at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));
}

describe("disclosure", () => {
  it("the owner sees all of it; the mediator and the other side all but the placement's address", () => {
    expect(projectDisclosure(content, meta, "full")).toMatchObject({ biography: content.biography, placement: content.placement });
    for (const view of ["mediator", "shared"] as const) {
      const v = projectDisclosure(content, meta, view);
      expect(v.biography).toBe(content.biography);
      expect(v.services).toEqual(content.services);
      expect(v.placement).toEqual({ kind: "foster-family", since: "2023-04", locality: "Ростов-на-Дону" });
      expect(JSON.stringify(v)).not.toContain("Садовая");
      expect(v.photos).toEqual(["p1"]);
    }
  });

  it("an auditor sees the identity changes and service periods, never the biography, summaries, address or photos", () => {
    const v = projectDisclosure(content, meta, "auditor");
    expect(v.nameChanges).toEqual(content.nameChanges);
    expect(v.biography).toBeUndefined();
    expect(v.services?.[0]).toMatchObject({ kind: "psychological", from: "2022-09", summary: "[withheld]" });
    expect(v.placement).toEqual({ kind: "foster-family", since: "2023-04" });
    expect(v.photos).toEqual([]);
    const text = JSON.stringify(v);
    for (const secret of ["Donetsk", "weekly", "Садовая", "Ростов"]) expect(text).not.toContain(secret);
  });

  it("names the failing field and never throws on arbitrary input", () => {
    const r = DisclosureContentSchema.safeParse({ biography: "x", services: [{ kind: "medical", providerType: "ngo", from: "2023-05", until: "2022", summary: "s" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["services", 0, "until"]);
    expect(DisclosureContentSchema.safeParse({ biography: "x", citizenshipChanges: [{ citizenship: "Russia" }] }).error?.issues[0]?.path).toEqual(["citizenshipChanges", 0, "citizenship"]);
    fc.assert(fc.property(fc.anything(), (x) => void DisclosureContentSchema.safeParse(x)));
  });

  it("the case records when it was disclosed and which photos it has; its history hides the content from auditors", () => {
    const photo = "7b0e6a44-5f43-4f0e-9d0e-1a2b3c4d5e6f";
    const sha256 = "a".repeat(64);
    const recs = records([
      { type: "report", side: "holding", details: { names: [{ given: "Мария", family: "Иванова" }], sex: "F" } },
      { type: "disclose", disclosure: content },
      { type: "add-photo", photoId: photo, sha256 },
      { type: "add-photo", photoId: "8b0e6a44-5f43-4f0e-9d0e-1a2b3c4d5e6f", sha256 },
      { type: "remove-photo", photoId: "8b0e6a44-5f43-4f0e-9d0e-1a2b3c4d5e6f" },
    ]);
    const state = reduceCase(recs)!;
    expect(state.side).toBe("holding");
    expect(state.disclosure).toEqual({ sequence: 2, at: recs[1]!.at });
    expect(state.photos.map((p) => p.id)).toEqual([photo]);
    expect(projectCase(state, "shared", new Date()).photos?.length).toBe(1);
    expect(projectCase(state, "auditor", new Date()).photos).toBeUndefined();
    const audited = JSON.stringify(projectHistory(recs, "auditor"));
    for (const secret of ["Mariupol", "weekly", "Садовая"]) expect(audited).not.toContain(secret);
    expect(JSON.stringify(projectHistory(recs, "shared"))).not.toContain("ЗАГС");
  });
});
