import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseInput } from "../../domain/index.ts";
import { attachMatching, type MatchingService } from "../match-registry.ts";
import { ledgerOf } from "../ledger-store.ts";
import type { RequestContext, Store } from "../types.ts";

// Matching in the registry, the same on every database. Each test builds its own parties so
// tests share one store without seeing each other's candidates.

let world = 0;

async function parties(store: Store) {
  const n = ++world;
  const tracing = `mt-tracing-${n}`;
  const holding = `mt-holding-${n}`;
  await store.parties.ensure({ id: tracing, name: "Tracing", kind: "tracing-authority" });
  await store.parties.ensure({ id: holding, name: "Holding", kind: "holding-authority" });
  const ctx = (partyId: string, role: RequestContext["role"] = "caseworker"): RequestContext => ({ partyId, userId: `${partyId}-user-${role}`, role });
  return { tracing: ctx(tracing), holding: ctx(holding), holdingVerifier: ctx(holding, "verifier") };
}

// A family distinct per world, so keys from other tests never block with this one.
function family(n: number) {
  const surnames = [["Коваленко", "Коваленко"], ["Шевчук", "Шевчук"], ["Бондар", "Бондарь"], ["Ткачук", "Ткачук"], ["Мельничук", "Мельничук"], ["Кравчук", "Кравчук"], ["Гнатюк", "Гнатюк"], ["Савчук", "Савчук"]];
  const [uk, ru] = surnames[n % surnames.length]!;
  const day = String(1 + (n % 27)).padStart(2, "0");
  return { uk: uk!, ru: ru!, birthDate: `2014-03-${day}`, ruDate: `2014-03-${day}` };
}

function tracingChild(n: number, given = "Олександр", extra: Partial<CaseInput> = {}): CaseInput {
  const f = family(n);
  return {
    names: [{ given, family: f.uk, patronymic: "Петрович" }],
    sex: "M",
    birthDate: f.birthDate,
    birthPlace: "Маріуполь",
    separation: { category: "deported", date: "2022-04", place: "Маріуполь", lastKnownLocation: "Таганрог" },
    family: [
      { relation: "mother", given: "Ірина", family: f.uk, contact: { phone: "+380 50 111 22 33", address: "вул. Миру 1, Запоріжжя" } },
      { relation: "father", given: "Петро", family: f.uk },
    ],
    notes: "Grandmother's account of the evacuation",
    health: "Asthma",
    ...extra,
  };
}

function holdingChild(n: number, given = "Александр", extra: Partial<CaseInput> = {}): CaseInput {
  const f = family(n);
  return {
    names: [{ given, family: f.ru, patronymic: "Петрович" }],
    sex: "M",
    birthDate: f.ruDate,
    birthPlace: "Мариуполь",
    family: [
      { relation: "mother", given: "Ирина", family: f.ru },
      { relation: "foster-parent", given: "Мария", family: "Иванова", contact: { phone: "+7 900 000 00 00" } },
    ],
    notes: "Placed with a foster family in 2022",
    ...extra,
  };
}

