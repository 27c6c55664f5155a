import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { ActionType, CaseInput, CaseStatus, PartyKind, Role } from "../../../domain/index.ts";
import { ClientIdReusedError, ConflictError, ForbiddenError, NotFoundError, ValidationError, mayTake } from "../../../domain/index.ts";
import { MIGRATIONS } from "../../migrations.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { testDoor } from "../../test-support/test-door.ts";
import { checkAccessLog } from "../../../ledger/index.ts";
import type { AccessLogRow } from "../../../ledger/index.ts";

// One behavioural contract for every database the store runs on. Each test builds its own
// "world" of four parties, so tests share one database without seeing each other's cases.

export interface ContractOptions {
  now: () => Date;
}

const PHONE = "+380 50 765 43 21";
const ADDRESS = "вул. Шевченка 17, кв. 4, Запоріжжя";
const EMAIL = "olena.kovalenko@example.org";
const NOTE = "Grandmother says the boy was taken from the school shelter";
const HEALTH = "Asthma; needs inhaler";

type PartyName = "tracing" | "holding" | "mediator" | "ngo";
const PARTY_KINDS: Record<PartyName, PartyKind> = {
  tracing: "tracing-authority",
  holding: "holding-authority",
  mediator: "mediator",
  ngo: "ngo",
};

export function childInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    names: [
      { given: "Олександр", family: "Коваленко", patronymic: "Миколайович", lang: "uk" },
      { given: "Aleksandr", family: "Kovalenko", kind: "transliteration" },
    ],
    sex: "M",
    birthDate: "2014-03-07",
    birthPlace: "Маріуполь",
    separation: { category: "deported", date: "2022-04", place: "Маріуполь", lastKnownLocation: "Таганрог" },
    family: [
      { relation: "mother", given: "Олена", family: "Коваленко", legalGuardian: true, contact: { phone: PHONE, address: ADDRESS, email: EMAIL } },
      { relation: "grandparent", given: "Ганна", family: "Коваленко" },
    ],
    consent: { forTracing: true, forSharing: true, givenBy: "guardian", guardianName: "Олена Коваленко" },
    childViews: "Wants to go home to his mother",
    notes: NOTE,
    health: HEALTH,
    ...overrides,
  };
}

let worldCounter = 0;

