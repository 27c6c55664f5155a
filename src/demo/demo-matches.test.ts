import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type RequestContext, type Store } from "../store/index.ts";
import { DEMO_ACCOUNTS, DEMO_PARTIES } from "./demo-accounts.ts";
import { generateDemoCases } from "./generate-demo-cases.ts";
import { seedDemoMatches, type SeededCase } from "./demo-matches.ts";
import { testDoor } from "../store/test-support/test-door.ts";

// One family of the demo with twins recorded on both sides: the matcher proposes the sibling too.
const FAMILY = "demo-family-0033";

describe("seedDemoMatches", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  let store: Store;
  const ctx: Record<"tracing" | "holding", RequestContext> = {} as never;
  const seeded: SeededCase[] = [];
  beforeAll(async () => {
    store = await openStore({ now: () => now });
    for (const party of Object.values(DEMO_PARTIES)) await store.parties.ensure(party);
    for (const side of ["tracing", "holding"] as const) {
      const account = DEMO_ACCOUNTS.find((a) => a.username === side)!;
      const user = await store.users.create({ ...account, passwordHash: "$argon2id$not-a-login" });
      ctx[side] = { partyId: user.partyId, userId: user.id, role: user.role, purpose: "test" };
    }
    const family = generateDemoCases({ asOf: now, families: 34 }).filter((c) => c.familyKey === FAMILY);
    for (const demo of family) {
      const created = await store.cases.create(ctx[demo.party === "holding" ? "holding" : "tracing"], demo.input, { clientId: demo.clientId });
      seeded.push({ demo, id: created.id });
    }
  });
  afterAll(() => store.close());

  it("agrees only the generator's true pairs, rejects a proposed sibling with its reason, and decides once", async () => {
    const evidence = await seedDemoMatches(store, seeded, ctx);
    const demoOf = new Map(seeded.map((s) => [s.id, s.demo]));
    const matching = store.matching;
    const all = (await matching.list(ctx.tracing, { limit: 500 })).items;
    const truePair = (t: string, h: string) => demoOf.get(h)!.sameChildAs === demoOf.get(t)!.clientId;
    // The family's twins are both proposed for one holding record: the set a person must decide.
    expect(all.some((c) => !truePair(c.tracing.caseId, c.holding.caseId))).toBe(true);

    const agreed = all.filter((c) => c.status === "agreed");
    expect(agreed.length).toBeGreaterThan(0);
    for (const c of agreed) {
      expect(truePair(c.tracing.caseId, c.holding.caseId)).toBe(true);
      expect(evidence.get(c.tracing.caseId)).toContain(c.id);
      expect(evidence.get(c.holding.caseId)).toContain(c.tracing.caseId);
    }
    const rejected = all.filter((c) => c.status === "rejected");
    expect(rejected.length).toBeGreaterThan(0);
    for (const c of rejected) {
      expect(truePair(c.tracing.caseId, c.holding.caseId)).toBe(false);
      expect(c.decisions.tracing?.reason).toMatch(/sibling from the same family/);
    }

    const actions = async () => Number((await testDoor(store).db.selectFrom("case_actions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await actions();
    const again = await seedDemoMatches(store, seeded, ctx);
    expect(await actions()).toBe(before);
    expect(again).toEqual(evidence);
  });
});
