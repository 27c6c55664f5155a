import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../store/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";
import { seedDemoHealth } from "./demo-health.ts";

describe("the demo's health summaries", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  let store: Store;
  const ctx = (party: keyof typeof DEMO_PARTIES, role: RequestContext["role"] = "caseworker"): RequestContext => ({ partyId: DEMO_PARTIES[party].id, userId: `${party}-user`, role });
  const cases = new Map<string, string>();
  beforeAll(async () => {
    store = await openStore({ now: () => now });
    for (const p of Object.values(DEMO_PARTIES)) await store.parties.ensure(p);
    const child = { sex: "M" as const, birthDate: "2012-06-14", biography: "Synthetic.", mediator: DEMO_PARTIES.mediator.id };
    cases.set("d-1", (await store.disclosures.create(ctx("holding"), { ...child, names: [{ given: "Богдан", family: "Ткачёв" }], to: DEMO_PARTIES.tracing.id }, { clientId: "d-1" })).id);
    cases.set("d-2", (await store.disclosures.create(ctx("holding"), { ...child, names: [{ given: "Дарья", family: "Мельник" }], to: DEMO_PARTIES.tracing.id }, { clientId: "d-2" })).id);
    cases.set("reverse-held", (await store.disclosures.create(ctx("tracing"), { ...child, names: [{ given: "Анастасія", family: "Воронцова" }], to: DEMO_PARTIES.holding.id }, { clientId: "r" })).id);
  });
  afterAll(() => store.close());

  it("releases one disclosed child's summary to the tracing authority and not another's, the reverse case to the holding side, and records each once", async () => {
    expect(await seedDemoHealth(store, { tracing: ctx("tracing"), holding: ctx("holding") }, cases, now)).toBe(3);
    await seedDemoHealth(store, { tracing: ctx("tracing"), holding: ctx("holding") }, cases, now);
    const released = await store.healthSummaries.release(ctx("tracing"), cases.get("d-1")!, "TREAT");
    expect(released).toMatchObject({ version: 1, custodian: DEMO_PARTIES.holding.id });
    expect(released.summary.observations[0]!.labels).toEqual(["V", "PSY"]);
    await expect(store.healthSummaries.release(ctx("tracing"), cases.get("d-2")!, "TREAT")).rejects.toThrow(/does not name your party/);
    await expect(store.healthSummaries.release(ctx("mediator", "mediator"), cases.get("d-2")!, "FAMRQT")).resolves.toMatchObject({ version: 1 });
    await expect(store.healthSummaries.release(ctx("holding"), cases.get("reverse-held")!, "TREAT")).resolves.toMatchObject({ custodian: DEMO_PARTIES.tracing.id });
    expect((await store.healthSummaries.getConsent(ctx("holding"), cases.get("d-1")!))?.version).toBe(1);
  });
});
