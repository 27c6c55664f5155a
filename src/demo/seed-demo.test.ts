import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { disableDemoAccounts, seedDemo } from "./seed-demo.ts";
import { generateDemoCases } from "./generate-demo-cases.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { verifyPassword } from "../server/passwords.ts";

describe("seedDemo", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ now: () => now });
  });
  afterAll(() => store.close());

  it("creates the accounts and drives every case to its target status; a second run adds nothing", async () => {
    const first = await seedDemo(store, { now, families: 6 });
    const expected = generateDemoCases({ asOf: now, families: 6 });
    expect(first).toEqual({ accountsCreated: DEMO_ACCOUNTS.length, casesCreated: expected.length, casesTotal: expected.length });

    const admin = await store.users.findByUsername("admin");
    expect(admin).not.toBeNull();
    expect(await verifyPassword(admin!.passwordHash, "demo-password")).toBe(true);
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);

    const rows = await store.db.selectFrom("cases").select(["status", "party_id"]).execute();
    const statuses = rows.map((r) => r.status).sort();
    expect(statuses).toEqual(expected.map((c) => c.status).sort());

    const actionsBefore = await store.db.selectFrom("case_actions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    const second = await seedDemo(store, { now, families: 6 });
    expect(second).toEqual({ accountsCreated: 0, casesCreated: 0, casesTotal: expected.length });
    const actionsAfter = await store.db.selectFrom("case_actions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(actionsAfter.n)).toBe(Number(actionsBefore.n));
  });

  it("lets the tracing caseworker find the flagship child by its Russian form", async () => {
    const tracing = (await store.users.findByUsername("tracing"))!;
    const page = await store.cases.list({ partyId: tracing.partyId, userId: tracing.id, role: tracing.role }, { q: "Александр Коваленко" });
    expect(page.items.some((i) => i.party === "tracing-authority" && i.names[0]?.given === "Олександр")).toBe(true);
  });

  it("disables the demo accounts and their sessions outside demo mode, and demo mode enables them again", async () => {
    const tracing = (await store.users.findByUsername("tracing"))!;
    const session = await store.sessions.create(tracing.id, 60_000);
    await store.users.create({ username: "real-person", partyId: tracing.partyId, role: "caseworker", passwordHash: tracing.passwordHash });
    expect(await disableDemoAccounts(store)).toBe(DEMO_ACCOUNTS.length);
    expect((await store.users.findByUsername("tracing"))!.disabled).toBe(true);
    expect((await store.users.findByUsername("real-person"))!.disabled).toBe(false);
    expect(await store.sessions.get(session.token)).toBeNull();
    await seedDemo(store, { now, families: 6 });
    expect((await store.users.findByUsername("tracing"))!.disabled).toBe(false);
  });
});
