import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseInput } from "../../../domain/index.ts";
import { childPreset } from "../../../matching/index.ts";
import type { MatchTables } from "../match-schema.ts";
import { matchCodec } from "../match-codec.ts";
import { applyTermCountChanges, parseTermKeys, storedTermCounts, TermCountChanges, termCountsFromScratch } from "../term-counts.ts";
import { matchCases, type MDb } from "../match-engine.ts";
import { type MatchingService } from "../match-registry.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { testDoor } from "../../test-support/test-door.ts";
import { BLINDED_SUBJECT_PREFIX } from "../../../ledger/index.ts";

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

// Both sides may be proposed to the other: the family's consent to sharing, the channel's basis.
const CONSENT = { forTracing: true, forSharing: true, givenBy: "guardian" } as const;
const BASIS = { basis: "channel-agreement", reference: "Synthetic test agreement" } as const;

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
    consent: CONSENT,
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
    legalBasis: BASIS,
    ...extra,
  };
}

export function registerMatchContract(label: string, open: () => Promise<Store>): void {
  describe(`matching in the registry on ${label}`, () => {
    let store: Store;
    let matching: MatchingService;
    beforeAll(async () => {
      store = await open();
      matching = store.matching;
    });
    afterAll(() => store?.close());

    it("stores each record's blocking keys and the candidate with score, probability and per-field explanation", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, tracingChild(world), { clientId: "t1" });
      const h = await store.cases.create(p.holding, holdingChild(world), { clientId: "h1" });
      const run = await matching.runPending();
      expect(run.matched).toBeGreaterThanOrEqual(2);
      const keys = await testDoor(store).db.withTables<{ match_keys: { case_id: string; key: string; side: string } }>()
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
      await testDoor(store).db.withTables<{ match_jobs: { kind: string; ref: string } }>().insertInto("match_jobs").values({ kind: "match", ref: t.id }).execute();
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
      // Free text about a child is sealed at rest like the rest of its record.
      const stored = await testDoor(store).db.withTables<{ match_candidates: { id: string; tracing_reason: string | null } }>()
        .selectFrom("match_candidates").select("tracing_reason").where("id", "=", c!.id).executeTakeFirstOrThrow();
      expect(stored.tracing_reason).not.toBeNull();
      expect(stored.tracing_reason).not.toContain("maiden");
      // The other party learns that the pair was rejected, not why.
      const seenByHolding = (await matching.list(p.holding)).items[0]!;
      expect(seenByHolding.decisions.tracing).toEqual({ decision: "reject", at: expect.any(String) });
      // The rejection is a signed entry (who matched whom, which way); its reason stays in the registry.
      const logged: string[] = [];
      for await (const line of store.ledger.exportLines()) logged.push(line);
      const decided = logged
        .map((l) => JSON.parse(l) as { entry?: { type: string; party: string; body?: unknown } })
        .filter((l) => l.entry?.type === "match.decided");
      expect(decided.map((l) => l.entry!.body)).toEqual([
        { candidate: c!.id, side: "tracing", decision: "reject", tracingCase: (await store.ledger.caseSteps(t.id)).subject.replace(BLINDED_SUBJECT_PREFIX, ""), holdingCase: expect.stringMatching(/^[0-9a-f]{64}$/), status: "rejected" },
      ]);
      // The cases by their commitments only: no case id in the log.
      expect(logged.join("\n")).not.toContain(t.id);
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
      await testDoor(store).db.withTables<{ match_jobs: { kind: string } }>().deleteFrom("match_jobs").where("kind", "=", "match").execute();
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
      const records = testDoor(store).db.withTables<{ match_records: { case_id: string; keys_version: string; keys: string[] } }>();
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

  describe(`term frequencies in the registry on ${label}`, () => {
    // A store of its own (the counts are registry-wide). Matching runs with the real minimum
    // (MIN_TERM_RECORDS), far above the few dozen records here; `rescore` matches again with a
    // minimum of MIN, so that a few dozen records count as "enough".
    const MIN = 30;
    let store: Store;
    let matching: MatchingService;
    let db: MDb;
    beforeAll(async () => {
      store = await open();
      matching = store.matching;
      db = testDoor(store).db.withTables<MatchTables>() as MDb;
    });
    const rescore = async (caseIds: string[]) => {
      const model = await matching.model();
      await db.transaction().execute((tx) => matchCases(tx, matchCodec(testDoor(store).atRest), caseIds, model, new Date(), { minTermRecords: MIN }));
    };
    afterAll(() => store?.close());

    const settings = childPreset();
    const expectCountsFromScratch = async () => {
      expect(Object.fromEntries(await storedTermCounts(db))).toEqual(Object.fromEntries(await termCountsFromScratch(db, matchCodec(testDoor(store).atRest), settings)));
    };
    const count = async (field: string, key: string) => (await storedTermCounts(db)).get(`${field}\u0000${key}`) ?? 0;
    const termKeysOfCase = async (caseId: string) =>
      parseTermKeys((await db.selectFrom("match_records").select("term_keys").where("case_id", "=", caseId).executeTakeFirstOrThrow()).term_keys)!;

    // Otherwise identical pairs: the same given name, place and sex, each agreeing on its own
    // date; no parents, so that the family fields (surname, place) stay below their ceiling.
    const child = (family: string, birthDate: string, given: string, birthPlace: string): CaseInput => ({ names: [{ given, family }], sex: "M", birthDate, birthPlace, legalBasis: BASIS });
    const weights = async (p: Awaited<ReturnType<typeof parties>>, tracingId: string) => {
      const c = (await matching.list(p.tracing, { limit: 500 })).items.find((i) => i.tracing.caseId === tracingId)!;
      return { weight: c.weight, family: c.explanation.fields.find((x) => x.field === "family_name")!.weight, probability: c.probability };
    };

    it("weighs agreement on a common surname below agreement on a rare one once enough records are stored, and not before", async () => {
      const p = await parties(store);
      const common = await store.cases.create(p.tracing, child("Коваленко", "2014-03-07", "Олександр", "Маріуполь"), { clientId: "tc" });
      await store.cases.create(p.holding, child("Коваленко", "2014-03-07", "Олександр", "Маріуполь"), { clientId: "hc" });
      const rare = await store.cases.create(p.tracing, child("Вернигора", "2014-05-11", "Олександр", "Маріуполь"), { clientId: "tr" });
      await store.cases.create(p.holding, child("Вернигора", "2014-05-11", "Олександр", "Маріуполь"), { clientId: "hr" });
      await matching.runPending();
      await rescore([common.id, rare.id]);
      // Four records: below the minimum, no frequencies, the two pairs score alike.
      const [c0, r0] = [await weights(p, common.id), await weights(p, rare.id)];
      expect(c0.weight).toBeCloseTo(r0.weight, 9);

      // Other children named Коваленко on both sides, born elsewhere and on other days.
      const places = ["Київ", "Харків", "Одеса", "Львів", "Херсон", "Полтава"];
      const names = ["Марія", "Іван", "Софія", "Дмитро", "Анна", "Максим", "Дарина", "Богдан"];
      for (let i = 0; i < MIN; i++) {
        const ctx = i % 2 === 0 ? p.tracing : p.holding;
        const date = `20${String(5 + (i % 10)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`;
        await store.cases.create(ctx, child("Коваленко", date, names[i % names.length]!, places[i % places.length]!), { clientId: `bg${i}` });
      }
      await matching.runPending();
      const total = await count("family_name", "");
      expect(total).toBe(MIN + 4);
      const keys = await termKeysOfCase(common.id);
      const kov = await count("family_name", keys["family_name"]![0]!);
      const rareKey = (await termKeysOfCase(rare.id))["family_name"]![0]!;
      expect(kov).toBe(MIN + 2);
      expect(await count("family_name", rareKey)).toBe(2);

      // Below the real minimum nothing changes.
      await matching.rematch([common.id, rare.id]);
      expect((await weights(p, common.id)).weight).toBeCloseTo((await weights(p, rare.id)).weight, 9);
      // Stored candidates are scored again as their records are matched again.
      await rescore([common.id, rare.id]);
      const [c1, r1] = [await weights(p, common.id), await weights(p, rare.id)];
      expect(c1.weight).toBeLessThan(r1.weight);
      expect(c1.probability).toBeLessThan(r1.probability);
      // The surname's contribution differs by exactly the log ratio of the two shares.
      expect(r1.family - c1.family).toBeCloseTo(Math.log2(kov / 2), 6);
      // Shared by nearly every record, the common surname says less than the model's u alone.
      expect(c1.family).toBeLessThan(c0.family);
      await expectCountsFromScratch();
    });

    it("keeps the counts with record updates, several names and withdrawals, equal to counts from scratch", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, child("Гайдамака", "2012-08-19", "Тарас", "Умань"), { clientId: "t1" });
      await matching.runPending();
      const before = await termKeysOfCase(t.id);
      const total = await count("family_name", "");
      const placeTotal = await count("birth_place", "");
      const givenTotal = await count("given_name", "");
      expect(await count("family_name", before["family_name"]![0]!)).toBe(1);
      await expectCountsFromScratch();

      // A new surname: the old key is counted off, the new one on; the totals stay.
      await store.cases.appendAction(p.tracing, t.id, { type: "update-details", patch: { names: [{ given: "Тарас", family: "Запорожець" }] } }, { clientId: "t1-u1" });
      await matching.runPending();
      const renamed = await termKeysOfCase(t.id);
      expect(await count("family_name", before["family_name"]![0]!)).toBe(0);
      expect(await count("family_name", renamed["family_name"]![0]!)).toBe(1);
      expect(await count("family_name", "")).toBe(total);
      await expectCountsFromScratch();

      // Two names, so two record variants (a new given name after deportation): the case is
      // counted once, under both given names, its one surname and its one place.
      await store.cases.appendAction(
        p.tracing, t.id,
        { type: "update-details", patch: { names: [{ given: "Тарас", family: "Запорожець" }, { given: "Денис", family: "Запорожець", kind: "new-after-deportation" }] } },
        { clientId: "t1-u2" },
      );
      await matching.runPending();
      const two = await termKeysOfCase(t.id);
      expect(two["given_name"]).toHaveLength(2);
      expect(two["family_name"]).toEqual(renamed["family_name"]);
      expect(two["birth_place"]).toHaveLength(1);
      expect(await count("given_name", "")).toBe(givenTotal);
      expect(await count("birth_place", "")).toBe(placeTotal);
      expect(await count("family_name", "")).toBe(total);
      for (const k of two["family_name"]!) expect(await count("family_name", k)).toBe(1);
      await expectCountsFromScratch();

      // Withdrawn: counted under no key at all.
      await store.cases.appendAction(p.tracing, t.id, { type: "withdraw", reason: "Found through another channel" }, { clientId: "t1-w" });
      // Matched again at once (the action enqueues it), not only at the next sweep.
      await matching.runPending();
      expect(await termKeysOfCase(t.id)).toEqual({});
      for (const k of two["family_name"]!) expect(await count("family_name", k)).toBe(0);
      expect(await count("family_name", "")).toBe(total - 1);
      expect(await count("birth_place", "")).toBe(placeTotal - 1);
      expect(await count("given_name", "")).toBe(givenTotal - 1);
      await expectCountsFromScratch();
    });

    it("counts, on the next sweep, records stored without counts, and recounts from scratch", async () => {
      const p = await parties(store);
      const t = await store.cases.create(p.tracing, child("Остапчук", "2011-02-03", "Петро", "Ніжин"), { clientId: "t1" });
      await matching.runPending();
      const keys = await termKeysOfCase(t.id);
      // As for a record stored before the counts were kept: not counted, no keys noted.
      const off = new TermCountChanges();
      off.change(keys, null);
      await db.transaction().execute(async (tx) => {
        await applyTermCountChanges(tx, off);
        await tx.updateTable("match_records").set({ term_keys: null }).where("case_id", "=", t.id).execute();
      });
      expect(await count("family_name", keys["family_name"]![0]!)).toBe(0);
      expect(await matching.enqueueStale()).toBeGreaterThanOrEqual(1);
      await matching.runPending();
      expect(await termKeysOfCase(t.id)).toEqual(keys);
      expect(await count("family_name", keys["family_name"]![0]!)).toBe(1);
      await expectCountsFromScratch();

      await db.deleteFrom("match_term_counts").execute();
      const records = await matching.recountTerms();
      expect(records).toBeGreaterThan(MIN);
      await expectCountsFromScratch();
      expect(await count("family_name", keys["family_name"]![0]!)).toBe(1);
    });
  });
}
