import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeTrainingRecords } from "../store/matching/test-support/match-training-records.ts";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

interface Candidate {
  id: string;
  status: string;
  probability: number;
  flag: string | null;
  yourSide: string | null;
  decisions: { tracing: { decision: string; reason?: string } | null; holding: { decision: string; reason?: string } | null };
  tracing: { caseId: string };
  holding: { caseId: string };
  explanation: { text: string; fields: { field: string; left: string; right: string }[] };
  group?: { flag: string; members: Candidate[] } | null;
}

const PHONE = "+380 50 765 43 21";
const ADDRESS = "вул. Шевченка 17, кв. 4, Запоріжжя";
const FOSTER_PHONE = "+7 900 123 45 67";
const NOTE = "The grandmother saw the bus leave the school shelter";
const HEALTH = "Asthma; needs an inhaler";
const LAST_KNOWN = "Таганрог, детский дом";

function tracingCase(family: string, birthDate: string, given: string | undefined = "Олександр") {
  return {
    names: [given === undefined ? { family } : { given, family, patronymic: "Петрович" }],
    sex: "M",
    birthDate,
    birthPlace: "Маріуполь",
    separation: { category: "deported", date: "2022-04", place: "Маріуполь", lastKnownLocation: LAST_KNOWN },
    family: [
      { relation: "mother", given: "Ірина", family, legalGuardian: true, contact: { phone: PHONE, address: ADDRESS } },
      { relation: "father", given: "Петро", family },
    ],
    consent: { forTracing: true, forSharing: true, givenBy: "guardian" },
    childViews: "Wants to go home",
    notes: NOTE,
    health: HEALTH,
  };
}

function holdingCase(family: string, birthDate: string, given = "Александр") {
  const [y, m, d] = birthDate.split("-");
  // The holding side writes the date day-first, in Russian, with a foster carer's contact.
  return {
    names: [{ given, family, patronymic: "Петрович" }],
    sex: "M",
    birthDate: `${y}-${d}-${m}`,
    birthPlace: "Мариуполь",
    family: [
      { relation: "mother", given: "Ирина", family },
      { relation: "foster-parent", given: "Мария", family: "Иванова", contact: { phone: FOSTER_PHONE } },
    ],
    notes: "Placed with a foster family in 2022",
    health: "Seen by a psychologist monthly",
    legalBasis: { basis: "channel-agreement", reference: "Synthetic test agreement" },
  };
}

