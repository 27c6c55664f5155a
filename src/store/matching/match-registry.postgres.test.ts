import { describe, expect, it } from "vitest";
import { registerMatchContract } from "./test-support/match-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";
import type { MatchTables } from "./match-schema.ts";
import { testDoor } from "../test-support/test-door.ts";

const BASIS = { basis: "channel-agreement", reference: "Synthetic test agreement" } as const;

await onPostgres("matching contract", (place) => {
  registerMatchContract("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4 });
  });

  describe("matching with two server processes on one PostgreSQL database", () => {
    it("drains the jobs once between them: every case matched, every pair stored once", async () => {
      const { url, keyFile } = await place();
      const open = () => openStore({ databaseUrl: url, keyFile, poolSize: 3 });
      const [a, b] = [await open(), await open()];
      try {
        await a.parties.ensure({ id: "t", name: "T", kind: "tracing-authority" });
        await a.parties.ensure({ id: "h", name: "H", kind: "holding-authority" });
        const t = { partyId: "t", userId: "tu", role: "caseworker" as const };
        const h = { partyId: "h", userId: "hu", role: "caseworker" as const };
        const surnames = ["Коваленко", "Шевчук", "Бондар", "Ткачук", "Мельничук", "Кравчук", "Гнатюк", "Савчук", "Лисенко", "Марченко"];
        for (const [i, s] of surnames.entries()) {
          const day = String(i + 1).padStart(2, "0");
          await a.cases.create(t, { names: [{ given: "Олександр", family: s }], sex: "M", birthDate: `2013-04-${day}`, birthPlace: "Маріуполь", legalBasis: BASIS }, { clientId: `t${i}` });
          await b.cases.create(h, { names: [{ given: "Александр", family: s }], sex: "M", birthDate: `2013-04-${day}`, birthPlace: "Мариуполь", legalBasis: BASIS }, { clientId: `h${i}` });
        }
        const [ra, rb] = await Promise.all([a.matching.runPending({ batch: 3 }), b.matching.runPending({ batch: 3 })]);
        expect(ra.matched + rb.matched).toBe(20);
        const rows = await testDoor(a).db.withTables<MatchTables>().selectFrom("match_candidates").select(["tracing_case_id", "holding_case_id"]).execute();
        expect(rows).toHaveLength(10);
        const jobs = await testDoor(a).db.withTables<MatchTables>().selectFrom("match_jobs").select("id").execute();
        expect(jobs).toHaveLength(0);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
});