export function registerStoreContract(label: string, open: (options: ContractOptions) => Promise<Store>): void {
  describe(`store contract on ${label}`, () => {
    let store: Store;
    let clock: Date | null = null;
    const now = () => clock ?? new Date();

    beforeAll(async () => {
      store = await open({ now });
    });
    afterAll(async () => {
      await store?.close();
    });

    async function world() {
      const tag = `w${++worldCounter}-${Math.random().toString(36).slice(2, 8)}`;
      const ids = {} as Record<PartyName, string>;
      for (const p of Object.keys(PARTY_KINDS) as PartyName[]) {
        ids[p] = `${tag}-${p}`;
        await store.parties.ensure({ id: ids[p], name: `${p} ${tag}`, kind: PARTY_KINDS[p] });
      }
      const ctx = (party: PartyName, role: Role): RequestContext => ({ partyId: ids[party], userId: `${ids[party]}-${role}`, role, purpose: "test" });
      return { ids, ctx };
    }
    type World = Awaited<ReturnType<typeof world>>;

    const cid = () => crypto.randomUUID();

    async function newCase(w: World, input: CaseInput = childInput(), share = true): Promise<string> {
      const tcw = w.ctx("tracing", "caseworker");
      const { id } = await store.cases.create(tcw, input, { clientId: cid() });
      if (share) {
        await store.shares.grant(tcw, id, w.ids.holding, "participate");
        await store.shares.grant(tcw, id, w.ids.mediator, "participate");
      }
      return id;
    }

    // The main path, each step taken by one actor the policy allows.
    const PATH: { type: ActionType; by: [PartyName, Role]; to: CaseStatus }[] = [
      { type: "register", by: ["tracing", "caseworker"], to: "registered" },
      { type: "locate", by: ["holding", "caseworker"], to: "located" },
      { type: "verify-identity", by: ["tracing", "verifier"], to: "identity-verified" },
      { type: "confirm-by-mediator", by: ["mediator", "mediator"], to: "confirmed-by-mediator" },
      { type: "schedule", by: ["mediator", "mediator"], to: "scheduled" },
      { type: "reunite", by: ["tracing", "caseworker"], to: "reunited" },
      { type: "verify-post-return", by: ["tracing", "verifier"], to: "post-return-verified" },
      { type: "close", by: ["tracing", "caseworker"], to: "closed" },
    ];

    async function driveTo(w: World, id: string, status: CaseStatus): Promise<void> {
      if (status === "reported") return;
      for (const step of PATH) {
        const r = await store.cases.appendAction(w.ctx(...step.by), id, { type: step.type } as never, { clientId: cid() });
        expect(r.case.status).toBe(step.to);
        if (step.to === status) return;
      }
      throw new Error(`status ${status} is not on the main path`);
    }

    async function expectRejects(p: Promise<unknown>, cls: new (...args: never[]) => Error): Promise<void> {
      await expect(p).rejects.toBeInstanceOf(cls);
    }

    async function countCasesOf(partyId: string): Promise<number> {
      const r = await testDoor(store).db.selectFrom("cases").select((eb) => eb.fn.countAll<string | number>().as("n")).where("party_id", "=", partyId).executeTakeFirstOrThrow();
      return Number(r.n);
    }

    const ACTORS: [PartyName, Role][] = [
      ["tracing", "caseworker"],
      ["tracing", "verifier"],
      ["tracing", "auditor"],
      ["tracing", "admin"],
      ["holding", "caseworker"],
      ["holding", "verifier"],
      ["holding", "auditor"],
      ["mediator", "mediator"],
      ["ngo", "caseworker"],
    ];
    // Who cannot see a tracing case shared with holding and mediator: they get "not found".
    const BLIND = new Set(["tracing/admin", "ngo/caseworker"]);

    // Written out by hand (not derived from the policy) so that a policy change must be
    // deliberate: the test below also checks the policy table says the same.
    const MAY_TAKE: Record<string, { from: CaseStatus; allowed: string[] }> = {
      register: { from: "reported", allowed: ["tracing/caseworker", "tracing/verifier"] },
      locate: { from: "registered", allowed: ["tracing/caseworker", "tracing/verifier", "holding/caseworker", "holding/verifier"] },
      "verify-identity": { from: "located", allowed: ["tracing/verifier"] },
      "confirm-by-mediator": { from: "identity-verified", allowed: ["mediator/mediator"] },
      schedule: { from: "confirmed-by-mediator", allowed: ["mediator/mediator"] },
      reunite: { from: "scheduled", allowed: ["tracing/caseworker", "tracing/verifier", "mediator/mediator"] },
      "verify-post-return": { from: "reunited", allowed: ["tracing/verifier", "mediator/mediator"] },
      close: { from: "post-return-verified", allowed: ["tracing/caseworker", "tracing/verifier"] },
      decline: { from: "located", allowed: ["tracing/caseworker", "tracing/verifier", "mediator/mediator"] },
      "record-death": { from: "registered", allowed: ["tracing/verifier"] },
      "mark-duplicate": { from: "registered", allowed: ["tracing/caseworker", "tracing/verifier"] },
      withdraw: { from: "registered", allowed: ["tracing/caseworker", "tracing/verifier"] },
      hold: { from: "located", allowed: ["tracing/caseworker", "tracing/verifier", "mediator/mediator"] },
      "update-details": { from: "registered", allowed: ["tracing/caseworker", "tracing/verifier"] },
      "record-consent": { from: "registered", allowed: ["tracing/caseworker", "tracing/verifier"] },
      "add-note": { from: "registered", allowed: ["tracing/caseworker", "tracing/verifier"] },
    };
    const EXIT_TO: Partial<Record<string, CaseStatus>> = {
      decline: "declined-by-guardian",
      "record-death": "deceased",
      "mark-duplicate": "duplicate",
      withdraw: "withdrawn",
      hold: "on-hold",
    };

    /** `original` is a case the tracing side can see, which a duplicate must name. */
    function actionBody(type: string, original?: string): never {
      switch (type) {
        case "decline":
          return { type, by: "guardian" } as never;
        case "mark-duplicate":
          return { type, duplicateOf: original ?? "00000000-0000-4000-8000-000000000000" } as never;
        case "update-details":
          return { type, patch: { birthPlace: "Маріуполь, Донецька обл." } } as never;
        case "record-consent":
          return { type, consent: { forTracing: true, forSharing: false, givenBy: "guardian" } } as never;
        case "add-note":
          return { type, text: "Called the school" } as never;
        default:
          return { type } as never;
      }
    }

    describe("lifecycle: who may take each step", () => {
      it("the hand-written table agrees with the access policy", () => {
        const kinds: Record<PartyName, PartyKind> = PARTY_KINDS;
        for (const [type, row] of Object.entries(MAY_TAKE)) {
          for (const [party, role] of ACTORS) {
            const key = `${party}/${role}`;
            if (BLIND.has(key)) continue;
            const relation = party === "tracing" ? "owner" : "shared-participate";
            expect(mayTake(type as ActionType, relation, role, kinds[party]), `${type} by ${key}`).toBe(row.allowed.includes(key));
          }
        }
      });

      for (const [type, row] of Object.entries(MAY_TAKE)) {
        it(`${type} (from ${row.from}): only ${row.allowed.join(", ")}`, async () => {
          const w = await world();
          const original = await newCase(w);
          const denied = await newCase(w);
          await driveTo(w, denied, row.from);
          for (const [party, role] of ACTORS) {
            const key = `${party}/${role}`;
            if (row.allowed.includes(key)) {
              const id = await newCase(w);
              await driveTo(w, id, row.from);
              const r = await store.cases.appendAction(w.ctx(party, role), id, actionBody(type, original), { clientId: cid() });
              const expected = EXIT_TO[type] ?? PATH.find((p) => p.type === type)?.to ?? row.from;
              expect(r.case.status, key).toBe(expected);
            } else {
              const attempt = store.cases.appendAction(w.ctx(party, role), denied, actionBody(type, original), { clientId: cid() });
              await expectRejects(attempt, BLIND.has(key) ? NotFoundError : ForbiddenError);
            }
          }
          const after = await store.cases.get(w.ctx("tracing", "caseworker"), denied);
          expect(after?.status).toBe(row.from);
        });
      }

      it("a holding caseworker cannot register the tracing side's case, shared or not", async () => {
        const w = await world();
        const unshared = await newCase(w, childInput(), false);
        await expectRejects(store.cases.appendAction(w.ctx("holding", "caseworker"), unshared, { type: "register" }, { clientId: cid() }), NotFoundError);
        const shared = await newCase(w);
        await expectRejects(store.cases.appendAction(w.ctx("holding", "caseworker"), shared, { type: "register" }, { clientId: cid() }), ForbiddenError);
      });

      it("a share for viewing only does not let the holding side take steps", async () => {
        const w = await world();
        const id = await newCase(w, childInput(), false);
        await store.shares.grant(w.ctx("tracing", "caseworker"), id, w.ids.holding, "view");
        await driveTo(w, id, "registered").catch(() => undefined);
        await expectRejects(store.cases.appendAction(w.ctx("holding", "caseworker"), id, { type: "locate" }, { clientId: cid() }), ForbiddenError);
      });

      it("steps out of order are conflicts and change nothing", async () => {
        const w = await world();
        const id = await newCase(w);
        await expectRejects(store.cases.appendAction(w.ctx("tracing", "verifier"), id, { type: "verify-identity" }, { clientId: cid() }), ConflictError);
        await driveTo(w, id, "closed");
        await expectRejects(store.cases.appendAction(w.ctx("tracing", "caseworker"), id, { type: "withdraw" }, { clientId: cid() }), ConflictError);
        const c = await store.cases.get(w.ctx("tracing", "caseworker"), id);
        expect(c?.status).toBe("closed");
        expect(c?.version).toBe(1 + 2 + PATH.length);
      });

      it("on-hold resumes to the status it was put on hold from", async () => {
        const w = await world();
        const id = await newCase(w);
        await driveTo(w, id, "identity-verified");
        const held = await store.cases.appendAction(w.ctx("mediator", "mediator"), id, { type: "hold", reason: "front line moved" }, { clientId: cid() });
        expect(held.case.status).toBe("on-hold");
        await expectRejects(store.cases.appendAction(w.ctx("mediator", "mediator"), id, { type: "confirm-by-mediator" }, { clientId: cid() }), ConflictError);
        await expectRejects(store.cases.appendAction(w.ctx("holding", "caseworker"), id, { type: "resume" }, { clientId: cid() }), ForbiddenError);
        const resumed = await store.cases.appendAction(w.ctx("tracing", "caseworker"), id, { type: "resume" }, { clientId: cid() });
        expect(resumed.case.status).toBe("identity-verified");
      });

      it("a registered precondition can hold back a verification step", async () => {
        const w = await world();
        const id = await newCase(w);
        await driveTo(w, id, "located");
        testDoor(store).registerPrecondition("joint-verification-report", async (_tx, { caseId }) => (caseId === id ? "no signed report yet" : null));
        try {
          await expectRejects(store.cases.appendAction(w.ctx("tracing", "verifier"), id, { type: "verify-identity" }, { clientId: cid() }), ConflictError);
        } finally {
          testDoor(store).registerPrecondition("joint-verification-report", async () => null);
        }
        const r = await store.cases.appendAction(w.ctx("tracing", "verifier"), id, { type: "verify-identity" }, { clientId: cid() });
        expect(r.case.status).toBe("identity-verified");
      });
    });

    describe("isolation between parties", () => {
      it("the holding party cannot list, read, search, count or infer the tracing party's cases", async () => {
        const w = await world();
        const ids = [await newCase(w, childInput(), false), await newCase(w, childInput(), false)];
        const h = w.ctx("holding", "caseworker");
        const own = await store.cases.list(w.ctx("tracing", "caseworker"), { q: "Kovalenko" });
        expect(own.total).toBe(2);
        for (const q of [undefined, "Kovalenko", "Олександр Коваленко"]) {
          const r = await store.cases.list(h, { q, limit: 500 });
          expect(r.items.filter((i) => ids.includes(i.id))).toEqual([]);
          expect(r.total).toBe(0);
        }
        expect((await store.cases.list(h, { status: "reported" })).total).toBe(0);
        const missing = crypto.randomUUID();
        for (const id of ids) {
          expect(await store.cases.get(h, id)).toBeNull();
          // The same answer as for a case that does not exist at all.
          const real = await store.cases.history(h, id).catch((e: Error) => [e.constructor.name, e.message]);
          const none = await store.cases.history(h, missing).catch((e: Error) => [e.constructor.name, e.message]);
          expect(real).toEqual(none);
          const a1 = await store.cases.appendAction(h, id, { type: "add-note", text: "x" }, { clientId: cid() }).catch((e: Error) => [e.constructor.name, e.message]);
          const a2 = await store.cases.appendAction(h, missing, { type: "add-note", text: "x" }, { clientId: cid() }).catch((e: Error) => [e.constructor.name, e.message]);
          expect(a1).toEqual(a2);
          await expectRejects(store.shares.list(h, id), NotFoundError);
          await expectRejects(store.shares.grant(h, id, w.ids.holding, "participate"), NotFoundError);
        }
        // A share opens exactly the shared case.
        await store.shares.grant(w.ctx("tracing", "caseworker"), ids[0]!, w.ids.holding, "view");
        const after = await store.cases.list(h, { q: "Александр Коваленко" });
        expect(after.items.map((i) => i.id)).toEqual([ids[0]]);
        expect(after.total).toBe(1);
        expect(await store.cases.get(h, ids[1]!)).toBeNull();
        // And closes again when revoked.
        await store.shares.revoke(w.ctx("tracing", "caseworker"), ids[0]!, w.ids.holding);
        expect(await store.cases.get(h, ids[0]!)).toBeNull();
        expect((await store.cases.list(h, {})).total).toBe(0);
      });

      it("contact details, notes and health never leave the owning party", async () => {
        const w = await world();
        const id = await newCase(w);
        await store.shares.grant(w.ctx("tracing", "caseworker"), id, w.ids.ngo, "view");
        await store.cases.appendAction(w.ctx("tracing", "caseworker"), id, { type: "add-note", text: `Second note ${PHONE}` }, { clientId: cid() });
        const owner = await store.cases.get(w.ctx("tracing", "caseworker"), id);
        expect(JSON.stringify(owner)).toContain(PHONE);
        expect(owner?.health).toBe(HEALTH);
        const secrets = [PHONE, ADDRESS, EMAIL, NOTE, HEALTH];
        const readers: [PartyName, Role][] = [
          ["holding", "caseworker"],
          ["holding", "verifier"],
          ["holding", "auditor"],
          ["mediator", "mediator"],
          ["ngo", "caseworker"],
          ["tracing", "auditor"],
        ];
        for (const [party, role] of readers) {
          const ctx = w.ctx(party, role);
          const seen = JSON.stringify([
            await store.cases.get(ctx, id),
            await store.cases.list(ctx, { q: "Kovalenko" }),
            await store.cases.history(ctx, id),
            await store.shares.list(ctx, id),
          ]);
          expect(seen, `${party}/${role}`).toContain("Kovalenko");
          for (const secret of secrets) expect(seen, `${party}/${role} sees ${secret}`).not.toContain(secret);
        }
        const mediatorView = await store.cases.get(w.ctx("mediator", "mediator"), id);
        expect(mediatorView?.view).toBe("mediator");
        expect(mediatorView?.family).toBeUndefined();
        expect(mediatorView?.consent?.forTracing).toBe(true);
        expect(mediatorView?.childViews).toBe("Wants to go home to his mother");
        const holdingView = await store.cases.get(w.ctx("holding", "caseworker"), id);
        expect(holdingView?.family?.map((m) => m.relation)).toEqual(["mother", "grandparent"]);
        const auditorHistory = await store.cases.history(w.ctx("tracing", "auditor"), id);
        expect(auditorHistory.map((h) => h.type)).toEqual(["report", "share", "share", "share", "add-note"]);
        expect(auditorHistory[0]?.actor.userId).toBe(w.ctx("tracing", "caseworker").userId);
      });

      it("sensitive fields are not stored in plaintext", async () => {
        const w = await world();
        const id = await newCase(w);
        await store.cases.appendAction(w.ctx("tracing", "caseworker"), id, { type: "add-note", text: `Neighbour: ${EMAIL}` }, { clientId: cid() });
        // Every table, so that tables added later (the signed log, matching) are covered too.
        const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(testDoor(store).db);
        expect(tables.rows.map((t) => t.name)).toContain("case_actions");
        let raw = "";
        for (const { name } of tables.rows) {
          const r = await sql<{ t: string | null }>`select string_agg(t::text, '|') as t from ${sql.table(name)} t`.execute(testDoor(store).db);
          raw += r.rows[0]?.t ?? "";
        }
        expect(raw).toContain(id);
        const hexOf = (s: string) => Buffer.from(s, "utf8").toString("hex");
        for (const secret of [PHONE, ADDRESS, EMAIL, NOTE, HEALTH]) {
          expect(raw).not.toContain(secret);
          expect(raw).not.toContain(hexOf(secret));
        }
      });
    });

    describe("idempotency and concurrency", () => {
      it("a repeated action client id is a no-op returning the original result", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w);
        const first = await store.cases.appendAction(c, id, { type: "register" }, { clientId: "register-1" });
        const again = await store.cases.appendAction(c, id, { type: "register" }, { clientId: "register-1" });
        expect(first.replayed).toBe(false);
        expect(again.replayed).toBe(true);
        expect(again.sequence).toBe(first.sequence);
        expect(again.case.version).toBe(first.case.version);
        expect((await store.cases.history(c, id)).length).toBe(first.sequence);
        await expectRejects(store.cases.appendAction(c, id, { type: "add-note", text: "other" }, { clientId: "register-1" }), ClientIdReusedError);
      });

      it("concurrent repeats of one action, even with expectedVersion, apply it once", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput(), false);
        const results = await Promise.all(
          [0, 1, 2].map(() => store.cases.appendAction(c, id, { type: "register" }, { clientId: "register-race", expectedVersion: 1 })),
        );
        expect(results.map((r) => r.sequence)).toEqual([2, 2, 2]);
        expect(results.filter((r) => !r.replayed).length).toBe(1);
        expect((await store.cases.history(c, id)).length).toBe(2);
      });

      it("concurrent repeats of one create make one case", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const results = await Promise.all([0, 1, 2, 3].map(() => store.cases.create(c, childInput(), { clientId: "create-1" })));
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect(results.filter((r) => !r.replayed).length).toBe(1);
        expect(await countCasesOf(w.ids.tracing)).toBe(1);
      });

      it("the second of two concurrent edits at one version gets a conflict", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput(), false);
        const edits = await Promise.allSettled([
          store.cases.appendAction(c, id, { type: "update-details", patch: { birthPlace: "Бердянськ" } }, { clientId: cid(), expectedVersion: 1 }),
          store.cases.appendAction(w.ctx("tracing", "verifier"), id, { type: "update-details", patch: { birthPlace: "Мелітополь" } }, { clientId: cid(), expectedVersion: 1 }),
        ]);
        expect(edits.filter((e) => e.status === "fulfilled").length).toBe(1);
        const failed = edits.find((e) => e.status === "rejected");
        expect(failed?.status === "rejected" && failed.reason).toBeInstanceOf(ConflictError);
        expect(failed?.status === "rejected" && (failed.reason as ConflictError).currentVersion).toBe(2);
        const now = await store.cases.get(c, id);
        expect(now?.version).toBe(2);
        const winner = edits.find((e) => e.status === "fulfilled");
        expect(winner?.status === "fulfilled" && winner.value.case.birthPlace).toBe(now?.birthPlace);
      });
    });

    describe("access log", () => {
      it("every read is logged and only admins list the log", async () => {
        const w = await world();
        const id = await newCase(w);
        const admin = w.ctx("tracing", "admin");
        const before = (await store.accessLog.list(admin, { caseId: id })).total;
        await store.cases.get(w.ctx("tracing", "caseworker"), id);
        await store.cases.list(w.ctx("holding", "caseworker"), { q: "Kovalenko" });
        await store.cases.history(w.ctx("tracing", "auditor"), id);
        await store.cases.get(w.ctx("mediator", "mediator"), id);
        const log = await store.accessLog.list(admin, { caseId: id, limit: 4 });
        expect(log.total).toBe(before + 4);
        expect(log.items.map((e) => [e.kind, e.partyId, e.role])).toEqual([
          ["read", w.ids.mediator, "mediator"],
          ["history", w.ids.tracing, "auditor"],
          ["list", w.ids.holding, "caseworker"],
          ["read", w.ids.tracing, "caseworker"],
        ]);
        expect(log.items[3]?.purpose).toBe("test");
        await expectRejects(store.accessLog.list(w.ctx("tracing", "caseworker")), ForbiddenError);
        // Auditors read it as admins do.
        expect((await store.accessLog.list(w.ctx("tracing", "auditor"), { caseId: id })).total).toBe(before + 4);
        // Another party's admin sees only reads its own users made.
        const holdingAdmin = await store.accessLog.list(w.ctx("holding", "admin"), { caseId: id });
        expect(holdingAdmin.items.map((e) => e.partyId)).toEqual([w.ids.holding]);
        // A read that finds nothing visible is not a read of the case.
        expect(await store.cases.get(w.ctx("ngo", "caseworker"), id)).toBeNull();
        expect((await store.accessLog.list(admin, { caseId: id })).total).toBe(before + 4);
      });
    });

    describe("access log: filters, export and digests", () => {
      it("auditors filter it by case, party, user and time and export the same rows as CSV; a malformed filter is refused", async () => {
        const w = await world();
        const id = await newCase(w);
        const t0 = new Date(Date.now() + 60_000);
        clock = t0;
        await store.cases.get(w.ctx("tracing", "caseworker"), id);
        clock = new Date(t0.getTime() + 60_000);
        await store.cases.get(w.ctx("mediator", "mediator"), id);
        clock = null;
        const auditor = w.ctx("tracing", "auditor");
        const all = await store.accessLog.list(auditor, { caseId: id });
        const mediatorReads = await store.accessLog.list(auditor, { caseId: id, partyId: w.ids.mediator });
        expect(mediatorReads.items.map((e) => [e.kind, e.userId])).toEqual([["read", `${w.ids.mediator}-mediator`]]);
        const byUser = await store.accessLog.list(auditor, { caseId: id, userId: `${w.ids.tracing}-caseworker` });
        expect(byUser.items.every((e) => e.userId === `${w.ids.tracing}-caseworker`)).toBe(true);
        expect(byUser.items.map((e) => e.kind)).toContain("read");
        const late = await store.accessLog.list(auditor, { caseId: id, from: new Date(t0.getTime() + 30_000).toISOString() });
        expect(late.items.map((e) => e.partyId)).toEqual([w.ids.mediator]);
        const early = await store.accessLog.list(auditor, { caseId: id, from: t0.toISOString(), to: new Date(t0.getTime() + 30_000).toISOString() });
        expect(early.items.map((e) => e.partyId)).toEqual([w.ids.tracing]);
        await expectRejects(store.accessLog.list(auditor, { caseId: "not-a-case-id" }), ValidationError);
        await expectRejects(store.accessLog.list(auditor, { from: "yesterday" }), ValidationError);

        let csv = "";
        for await (const chunk of store.accessLog.exportCsv(auditor, { caseId: id })) csv += chunk;
        const lines = csv.trim().split("\n");
        expect(lines[0]).toBe("id,at,user_id,party_id,role,case_id,case_party_id,kind,purpose");
        expect(lines.length - 1).toBe(all.total);
        // Oldest first.
        expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(all.items.map((e) => e.id).reverse());
        await expectRejects((async () => {
          for await (const _ of store.accessLog.exportCsv(w.ctx("tracing", "caseworker"))) break;
        })(), ForbiddenError);
      });

      it("commits settled rows into the signed log as digests per case-owning party, which an altered row no longer matches", async () => {
        const w = await world();
        const id = await newCase(w);
        await store.cases.get(w.ctx("holding", "caseworker"), id);
        clock = new Date(Date.now() + 20_000);
        try {
          expect(await store.accessLog.seal()).toBeGreaterThan(0);
          expect(await store.accessLog.seal()).toBe(0);
        } finally {
          clock = null;
        }
        const digests = (await testDoor(store).db.selectFrom("access_log_digests").selectAll().where("party_id", "=", w.ids.tracing).execute())
          .map((d) => ({
            entryIndex: Number(d.entry_index),
            payload: { party: d.party_id, from: String(d.first_id), to: String(d.last_id), count: d.row_count, digest: d.digest },
          }));
        expect(digests.length).toBeGreaterThan(0);
        const rows = async (): Promise<AccessLogRow[]> => {
          let csv = "";
          for await (const chunk of store.accessLog.exportCsv(w.ctx("tracing", "auditor"))) csv += chunk;
          return csv.trim().split("\n").slice(1).map((l) => {
            const [rid, at, userId, partyId, role, caseId, caseParty, kind, purpose] = l.split(",") as string[];
            return { id: rid!, at: at!, userId: userId!, partyId: partyId!, role: role!, caseId: caseId!, caseParty: caseParty!, kind: kind!, purpose: purpose || null };
          });
        };
        const clean = checkAccessLog(digests, await rows(), w.ids.tracing);
        expect(clean.mismatches).toEqual([]);
        expect(clean.checked).toBe(digests.length);
        // An operator edits a read in the table: the digest of its run no longer matches.
        const victim = await testDoor(store).db.selectFrom("access_log").select("id").where("case_id", "=", id).where("kind", "=", "read").executeTakeFirstOrThrow();
        await testDoor(store).db.updateTable("access_log").set({ role: "caseworker-x" }).where("id", "=", victim.id).execute();
        const tampered = checkAccessLog(digests, await rows(), w.ids.tracing);
        expect(tampered.mismatches).toHaveLength(1);
        expect(BigInt(tampered.mismatches[0]!.digest.from) <= BigInt(victim.id) && BigInt(victim.id) <= BigInt(tampered.mismatches[0]!.digest.to)).toBe(true);
      });
    });

    describe("adults and consent", () => {
      it("turning 18 flags the case as adult and refuses guardian consent from then on", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        clock = new Date("2026-06-14T12:00:00Z");
        try {
          const input = childInput({ birthDate: "2008-06-15" });
          const { id, case: minor } = await store.cases.create(c, input, { clientId: cid() });
          expect(minor.adult).toBe(false);
          expect(minor.age).toEqual({ min: 17, max: 17 });
          await store.cases.appendAction(c, id, { type: "record-consent", consent: { forTracing: true, forSharing: true, givenBy: "guardian" } }, { clientId: cid() });
          await expectRejects(store.cases.appendAction(c, id, { type: "record-consent", consent: { forTracing: true, forSharing: true, givenBy: "person" } }, { clientId: cid() }), ValidationError);
          clock = new Date("2026-06-15T00:00:00Z");
          const adult = await store.cases.get(c, id);
          expect(adult?.adult).toBe(true);
          expect(adult?.consentNeedsRenewal).toBe(true);
          const refused = store.cases.appendAction(c, id, { type: "record-consent", consent: { forTracing: true, forSharing: false, givenBy: "guardian" } }, { clientId: cid() });
          await expect(refused).rejects.toMatchObject({ path: "consent.givenBy" });
          await expectRejects(store.cases.appendAction(c, id, { type: "decline", by: "guardian" }, { clientId: cid() }), ValidationError);
          const own = await store.cases.appendAction(c, id, { type: "record-consent", consent: { forTracing: true, forSharing: false, givenBy: "person" } }, { clientId: cid() });
          expect(own.case.consent?.givenBy).toBe("person");
          expect(own.case.consentNeedsRenewal).toBe(false);
          const declined = await store.cases.appendAction(c, id, { type: "decline", by: "adult" }, { clientId: cid() });
          expect(declined.case.status).toBe("declined-by-adult");
        } finally {
          clock = null;
        }
      });

      it("a year-only birth date counts as adult only once 18 is certain", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        clock = new Date("2026-12-30T12:00:00Z");
        try {
          const { id, case: v } = await store.cases.create(c, childInput({ birthDate: "2008", consent: undefined }), { clientId: cid() });
          expect(v.adult).toBe(false);
          expect(v.possiblyAdult).toBe(true);
          // Even one born on the last day of 2008 is 18 on 2026-12-31.
          clock = new Date("2026-12-31T00:00:00Z");
          expect((await store.cases.get(c, id))?.adult).toBe(true);
        } finally {
          clock = null;
        }
      });

      it("a new case of an adult cannot carry a guardian's consent", async () => {
        const w = await world();
        const thirtyAgo = String(new Date().getUTCFullYear() - 30);
        const attempt = store.cases.create(w.ctx("tracing", "caseworker"), childInput({ birthDate: thirtyAgo }), { clientId: cid() });
        await expect(attempt).rejects.toMatchObject({ path: "consent.givenBy" });
        expect(await countCasesOf(w.ids.tracing)).toBe(0);
      });
    });

    describe("search", () => {
      it("finds a child by any name in any script", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput({ names: [{ given: "Олександр", family: "Коваленко" }] }), false);
        await newCase(w, childInput({ names: [{ given: "Оксана", family: "Коваленко" }], sex: "F" }), false);
        for (const q of ["Oleksandr Kovalenko", "Олександр Коваленко", "Александр Коваленко", "aleksandr kovalenko"]) {
          const r = await store.cases.list(c, { q });
          expect(r.items.map((i) => i.id), q).toEqual([id]);
          expect(r.total).toBe(1);
        }
        expect((await store.cases.list(c, { q: "Kovalenko" })).total).toBe(2);
        expect((await store.cases.list(c, { q: "Petrenko" })).total).toBe(0);
        expect((await store.cases.list(c, { q: "Kovalenko", status: "registered" })).total).toBe(0);
        const page = await store.cases.list(c, { q: "Kovalenko", limit: 1, offset: 1 });
        expect(page.items.length).toBe(1);
        expect(page.total).toBe(2);
      });

      it("finds a child by a name added later", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput({ names: [{ given: "Олександр", family: "Коваленко" }] }), false);
        await store.cases.appendAction(c, id, { type: "update-details", patch: { names: [{ given: "Олександр", family: "Коваленко" }, { given: "Александр", family: "Иванов", kind: "new-after-deportation" }] } }, { clientId: cid() });
        expect((await store.cases.list(c, { q: "Aleksandr Ivanov" })).items.map((i) => i.id)).toEqual([id]);
      });

      it("finds a child as the name is typed, in any script, by the start of any word", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput({ names: [{ given: "Анастасія", family: "Воронцова" }], sex: "F" }), false);
        const kov = await newCase(w, childInput({ names: [{ given: "Олександр", family: "Коваленко" }] }), false);
        const found = async (q: string) => (await store.cases.list(c, { q })).items.map((i) => i.id);
        for (const q of ["Воронцо", "Ворон", "Vorontso", "Воронцова", "Анастасія Ворон", "Anastasiia Voron", "Настя Воронц"]) expect(await found(q), q).toEqual([id]);
        for (const q of ["Kovalenk", "Коваленк", "Ковал", "Oleksandr Koval", "Александр Ковален"]) expect(await found(q), q).toEqual([kov]);
        // A first word must be whole; a last word shorter than three letters is whole too.
        for (const q of ["Воронц Анастасія", "Во", "Kovalenkx", "Петр"]) expect(await found(q), q).toEqual([]);
      });

      it("keeps names, birth dates and places out of the rows: sealed, and only keyed hashes to search by", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput({ names: [{ given: "Мирослава", family: "Ткаченко", patronymic: "Богданівна" }], sex: "F", birthDate: "2013-11-23", birthPlace: "Бахмут" }), false);
        const row = await testDoor(store).db.selectFrom("cases").select(["summary", "name_keys"]).where("id", "=", id).executeTakeFirstOrThrow();
        const stored = JSON.stringify(row);
        for (const t of ["Мирослава", "Ткаченко", "Богданівна", "2013-11-23", "Бахмут", "tkachenk", "ткаченк"]) expect(stored.toLowerCase(), t).not.toContain(t.toLowerCase());
        expect(row.name_keys.every((k) => /^[A-Za-z0-9_-]{22}$/.test(k))).toBe(true);
        expect((row.summary as { birthYear?: string }).birthYear).toBe("2013");
        const seen = await store.cases.get(c, id);
        expect(seen).toMatchObject({ names: [{ given: "Мирослава", family: "Ткаченко" }], birthDate: "2013-11-23", birthPlace: "Бахмут" });
      });

      it("rejects unknown statuses and bad paging with the field named", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        await expect(store.cases.list(c, { status: "lost" as CaseStatus })).rejects.toMatchObject({ path: "status" });
        await expect(store.cases.list(c, { limit: -1 })).rejects.toMatchObject({ path: "limit" });
      });
    });

    describe("validation", () => {
      it("the smallest valid case is accepted and invalid input names the field", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const r = await store.cases.create(c, { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M", birthDate: "2014-03-07" }, { clientId: cid() });
        expect(r.case.names[0]).toMatchObject({ script: "Cyrl", kind: "birth" });
        await expect(store.cases.create(c, { names: [{ given: "A" }], sex: "M", birthDate: "2014-02-30" }, { clientId: cid() })).rejects.toMatchObject({ path: "birthDate" });
        await expect(store.cases.create(c, { names: [], sex: "M" }, { clientId: cid() })).rejects.toMatchObject({ path: "names" });
        await expect(store.cases.create(c, { names: [{ given: "A" }], sex: "M" }, { clientId: "" })).rejects.toMatchObject({ path: "clientId" });
        await expectRejects(store.cases.create(w.ctx("mediator", "mediator"), childInput(), { clientId: cid() }), ForbiddenError);
      });
    });

    describe("import", () => {
      it("importBatch writes all rows or none, and re-importing adds nothing", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const rows = [0, 1, 2, 3, 4].map((i) => ({ clientId: `import:file.csv:${i}`, input: childInput({ names: [{ given: `Дитина${i}`, family: "Коваленко" }] }) }));
        let seen = 0;
        const off = testDoor(store).onAction(async (_tx, e) => {
          if (e.actor.partyId === w.ids.tracing && e.action.type === "report" && ++seen === 3) throw new Error("killed mid-batch");
        });
        await expect(store.cases.importBatch(c, rows)).rejects.toThrow("killed mid-batch");
        off();
        expect(await countCasesOf(w.ids.tracing)).toBe(0);
        const bad = [...rows.slice(0, 2), { clientId: "x", input: { names: [], sex: "M" } as CaseInput }];
        await expect(store.cases.importBatch(c, bad)).rejects.toMatchObject({ path: "rows.2.names" });
        expect(await countCasesOf(w.ids.tracing)).toBe(0);
        const first = await store.cases.importBatch(c, rows);
        expect([first.created, first.existing]).toEqual([5, 0]);
        const again = await store.cases.importBatch(c, rows);
        expect([again.created, again.existing]).toEqual([0, 5]);
        expect(again.ids).toEqual(first.ids);
        expect(await countCasesOf(w.ids.tracing)).toBe(5);
      });
    });

    describe("action sinks", () => {
      it("sinks see each action in its transaction, and a failing sink undoes the action", async () => {
        const w = await world();
        const c = w.ctx("tracing", "caseworker");
        const id = await newCase(w, childInput(), false);
        const events: { sequence: number; type: string; status: string }[] = [];
        const off = testDoor(store).onAction(async (tx, e) => {
          if (e.caseId !== id) return;
          const row = await tx.selectFrom("cases").select("version").where("id", "=", id).executeTakeFirstOrThrow();
          expect(row.version).toBe(e.sequence);
          events.push({ sequence: e.sequence, type: e.action.type, status: e.after.status });
          if (e.action.type === "withdraw") throw new Error("ledger unavailable");
        });
        try {
          await store.cases.appendAction(c, id, { type: "register" }, { clientId: cid() });
          await expect(store.cases.appendAction(c, id, { type: "withdraw" }, { clientId: cid() })).rejects.toThrow("ledger unavailable");
        } finally {
          off();
        }
        expect(events).toEqual([
          { sequence: 2, type: "register", status: "registered" },
          { sequence: 3, type: "withdraw", status: "withdrawn" },
        ]);
        const now = await store.cases.get(c, id);
        expect([now?.status, now?.version]).toEqual(["registered", 2]);
      });
    });

    describe("accounts", () => {
      it("users, sessions and rate limits live in the database", async () => {
        const w = await world();
        const username = `u-${w.ids.tracing}`;
        const user = await store.users.create({ username, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$fake", partyId: w.ids.tracing, role: "verifier" });
        await expectRejects(store.users.create({ username, passwordHash: "$argon2id$v=19$again", partyId: w.ids.tracing, role: "verifier" }), ConflictError);
        expect((await store.users.findByUsername(username))?.passwordHash).toContain("argon2id");
        const { token } = await store.sessions.create(user.id, 60_000);
        expect((await store.sessions.get(token))?.user.role).toBe("verifier");
        const raw = await testDoor(store).db.selectFrom("sessions").select("token_hash").where("user_id", "=", user.id).execute();
        expect(raw.map((r) => r.token_hash)).not.toContain(token);
        await store.sessions.revoke(token);
        expect(await store.sessions.get(token)).toBeNull();
        const short = await store.sessions.create(user.id, 1000);
        clock = new Date(Date.now() + 2000);
        try {
          expect(await store.sessions.get(short.token)).toBeNull();
        } finally {
          clock = null;
        }
        const key = `login:${username}`;
        const hits = [];
        for (let i = 0; i < 4; i++) hits.push((await store.rateLimit.hit(key, 1e13, 3)).allowed);
        expect(hits).toEqual([true, true, true, false]);
        const since = new Date(Date.now() - 1000);
        await store.rateLimit.recordFailedLogin(key);
        await store.rateLimit.recordFailedLogin(key);
        expect(await store.rateLimit.failedLoginsSince(key, since)).toBe(2);
        const stats = await store.rateLimit.failedLoginStats(key, since);
        expect(stats.count).toBe(2);
        expect(stats.last!.getTime()).toBeGreaterThanOrEqual(since.getTime());
        await store.rateLimit.clearFailedLogins(key);
        expect(await store.rateLimit.failedLoginsSince(key, since)).toBe(0);
        expect(await store.rateLimit.failedLoginStats(key, since)).toEqual({ count: 0, last: null });
      });
    });

    describe("migrations", () => {
      it("are recorded once and re-running them, even concurrently, applies nothing", async () => {
        const again = await Promise.all([store.migrate(), store.migrate()]);
        expect(again).toEqual([[], []]);
        const rows = await testDoor(store).db.selectFrom("homeward_migrations").select("id").orderBy("id").execute();
        expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      });
    });
  });
}