describe("the match review queue over HTTP", () => {
  let f: ApiFixture;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    f = await apiFixture();
    for (const u of ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator", "auditor", "admin", "ngo"]) t[u] = await f.login(u);
  });
  afterAll(() => f.close());

  const create = async (user: string, body: unknown): Promise<string> => {
    const res = await f.call(t[user]!, "POST", "/api/cases", body);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const match = () => f.store.matching.runPending();
  const list = async (user: string, query = "") => {
    const res = await f.call(t[user]!, "GET", `/api/matches${query}`);
    return { status: res.status, body: (await res.json()) as { items: Candidate[]; total: number } };
  };
  const candidateFor = async (user: string, tracingId: string, holdingId: string) =>
    (await list(user, "?limit=500")).body.items.find((c) => c.tracing.caseId === tracingId && c.holding.caseId === holdingId);
  const decide = async (user: string, id: string, body: unknown) => {
    const res = await f.call(t[user]!, "POST", `/api/matches/${id}/decision`, body);
    return { status: res.status, body: (await res.json()) as { replayed: boolean; candidate: Candidate } & { detail?: string } };
  };

  // Birth days are distinct per pair so that pairs of different tests never block together.
  async function pair(surname: string, day: string) {
    const tracingId = await create("tracing", tracingCase(surname, `2014-03-${day}`));
    const holdingId = await create("holding", holdingCase(surname, `2014-03-${day}`));
    await match();
    const c = await candidateFor("tracing", tracingId, holdingId);
    expect(c, "the pair is proposed").toBeDefined();
    return { tracingId, holdingId, c: c! };
  }

  it("proposes the cross-script pair to both parties, with each field's contribution", async () => {
    const { c, tracingId, holdingId } = await pair("Коваленко", "07");
    expect(c.probability).toBeGreaterThan(0.9);
    expect(c.status).toBe("pending");
    expect(c.yourSide).toBe("tracing");
    expect(c.explanation.fields.find((x) => x.field === "birth_date")).toMatchObject({ left: "2014-03-07", right: "2014-07-03" });
    const held = await candidateFor("holding", tracingId, holdingId);
    expect(held?.id).toBe(c.id);
    expect(held?.yourSide).toBe("holding");
  });

  it("shows each side only the verification fields of the other's record, and logs the read", async () => {
    const { c, tracingId, holdingId } = await pair("Бондаренко", "11");
    const asHolding = JSON.stringify(await (await f.call(t["holding"]!, "GET", `/api/matches/${c.id}`)).json());
    for (const secret of [PHONE, ADDRESS, NOTE, HEALTH, LAST_KNOWN, "Wants to go home", "contact", "notes", "health", "consent"]) expect(asHolding).not.toContain(secret);
    expect(asHolding).toContain("Олександр");
    expect(asHolding).toContain("deported");
    const asTracing = JSON.stringify(await (await f.call(t["tracing"]!, "GET", `/api/matches/${c.id}`)).json());
    for (const secret of [FOSTER_PHONE, "Placed with a foster family", "psychologist", "Иванова"]) expect(asTracing).not.toContain(secret);
    const log = (await (await f.call(t["admin"]!, "GET", `/api/access-log?caseId=${holdingId}`)).json()) as { items: { purpose: string | null; partyId: string }[] };
    expect(log.items, JSON.stringify(log)).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: "match-review", partyId: "tracing-authority" })]));
    expect(tracingId).not.toBe(holdingId);
  });

  it("counts identity as agreed only when both parties accept, and records it on both cases", async () => {
    const { c, tracingId, holdingId } = await pair("Шевченко", "12");
    expect((await list("holding", "?status=awaiting-you&limit=500")).body.items.map((i) => i.id)).toContain(c.id);
    const first = await decide("holding-verifier", c.id, { decision: "accept" });
    expect((await list("holding", "?status=awaiting-you&limit=500")).body.items.map((i) => i.id)).not.toContain(c.id);
    expect((await list("tracing", "?status=awaiting-you&limit=500")).body.items.map((i) => i.id)).toContain(c.id);
    expect(first.status).toBe(200);
    expect(first.body.candidate.status).toBe("pending");
    expect(first.body.candidate.decisions).toMatchObject({ tracing: null, holding: { decision: "accept" } });
    // The holding party's acceptance is not the tracing party's.
    expect((await candidateFor("tracing", tracingId, holdingId))?.status).toBe("pending");
    const second = await decide("tracing", c.id, { decision: "accept" });
    expect(second.body.candidate.status).toBe("agreed");
    expect((await list("tracing", "?status=decided")).body.items.map((i) => i.id)).toContain(c.id);
    expect((await list("holding", "?status=agreed")).body.items.map((i) => i.id)).toContain(c.id);
    for (const [user, caseId] of [["tracing", tracingId], ["holding", holdingId]] as const) {
      const history = (await (await f.call(t[user]!, "GET", `/api/cases/${caseId}/history`)).json()) as { items: { type: string; action?: { text?: string } }[] };
      expect(history.items.map((h) => h.type)).toContain("add-note");
      expect(history.items.find((h) => h.type === "add-note")?.action?.text).toMatch(/Identity agreed by both parties/);
    }
    // Once agreed, a change of mind is a conflict: the decision is kept.
    expect((await decide("tracing", c.id, { decision: "reject", reason: "second thoughts" })).status).toBe(409);
    expect((await decide("tracing", c.id, { decision: "accept" })).body.replayed).toBe(true);
  });

  it("keeps a rejection: not agreed even if the other side accepts, and never proposed again", async () => {
    const { c, tracingId, holdingId } = await pair("Мельник", "08");
    expect((await decide("tracing", c.id, { decision: "reject" })).status).toBe(422);
    const rejected = await decide("tracing-verifier", c.id, { decision: "reject", reason: "The mother's birth certificate names another child" });
    expect(rejected.body.candidate.status).toBe("rejected");
    expect((await decide("holding", c.id, { decision: "accept" })).status).toBe(409);
    await f.store.matching.rematch([tracingId, holdingId]);
    await f.call(t["holding"]!, "POST", `/api/cases/${holdingId}/actions`, { clientId: "h-upd-1", action: { type: "update-details", patch: { birthPlace: "Маріуполь" } } });
    await match();
    const mine = (await list("tracing", "?limit=500")).body.items.filter((i) => i.tracing.caseId === tracingId);
    expect(mine.map((i) => [i.id, i.status])).toEqual([[c.id, "rejected"]]);
    expect((await list("tracing", "?status=pending&limit=500")).body.items.map((i) => i.id)).not.toContain(c.id);
    // The mediator does not see rejected pairs at all.
    expect((await f.call(t["mediator"]!, "GET", `/api/matches/${c.id}`)).status).toBe(404);
  });

  describe("permissions, action by action", () => {
    let c: Candidate;
    beforeAll(async () => {
      c = (await pair("Ткаченко", "09")).c;
    });

    it("list: the parties' caseworkers and verifiers and the mediator; not auditors or admins; a party sees only pairs with its own case", async () => {
      for (const user of ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator"]) {
        const { status, body } = await list(user, "?limit=500");
        expect(status, user).toBe(200);
        expect(body.items.map((i) => i.id), user).toContain(c.id);
      }
      expect((await list("ngo")).body.items.map((i) => i.id)).not.toContain(c.id);
      for (const user of ["auditor", "admin"]) expect((await list(user)).status, user).toBe(403);
    });

    it("view: 404 for a party with no case in the pair (existence is sensitive), 403 for roles that do not review", async () => {
      for (const user of ["tracing", "holding-verifier", "mediator"]) expect((await f.call(t[user]!, "GET", `/api/matches/${c.id}`)).status, user).toBe(200);
      expect((await f.call(t["ngo"]!, "GET", `/api/matches/${c.id}`)).status).toBe(404);
      for (const user of ["auditor", "admin"]) expect((await f.call(t[user]!, "GET", `/api/matches/${c.id}`)).status, user).toBe(403);
      expect((await f.call(t["tracing"]!, "GET", "/api/matches/not-a-candidate")).status).toBe(404);
    });

    it("decide: only the parties concerned, each for its own side; the mediator sees but does not decide", async () => {
      expect((await decide("ngo", c.id, { decision: "accept" })).status).toBe(404);
      expect((await decide("mediator", c.id, { decision: "accept" })).status).toBe(403);
      for (const user of ["auditor", "admin"]) expect((await decide(user, c.id, { decision: "accept" })).status, user).toBe(403);
      // The holding acceptance is the holding side's only: the tracing side's stays open.
      const h = await decide("holding", c.id, { decision: "accept" });
      expect(h.body.candidate.decisions.tracing).toBeNull();
      expect(h.body.candidate.status).toBe("pending");
      // A party's decision is kept, whoever of its users tries to change it.
      expect((await decide("holding-verifier", c.id, { decision: "reject", reason: "changed our mind" })).status).toBe(409);
      expect((await decide("holding-verifier", c.id, { decision: "accept" })).body.replayed).toBe(true);
    });
  });

  it("lets the mediator list pending and agreed pairs with verification fields only", async () => {
    const { c } = await pair("Кравченко", "10");
    const { status, body } = await list("mediator", "?limit=500");
    expect(status).toBe(200);
    const seen = body.items.find((i) => i.id === c.id);
    expect(seen?.yourSide).toBeNull();
    expect(body.items.every((i) => i.status !== "rejected")).toBe(true);
    const text = JSON.stringify(body);
    for (const secret of [PHONE, ADDRESS, FOSTER_PHONE, NOTE, HEALTH, LAST_KNOWN]) expect(text).not.toContain(secret);
  });

  it("shows twins competing for one record as a flagged set, decided by nobody", async () => {
    const surname = "Литвиненко";
    const tracingId = await create("tracing", tracingCase(surname, "2015-05-06", undefined));
    const twinA = await create("holding", holdingCase(surname, "2015-05-06", "Александр"));
    const twinB = await create("holding", holdingCase(surname, "2015-05-06", "Андрей"));
    await match();
    const mine = (await list("tracing", "?limit=500")).body.items.filter((i) => i.tracing.caseId === tracingId);
    expect(mine.map((i) => i.holding.caseId).sort()).toEqual([twinA, twinB].sort());
    for (const i of mine) {
      expect(i.flag).toBe("family_conflict");
      expect(i.status).toBe("pending");
    }
    const detail = (await (await f.call(t["holding"]!, "GET", `/api/matches/${mine[0]!.id}`)).json()) as Candidate;
    expect(detail.group?.flag).toBe("family_conflict");
    expect(detail.group?.members.map((m) => m.id)).toEqual([mine[1]!.id]);
  });

  it("publishes the queue's routes in the OpenAPI document", async () => {
    const doc = (await (await f.call(null, "GET", "/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/matches", "/api/matches/{id}", "/api/matches/{id}/decision"]));
  });
});

