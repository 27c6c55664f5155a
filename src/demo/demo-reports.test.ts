import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLogText } from "../ledger/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { ledgerOf } from "../store/ledger-store.ts";
import { requireSignedReports } from "../store/ledger-reports.ts";
import { seedDemo } from "./seed-demo.ts";

describe("demo histories in the signed log", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ now: () => now });
    // As `homeward serve` runs: verification steps wait for their signed reports.
    requireSignedReports(store);
  });
  afterAll(() => store.close());

  it("exports a demo log with signed entries of every kind, which verifies; seeding again adds nothing", async () => {
    await seedDemo(store, { now, families: 12 });
    const ledger = ledgerOf(store);
    const lines: string[] = [];
    for await (const line of ledger.exportLines()) lines.push(line);
    const result = await verifyLogText(lines.join("\n") + "\n");
    expect(result.ok).toBe(true);
    const types = new Set(lines.slice(1).map((l) => (JSON.parse(l) as { entry?: { type: string } }).entry?.type).filter(Boolean));
    for (const t of ["case.report", "case.register", "case.share", "case.verify-identity", "case.confirm-by-mediator", "report.drafted", "report.signed", "key.added"]) {
      expect(types).toContain(t);
    }
    const roles = lines.filter((l) => l.includes('"report.signed"')).map((l) => (JSON.parse(l) as { entry: { body: { role: string } } }).entry.body.role);
    expect(new Set(roles)).toEqual(new Set(["tracing-verifier", "holding-verifier", "mediator"]));
    const size = await ledger.size();
    await seedDemo(store, { now, families: 12 });
    expect(await ledger.size()).toBe(size);
  });
});
