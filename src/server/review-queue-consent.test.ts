import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

// The review queue shows a pair only while both cases may enter cross-party matching (a consent
// to sharing that holds, or a recorded legal basis), and each side of a pair only the fields
// verification needs, before and after both parties accept.

const PHONE = "+380 66 404 40 40";
const ADDRESS = "вул. Садова 3, Суми";
const LAST_KNOWN = "Курськ, інтернат";
const VIEWS = "Хоче жити з тіткою";
const NOTE = "Тітка телефонувала двічі";
const HEALTH = "Епілепсія";
const FOSTER = "Корнеева";
const FOSTER_PHONE = "+7 901 505 50 50";
const HOLDING_NOTE = "Посещает школу № 4";
const SECRETS = [PHONE, ADDRESS, LAST_KNOWN, VIEWS, NOTE, HEALTH, FOSTER, FOSTER_PHONE, HOLDING_NOTE];

interface Candidate { id: string; tracing: { caseId: string }; holding: { caseId: string }; status: string }

let f: ApiFixture;
const t: Record<string, string> = {};
let n = 0;
const cid = (): string => `queue-consent-${n++}`;

beforeAll(async () => {
  f = await apiFixture();
  for (const u of ["tracing", "holding", "holding-verifier", "mediator"]) t[u] = await f.login(u);
});
afterAll(() => f.close());

const tracingChild = (forSharing: boolean) => ({
  clientId: cid(),
  names: [{ given: "Тимофій", family: "Вакуленко", patronymic: "Олегович" }], sex: "M", birthDate: "2013-10-14", birthPlace: "Суми",
  separation: { category: "deported", date: "2022-05", place: "Суми", lastKnownLocation: LAST_KNOWN },
  family: [{ relation: "mother", given: "Людмила", family: "Вакуленко", contact: { phone: PHONE, address: ADDRESS } }],
  consent: { forTracing: true, forSharing, givenBy: "guardian" }, childViews: VIEWS, notes: NOTE, health: HEALTH,
});
const holdingChild = {
  names: [{ given: "Тимофей", family: "Вакуленко", patronymic: "Олегович" }], sex: "M", birthDate: "2013-10-14", birthPlace: "Сумы",
  family: [{ relation: "mother", given: "Людмила", family: "Вакуленко" }, { relation: "foster-parent", given: "Анна", family: FOSTER, contact: { phone: FOSTER_PHONE } }],
  legalBasis: { basis: "channel-agreement", reference: "Synthetic test agreement" }, notes: HOLDING_NOTE,
};

async function create(user: string, body: object): Promise<string> {
  const res = await f.call(t[user]!, "POST", "/api/cases", { clientId: cid(), ...body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const queue = async (user: string, query = "") => {
  const res = await f.call(t[user]!, "GET", `/api/matches?limit=500${query}`);
  expect(res.status).toBe(200);
  return { text: await res.clone().text(), items: ((await res.json()) as { items: Candidate[] }).items };
};
const consent = (caseId: string, decision: "granted" | "withdrawn") =>
  f.call(t.tracing!, "POST", `/api/cases/${caseId}/actions`, {
    clientId: cid(), action: { type: "consent-decision", consent: { purpose: "sharing", decision, givenBy: "guardian" } },
  });

describe("the review queue and consent", () => {
  let tracingId = "";
  let holdingId = "";
  beforeAll(async () => {
    tracingId = await create("tracing", tracingChild(false));
    holdingId = await create("holding", holdingChild);
    await f.store.matching.runPending();
  });

  it("shows no party a case whose consent refuses sharing, not even the mediator, and the case stays hidden", async () => {
    expect((await f.call(t.holding!, "GET", `/api/cases/${tracingId}`)).status).toBe(404);
    for (const user of ["holding", "holding-verifier", "mediator", "tracing"]) {
      for (const status of ["", "&status=pending", "&status=awaiting-you"]) {
        const { text, items } = await queue(user, status);
        expect(items.filter((c) => c.tracing.caseId === tracingId || c.holding.caseId === holdingId), `${user}${status}`).toEqual([]);
        expect(text).not.toContain(tracingId);
        expect(text).not.toContain("Тимофій");
        expect(text).not.toContain("Суми");
      }
    }
  });

  it("proposes the pair once the family consents to sharing, with only the verification fields on each side, before and after both accept", async () => {
    expect((await consent(tracingId, "granted")).status).toBe(200);
    await f.store.matching.runPending();
    const pair = (await queue("holding")).items.find((c) => c.tracing.caseId === tracingId && c.holding.caseId === holdingId);
    expect(pair).toBeDefined();
    const seen = async () => Promise.all(["holding", "tracing", "mediator"].map(async (u) => (await f.call(t[u]!, "GET", `/api/matches/${pair!.id}`)).text()));
    for (const text of [...(await seen()), (await queue("holding")).text, (await queue("mediator")).text]) {
      expect(text).toContain("Вакуленко");
      for (const s of SECRETS) expect(text).not.toContain(s);
    }
    for (const user of ["tracing", "holding-verifier"]) {
      const res = await f.call(t[user]!, "POST", `/api/matches/${pair!.id}/decision`, { decision: "accept" });
      expect(res.status).toBe(200);
    }
    await f.store.matching.runPending();
    const after = await seen();
    expect(JSON.parse(after[0]!)).toMatchObject({ status: "agreed" });
    for (const text of [...after, (await queue("holding", "&status=agreed")).text, (await queue("mediator", "&status=agreed")).text]) {
      for (const s of SECRETS) expect(text).not.toContain(s);
    }
  });

  it("hides the pair, decided or not, once the consent is withdrawn", async () => {
    const other = await create("tracing", { ...tracingChild(true), names: [{ given: "Тимофій", family: "Вакуленко", patronymic: "Олегович" }] });
    await f.store.matching.runPending();
    const pending = (await queue("holding")).items.find((c) => c.tracing.caseId === other);
    expect(pending).toBeDefined();
    for (const id of [tracingId, other]) expect((await consent(id, "withdrawn")).status).toBe(200);
    await f.store.matching.runPending();
    for (const user of ["holding", "mediator", "tracing"]) {
      const { text } = await queue(user, "&status=agreed");
      expect(text).not.toContain(tracingId);
      expect((await queue(user)).text).not.toContain(other);
    }
    expect((await f.call(t.holding!, "GET", `/api/matches/${pending!.id}`)).status).toBe(404);
  });
});