describe("the matching model over HTTP", () => {
  let f: ApiFixture;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    f = await apiFixture();
    for (const u of ["tracing", "tracing-verifier", "holding", "mediator", "auditor", "admin"]) t[u] = await f.login(u);
  });
  afterAll(() => f.close());

  interface Model {
    id: string;
    source: string;
    createdAt: string;
    lambda: number;
    fields: { field: string; levels: { level: string; m: number; u: number; weight: number }[] }[];
  }
  interface Training {
    trained: boolean;
    records: { tracing: number; holding: number };
    training: { randomPairs: number; emPairs: number; sessions: { rule: string; pairs: number }[] } | null;
    logIndex: number | null;
    model: Model;
  }
  const getModel = async (user: string | null) => {
    const res = await f.call(user === null ? null : t[user]!, "GET", "/api/matching/model");
    return { status: res.status, body: (await res.json()) as Model };
  };
  const train = async (user: string) => {
    const res = await f.call(t[user]!, "POST", "/api/matching/model/train");
    return { status: res.status, body: (await res.json()) as Training };
  };

  it("shows the model in use to admins and auditors: id, source, when, m and u per field and level", async () => {
    const { status, body } = await getModel("admin");
    expect(status).toBe(200);
    expect(body.source).toBe("preset-defaults");
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
    const given = body.fields.find((x) => x.field === "given_name")!;
    expect(given.levels.map((l) => l.level)).toEqual(["exact", "name_equivalent", "jaro_winkler >= 0.92", "jaro_winkler >= 0.8", "other"]);
    expect(given.levels[0]!.weight).toBeCloseTo(Math.log2(given.levels[0]!.m / given.levels[0]!.u), 9);
    expect((await getModel("auditor")).body.id).toBe(body.id);
    for (const user of ["tracing", "tracing-verifier", "holding", "mediator"]) expect((await getModel(user)).status, user).toBe(403);
    expect((await getModel(null)).status).toBe(401);
  });

  it("lets only an admin train", async () => {
    for (const user of ["tracing", "tracing-verifier", "holding", "mediator", "auditor"]) expect((await train(user)).status, user).toBe(403);
  });

  it("keeps the model when the records are too few, and logs nothing", async () => {
    const before = (await getModel("admin")).body;
    const size = async () => ((await (await f.call(t["admin"]!, "GET", "/api/log")).json()) as { size: number }).size;
    const logSize = await size();
    const { status, body } = await train("admin");
    expect(status).toBe(200);
    expect(body).toMatchObject({ trained: false, training: null, logIndex: null });
    expect(body.model.id).toBe(before.id);
    expect(await size()).toBe(logSize);
  });

  it("learns m and u from the stored records, uses them from then on, and records the new model as a signed log entry of the admin's party", async () => {
    const user = async (name: string) => (await f.store.users.findByUsername(name))!.id;
    await storeTrainingRecords(
      f.store,
      { partyId: "tracing-authority", userId: await user("tracing"), role: "caseworker" },
      { partyId: "holding-authority", userId: await user("holding"), role: "caseworker" },
    );
    const before = (await getModel("admin")).body;
    const { status, body } = await train("admin");
    expect(status).toBe(200);
    expect(body.trained).toBe(true);
    expect(body.records).toEqual({ tracing: 520, holding: 520 });
    expect(body.training!.sessions.length).toBeGreaterThan(0);
    expect(body.model.source).toBe("trained-em");
    expect(body.model.id).not.toBe(before.id);
    expect((await getModel("auditor")).body).toEqual(body.model);
    const entry = (await (await f.call(t["auditor"]!, "GET", `/api/log/entries/${body.logIndex}`)).json()) as {
      entry: { type: string; party: string; user?: string; body: { model: string; records: unknown; settingsHash: string; paramsHash: string } };
    };
    expect(entry.entry).toMatchObject({ type: "match.model-trained", party: "tracing-authority", user: await user("admin") });
    expect(entry.entry.body).toMatchObject({ model: body.model.id, records: { tracing: 520, holding: 520 }, settingsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("publishes the model routes in the OpenAPI document", async () => {
    const doc = (await (await f.call(null, "GET", "/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/matching/model", "/api/matching/model/train"]));
  });
});