export function registerMatchContract(label: string, open: () => Promise<Store>): void {
  describe(`matching in the registry on ${label}`, () => {
    let store: Store;
    let matching: MatchingService;
    beforeAll(async () => {
      store = await open();
      matching = attachMatching(store);
    });
    afterAll(() => store?.close());

    it("stores each record's blocking keys and the candidate with score, probability and per-field explanation", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      const h = await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      const run = await matching.runPending();
      expect(run.matched).toBeGreaterThanOrEqual(2);
      const keys = await store.db.withTables<{ match_keys: { case_id: string; key: string; side: string } }>()
        .selectFrom("match_keys").select(["case_id", "key", "side"]).where("case_id", "in", [t.id, h.id]).execute();
      expect(keys.filter((k) => k.case_id === t.id).length).toBeGreaterThan(3);
      // The holding record names no father: every key it has, the tracing record shares.
      const tracingKeys = new Set(keys.filter((k) => k.case_id === t.id).map((k) => k.key));
      const holdingKeys = keys.filter((k) => k.case_id === h.id).map((k) => k.key);
      expect(holdingKeys.length).toBeGreaterThan(3);
      for (const k of holdingKeys) expect(tracingKeys).toContain(k);
      const { items } = await matching.list(p.tracing);
      expect(items).toHaveLength(1);
      const c = items[0]!;
      expect(c.tracing.caseId).toBe(t.id);
      expect(c.holding.caseId).toBe(h.id);
      expect(c.probability).toBeGreaterThan(0.9);
      expect(c.status).toBe("pending");
      expect(c.explanation.fields.map((f) => f.field)).toEqual(expect.arrayContaining(["given_name", "family_name", "birth_date", "birth_place", "mother_name"]));
      expect(c.explanation.fields.find((f) => f.field === "given_name")).toMatchObject({ left: "Олександр", right: "Александр" });
      expect(c.explanation.text).toMatch(/A person must decide/);
      // The holding side sees the same pair.
      expect((await matching.list(p.holding)).items.map((i) => i.id)).toEqual([c.id]);
    });

    it("re-matching is idempotent: same candidate, same score, no duplicates", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      const h = await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      await matching.runPending();
      const before = (await matching.list(p.tracing)).items;
      await matching.rematch([t.id, h.id]);
      await matching.rematch([h.id]);
      await store.db.withTables<{ match_jobs: { kind: string; ref: string } }>().insertInto("match_jobs").values({ kind: "match", ref: t.id }).execute();
      await matching.runPending();
      const after = (await matching.list(p.tracing)).items;
      expect(after.map((i) => [i.id, i.probability, i.status])).toEqual(before.map((i) => [i.id, i.probability, i.status]));
      expect(after).toHaveLength(1);
    });

    it("keeps a decision: a rejected pair is not proposed again when the records change and are re-matched", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      await matching.runPending();
      const [c] = (await matching.list(p.tracing)).items;
      await matching.decide(p.tracing, c!.id, { decision: "reject", reason: "Different mother's maiden name in the birth certificate" });
      await store.cases.appendAction(p.tracing, t.id, { type: "update-details", patch: { birthPlace: "Мариуполь" } }, { clientId: "t1-upd" });
      await matching.runPending();
      await matching.rematch([t.id]);
      const all = (await matching.list(p.tracing)).items;
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ id: c!.id, status: "rejected" });
      expect((await matching.list(p.tracing, { status: "pending" })).total).toBe(0);
      expect(all[0]!.decisions.tracing).toMatchObject({ decision: "reject", reason: expect.stringMatching(/maiden/) });
      // The other party learns that the pair was rejected, not why.
      const seenByHolding = (await matching.list(p.holding)).items[0]!;
      expect(seenByHolding.decisions.tracing).toEqual({ decision: "reject", at: expect.any(String) });
      // The rejection is a signed entry (who matched whom, which way); its reason stays in the registry.
      const logged: string[] = [];
      for await (const line of ledgerOf(store).exportLines()) logged.push(line);
      const decided = logged
        .map((l) => JSON.parse(l) as { entry?: { type: string; party: string; body?: unknown } })
        .filter((l) => l.entry?.type === "match.decided");
      expect(decided.map((l) => l.entry!.body)).toEqual([
        { candidate: c!.id, side: "tracing", decision: "reject", tracingCase: t.id, holdingCase: expect.any(String), status: "rejected" },
      ]);
      expect(logged.join("\n")).not.toMatch(/maiden/);
    });

    it("withdraws an undecided candidate when the record no longer fits, and finds cases created without matching attached", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      await matching.runPending();
      expect((await matching.list(p.tracing)).total).toBe(1);
      // Another child altogether: no key in common any more.
      await store.cases.appendAction(
        p.tracing, t.id,
        { type: "update-details", patch: { names: [{ given: "Марія", family: "Литвиненко" }], sex: "F", birthDate: "2009-11-30", birthPlace: "Херсон", family: [] } },
        { clientId: "t1-upd" },
      );
      await matching.runPending();
      expect((await matching.list(p.tracing)).total).toBe(0);
      // A case whose job was lost (or that came from a process without the sink) is swept up.
      await store.cases.create(p.tracing, tracingChild(world), { clientId: "t2" });
      await store.db.withTables<{ match_jobs: { kind: string } }>().deleteFrom("match_jobs").where("kind", "=", "match").execute();
      expect(await matching.enqueueStale()).toBeGreaterThanOrEqual(1);
      await matching.runPending();
      expect((await matching.list(p.tracing)).total).toBe(1);
    });

    it("keys again, on the next sweep, records keyed by older key functions or blocking rules", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      const h = await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      await matching.runPending();
      expect(await matching.enqueueStale()).toBe(0);
      // As after an upgrade that changed name groups: the stored keys are of another version.
      const records = store.db.withTables<{ match_records: { case_id: string; keys_version: string; keys: string[] } }>();
      await records.updateTable("match_records").set({ keys_version: "older", keys: [] }).where("case_id", "in", [t.id, h.id]).execute();
      expect(await matching.enqueueStale()).toBe(2);
      await matching.runPending();
      const rows = await records.selectFrom("match_records").select(["keys_version", "keys"]).where("case_id", "in", [t.id, h.id]).execute();
      expect(rows.every((r) => r.keys_version !== "older" && r.keys.length > 0)).toBe(true);
      expect(await matching.enqueueStale()).toBe(0);
      expect((await matching.list(p.tracing)).total).toBe(1);
    });

    it("proposes nothing for a withdrawn case, and a sweep then leaves it alone", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      await matching.runPending();
      expect((await matching.list(p.tracing)).total).toBe(1);
      await store.cases.appendAction(p.tracing, t.id, { type: "withdraw", reason: "Found through another channel" }, { clientId: "t1-w" });
      await matching.enqueueStale();
      await matching.runPending();
      expect((await matching.list(p.tracing)).total).toBe(0);
      expect(await matching.enqueueStale()).toBe(0);
    });

    it("flags twins competing for one record as a family set and decides nothing", async () => {
      const p = await parties(store);
      // The family knows the surname, parents, place and date, but not which twin this is.
      const t = await store.cases.create(p.tracing, tracingChild(world, "Олександр", { names: [{ family: family(world).uk }] }), { clientId: "t1" });
      await store.cases.create(p.holding, holdingChild(world, "Александр"), { clientId: "h1" });
      await store.cases.create(p.holding, holdingChild(world, "Андрей"), { clientId: "h2" });
      await matching.runPending();
      const { items } = await matching.list(p.tracing);
      expect(items).toHaveLength(2);
      for (const i of items) {
        expect(i.flag).toBe("family_conflict");
        expect(i.status).toBe("pending");
        expect(i.tracing.caseId).toBe(t.id);
      }
      const one = await matching.get(p.tracing, items[0]!.id);
      expect(one.group?.flag).toBe("family_conflict");
      expect(one.group?.members.map((m) => m.id)).toEqual([items[1]!.id]);
    });

    it("uses model parameters stored as data: the preset is stored on first use and reused", async () => {
      const a = await matching.model();
      const b = await matching.model();
      expect(a.id).toBe(b.id);
      expect(a.params.fields).toHaveLength(a.settings.fields.length);
    });
  });
}
