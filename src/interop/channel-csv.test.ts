import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { CaseCsvHeaderError } from "./case-csv.ts";
import { parseChannelCsv } from "./channel-csv.ts";

const header = [
  "record_id", "given_name", "family_name", "new_family_name", "sex", "birth_date", "to", "biography",
  "service_1_kind", "service_1_provider_type", "service_1_from", "service_1_until", "service_1_summary",
  "service_2_kind", "service_2_provider_type", "service_2_summary",
  "name_change_1_from", "name_change_1_to", "name_change_1_date", "name_change_1_authority",
  "citizenship_1", "citizenship_1_date", "placement_kind", "placement_since", "placement_address",
];

function csv(rows: string[][]): string {
  return stringify([header, ...rows]);
}

describe("disclosures and tracing requests from CSV", () => {
  it("reads the case columns, the addressed party and numbered groups into a disclosure", () => {
    const parsed = parseChannelCsv(
      csv([[
        "h-1", "Марія", "Шевченко", "Иванова", "ж", "02.05.2013", "ua-ombudsman", "In a children's home since 2022.",
        "psychological", "state_institution", "2022-09", "2023-06", "weekly sessions",
        "medical", "municipal", "vaccinations",
        "Марія Шевченко", "Мария Иванова", "2023-02-10", "ЗАГС",
        "ru", "01.03.2023", "foster_family", "2023-04", "ул. Садовая, 1",
      ]]),
      "disclosure",
    );
    expect(parsed.rejected).toEqual([]);
    const row = parsed.accepted[0]!;
    expect(row.to).toBe("ua-ombudsman");
    expect(row.input.names.map((n) => n.family)).toEqual(["Шевченко", "Иванова"]);
    expect(row.disclosure).toEqual({
      biography: "In a children's home since 2022.",
      services: [
        { kind: "psychological", providerType: "state-institution", from: "2022-09", until: "2023-06", summary: "weekly sessions" },
        { kind: "medical", providerType: "municipal", summary: "vaccinations" },
      ],
      nameChanges: [{ from: "Марія Шевченко", to: "Мария Иванова", date: "2023-02-10", authority: "ЗАГС" }],
      citizenshipChanges: [{ citizenship: "RU", date: "2023-03-01" }],
      placement: { kind: "foster-family", since: "2023-04", address: "ул. Садовая, 1" },
    });
  });

  it("rejects a bad row naming its line and column, and keeps the good ones", () => {
    const good = ["h-1", "A", "B", "", "F", "2013", "", "bio", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""];
    const badService = [...good];
    badService[0] = "h-2";
    badService[8] = "dentistry";
    badService[9] = "ngo";
    badService[12] = "x";
    const badDate = [...good];
    badDate[0] = "h-3";
    badDate[21] = "31.02.2023";
    const noBio = [...good];
    noBio[0] = "h-4";
    noBio[7] = "";
    const parsed = parseChannelCsv(csv([good, badService, badDate, noBio]), "disclosure");
    expect(parsed.accepted.map((r) => r.recordId)).toEqual(["h-1"]);
    expect(parsed.rejected.map((r) => [r.line, r.reason.split(":")[0]])).toEqual([
      [3, "service_1_kind"],
      [4, "citizenship_1_date"],
      [5, "biography"],
    ]);
  });

  it("a tracing request file takes the case columns and the addressed party, nothing of a disclosure", () => {
    const text = stringify([["record_id", "given_name", "family_name", "guardian_phone", "to"], ["t-1", "Олег", "Бойко", "+380501112233", "ru-commissioner"]]);
    const parsed = parseChannelCsv(text, "tracing-request");
    expect(parsed.accepted[0]).toMatchObject({ recordId: "t-1", to: "ru-commissioner" });
    expect(() => parseChannelCsv(stringify([["record_id", "given_name", "biography"]]), "tracing-request")).toThrow(CaseCsvHeaderError);
    expect(() => parseChannelCsv(stringify([["record_id", "given_name"]]), "disclosure")).toThrow(/biography/);
    expect(() => parseChannelCsv(stringify([["record_id", "given_name", "biography", "service_x_kind"]]), "disclosure")).toThrow(/service_x_kind/);
  });

  it("never throws on a row, whatever its cells hold", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: header.length, maxLength: header.length }), (cells) => {
        const parsed = parseChannelCsv(csv([cells]), "disclosure");
        expect(parsed.accepted.length + parsed.rejected.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
