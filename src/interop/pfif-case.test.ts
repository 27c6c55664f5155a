import { describe, expect, it } from "vitest";
import type { CaseView } from "../domain/index.ts";
import { caseToPfif } from "./pfif-case.ts";

const view = {
  id: "11111111-1111-4111-8111-111111111111", party: "tracing", side: "tracing", view: "full", status: "identity-verified", version: 5,
  createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-02-01T00:00:00Z", names: [{ given: "Олександр", family: "Коваленко" }], sex: "M",
  age: null, adult: false, possiblyAdult: false, consentNeedsRenewal: false, linkedCase: "22222222-2222-4222-8222-222222222222",
} as unknown as CaseView;
const opts = { domain: "tracing.example", sourceName: "Homeward", now: new Date("2026-06-01T00:00:00Z") };

describe("a case's accepted match in PFIF", () => {
  it("is a note linking the two person records when the exporting party sees the other record", () => {
    const { notes } = caseToPfif(view, [], { ...opts, mayLink: (id) => id === view.linkedCase });
    expect(notes).toEqual([{
      note_record_id: `tracing.example/case.${view.id}.matched`,
      person_record_id: `tracing.example/case.${view.id}`,
      linked_person_record_id: `tracing.example/case.${view.linkedCase}`,
      entry_date: "2026-06-01T00:00:00Z",
      source_date: "2026-02-01T00:00:00Z",
      text: "Both parties accepted the match: these records are the same child.",
    }]);
  });

  it("is left out when the party may not see the other record", () => {
    expect(caseToPfif(view, [], { ...opts, mayLink: () => false }).notes).toEqual([]);
    expect(caseToPfif(view, [], opts).notes).toEqual([]);
  });
});
