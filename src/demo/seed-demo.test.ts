import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { disableDemoAccounts, seedDemo } from "./seed-demo.ts";
import { generateDemoCases } from "./generate-demo-cases.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { verifyPassword } from "../server/passwords.ts";
import { testDoor } from "../store/test-support/test-door.ts";
import { readSummary } from "../store/cases/index.ts";

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

    // The channel's own demo cases (src/demo/demo-channel.ts) are checked below.
    const channel = await testDoor(store).db
      .selectFrom("case_actions")
      .select("case_id")
      .where((eb) => eb.or(["demo-channel/%", "demo-disclosure:%", "demo-tracing-request:%"].map((p) => eb("client_id", "like", p))))
      .where("sequence", "=", 1)
      .execute();
    const rows = (await testDoor(store).db.selectFrom("cases").select(["id", "status", "party_id"]).execute()).filter((r) => !channel.some((c) => c.case_id === r.id));
    const statuses = rows.map((r) => r.status).sort();
    expect(statuses).toEqual(expected.map((c) => c.status).sort());

    const actionsBefore = await testDoor(store).db.selectFrom("case_actions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    const second = await seedDemo(store, { now, families: 6 });
    expect(second).toEqual({ accountsCreated: 0, casesCreated: 0, casesTotal: expected.length });
    const actionsAfter = await testDoor(store).db.selectFrom("case_actions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(actionsAfter.n)).toBe(Number(actionsBefore.n));
  });

  it("holds the channel: a completed batch with both handovers and one overdue check, a planned batch, a refusal, an adult-track case, a child turning 18 soon", async () => {
    const ctxOf = async (username: string) => {
      const u = (await store.users.findByUsername(username))!;
      return { partyId: u.partyId, userId: u.id, role: u.role };
    };
    const mediator = await ctxOf("mediator");
    const tracing = await ctxOf("tracing");
    const batches = await store.batches.list(mediator);
    const completed = batches.find((b) => b.status === "completed")!;
    expect(completed.children).toHaveLength(2);
    expect(completed.children.every((c) => c.handovers.length === 2 && c.postReturnCheckDue !== null)).toBe(true);
    expect(batches.filter((b) => b.status === "planned").map((b) => b.children.length)).toEqual([1]);
    const checks = await store.batches.postReturnChecks(mediator, {});
    expect(checks.map((c) => [c.done, c.overdue]).sort()).toEqual([[false, true], [true, false]]);
    expect((await store.cases.list(tracing, { track: "adult" })).items.some((c) => c.names[0]?.given === "Дмитро")).toBe(true);
    expect((await store.cases.list(tracing, { turning18Within: 90 })).items.some((c) => c.names[0]?.given === "Ірина")).toBe(true);
    const refused = (await store.cases.list(tracing, { q: "Олена Кравець" })).items[0]!;
    expect((await store.cases.get(tracing, refused.id))!.status).toBe("located");
  });

  it("holds disclosures with photos, tracing requests to the holding side and one case in the reverse direction", async () => {
    const sides = await testDoor(store).db
      .selectFrom("case_actions as a")
      .innerJoin("cases as c", "c.id", "a.case_id")
      .select(["a.client_id", "c.id", "c.party_id", "c.summary"])
      .where((eb) => eb.or([eb("a.client_id", "like", "demo-disclosure:%"), eb("a.client_id", "like", "demo-tracing-request:%")]))
      .execute();
    const sideOf = (id: string) => {
      const r = sides.find((x) => x.client_id === id)!;
      // The photos' list is sealed with the child's identity: read it as the store does.
      const summary = readSummary(testDoor(store).atRest, r.id, r.summary);
      return { party: r.party_id, side: summary.side, photos: summary.photos.length };
    };
    expect(sideOf("demo-disclosure:d-1")).toEqual({ party: "holding-authority", side: "holding", photos: 1 });
    expect(sideOf("demo-tracing-request:t-1")).toMatchObject({ party: "tracing-authority", side: "tracing" });
    expect(sideOf("demo-disclosure:reverse")).toEqual({ party: "tracing-authority", side: "holding", photos: 1 });
    expect(sideOf("demo-tracing-request:reverse")).toMatchObject({ party: "holding-authority", side: "tracing" });
  });

  it("holds threads between each party and the mediator, one of all three and one about a batch, each once", async () => {
    const ctxOf = async (username: string) => {
      const u = (await store.users.findByUsername(username))!;
      return { partyId: u.partyId, userId: u.id, role: u.role };
    };
    const [tracing, holding, mediator] = await Promise.all(["tracing", "holding", "mediator"].map(ctxOf));
    const of = async (ctx: typeof tracing) => (await store.threads.list(ctx!)).items.map((t) => [t.subject.kind, [...t.parties].sort().join("+"), t.messageCount]);
    const tracingSees = await of(tracing);
    const holdingSees = await of(holding);
    expect(tracingSees).toContainEqual(["case", "mediator+tracing-authority", 2]);
    expect(holdingSees).toContainEqual(["case", "holding-authority+mediator", 3]);
    expect(holdingSees).toContainEqual(["batch", "holding-authority+mediator", 2]);
    for (const seen of [tracingSees, holdingSees]) expect(seen).toContainEqual(["case", "holding-authority+mediator+tracing-authority", 3]);
    expect(tracingSees.some(([, p]) => p === "holding-authority+mediator")).toBe(false);
    expect(await of(mediator)).toHaveLength(4);
    expect((await store.threads.list(mediator!)).items.every((t) => t.unread === 0)).toBe(true);
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
