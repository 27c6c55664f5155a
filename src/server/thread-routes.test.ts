import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

// The open channel's routes, for every role and party: who is allowed, who is refused (and how),
// and that the holding party never receives the family's contact details or the tracing notes.

const USERS = ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator", "auditor", "admin", "ngo"] as const;
type User = (typeof USERS)[number];
const PARTY: Record<User, string> = {
  tracing: "tracing-authority", "tracing-verifier": "tracing-authority", holding: "holding-authority", "holding-verifier": "holding-authority",
  mediator: "mediator", auditor: "tracing-authority", admin: "tracing-authority", ngo: "family-support-ngo",
};
const PHONE = "+380 50 123 45 67";
const ADDRESS = "вул. Квітнева 12";
const NOTES = "The grandmother fears the other side will contact her.";

let f: ApiFixture;
let t: Record<string, string>;
let caseId: string;
let n = 0;
const key = () => ({ "idempotency-key": `thread-test-${++n}` });

beforeAll(async () => {
  f = await apiFixture();
  t = {};
  for (const u of USERS) t[u] = await f.login(u);
  const res = await f.call(t.tracing!, "POST", "/api/tracing-requests", {
    names: [{ given: "Марія", family: "Левченко" }], sex: "F", birthDate: "2015-02-03", to: "holding-authority", mediator: "mediator",
    family: [{ relation: "grandparent", given: "Галина", family: "Левченко", contact: { phone: PHONE, address: ADDRESS } }], notes: NOTES,
  }, key());
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { id: string }).id;
});
afterAll(() => f.close());

const call = (user: User | null, method: string, path: string, body?: unknown) => f.call(user === null ? null : t[user]!, method, path, body, method === "POST" ? key() : {});
async function openThread(user: User, parties: string[], title = "About Maria"): Promise<{ id: string; parties: string[] }> {
  const res = await call(user, "POST", "/api/threads", { subject: { kind: "case", id: caseId }, parties, title });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; parties: string[] };
}
async function postMessage(user: User, threadId: string, body: unknown): Promise<{ id: string; attachments: { id: string }[] }> {
  const res = await call(user, "POST", `/api/threads/${threadId}/messages`, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; attachments: { id: string }[] };
}

describe("POST /api/threads", () => {
  it("lets each party's caseworkers and verifiers open a thread with the mediator, and refuses the rest", async () => {
    const expected: Record<User, number> = {
      tracing: 201, "tracing-verifier": 201, holding: 201, "holding-verifier": 201, mediator: 201,
      // The auditor sees the case but opens nothing; the admin and the NGO do not see it at all.
      auditor: 403, admin: 404, ngo: 404,
    };
    for (const u of USERS) {
      const parties = u === "mediator" ? ["tracing-authority"] : [PARTY[u]];
      const res = await call(u, "POST", "/api/threads", { subject: { kind: "case", id: caseId }, parties, title: `${u}'s thread` });
      expect(res.status, `${u}: ${await res.clone().text()}`).toBe(expected[u]);
      if (res.status === 201) expect(((await res.json()) as { parties: string[] }).parties).toEqual([parties[0]!, "mediator"].sort());
    }
    expect((await call(null, "POST", "/api/threads", { subject: { kind: "case", id: caseId }, parties: ["tracing-authority"], title: "x" })).status).toBe(401);
  });

  it("lets only the mediator bring both sides into one thread", async () => {
    const both = ["tracing-authority", "holding-authority"];
    for (const u of ["tracing", "holding-verifier"] as const) {
      const res = await call(u, "POST", "/api/threads", { subject: { kind: "case", id: caseId }, parties: both, title: "x" });
      expect(res.status, u).toBe(403);
    }
    const res = await call("holding", "POST", "/api/threads", { subject: { kind: "case", id: caseId }, parties: ["tracing-authority"], title: "x" });
    expect(res.status).toBe(403);
    expect((await openThread("mediator", both)).parties).toEqual(["holding-authority", "mediator", "tracing-authority"]);
  });

  it("answers bad bodies with 400 naming the field, a party that does not work the case with 422, a reused key with 422", async () => {
    const bad = await call("tracing", "POST", "/api/threads", { subject: { kind: "case", id: "nope" }, parties: ["tracing-authority"], title: "x" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("subject");
    const outsider = await call("mediator", "POST", "/api/threads", { subject: { kind: "case", id: caseId }, parties: ["family-support-ngo"], title: "x" });
    expect(outsider.status).toBe(422);
    const h = { "idempotency-key": "same-thread-key" };
    const body = { subject: { kind: "case", id: caseId }, parties: ["tracing-authority"], title: "first" };
    const a = await f.call(t.tracing!, "POST", "/api/threads", body, h);
    const b = await f.call(t.tracing!, "POST", "/api/threads", body, h);
    expect([a.status, b.status, b.headers.get("idempotent-replayed")]).toEqual([201, 201, "true"]);
    expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id);
    expect((await f.call(t.tracing!, "POST", "/api/threads", { ...body, title: "second" }, h)).status).toBe(422);
  });
});

describe("a thread between the tracing party and the mediator", () => {
  it("is read and written by its people only; everyone else gets 404 on every route", async () => {
    const thread = await openThread("tracing", ["tracing-authority"]);
    const first = await postMessage("tracing", thread.id, {
      text: `Her grandmother's phone is ${PHONE}.`,
      attachments: [{ filename: "letter.txt", contentType: "text/plain", data: Buffer.from(`Address: ${ADDRESS}`).toString("base64") }],
    });
    const inside: User[] = ["tracing", "tracing-verifier", "mediator"];
    for (const u of USERS) {
      const ok = inside.includes(u);
      const statuses = [
        (await call(u, "GET", `/api/threads/${thread.id}`)).status,
        (await call(u, "GET", `/api/threads/${thread.id}/messages`)).status,
        (await call(u, "POST", `/api/threads/${thread.id}/messages`, { text: `hello from ${u}` })).status,
        (await call(u, "POST", `/api/threads/${thread.id}/read`, { upTo: first.id })).status,
        (await call(u, "GET", `/api/threads/${thread.id}/attachments/${first.attachments[0]!.id}`)).status,
      ];
      expect(statuses, u).toEqual(ok ? [200, 200, 201, 200, 200] : [404, 404, 404, 404, 404]);
      const list = await (await call(u, "GET", "/api/threads")).text();
      expect(list.includes(thread.id), u).toBe(ok);
    }
    for (const path of [`/api/threads/${thread.id}`, `/api/threads/${thread.id}/messages`]) expect((await call(null, "GET", path)).status).toBe(401);
    const file = await call("mediator", "GET", `/api/threads/${thread.id}/attachments/${first.attachments[0]!.id}`);
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect(await file.text()).toBe(`Address: ${ADDRESS}`);
  });

  it("records read receipts per person and counts what each has not read", async () => {
    const thread = await openThread("tracing-verifier", ["tracing-authority"]);
    const m = await postMessage("tracing-verifier", thread.id, { text: "Please confirm the birth date." });
    const unread = async (u: User) => ((await (await call(u, "GET", `/api/threads/${thread.id}`)).json()) as { unread: number }).unread;
    expect([await unread("mediator"), await unread("tracing"), await unread("tracing-verifier")]).toEqual([1, 1, 0]);
    const res = await call("mediator", "POST", `/api/threads/${thread.id}/read`, { upTo: m.id });
    expect(await res.json()).toEqual({ marked: 1 });
    expect(await unread("mediator")).toBe(0);
    const msgs = (await (await call("tracing", "GET", `/api/threads/${thread.id}/messages`)).json()) as { items: { readBy: { party: string }[] }[] };
    expect(msgs.items[0]!.readBy.map((r) => r.party).sort()).toEqual(["mediator", "tracing-authority"]);
    expect((await call("mediator", "POST", `/api/threads/${thread.id}/read`, { upTo: caseId })).status).toBe(422);
  });

  it("takes a message whose attachments are larger than the API's 1 MiB body limit", async () => {
    const thread = await openThread("tracing", ["tracing-authority"]);
    const big = Buffer.alloc(1_500_000, 7);
    const m = await postMessage("tracing", thread.id, { text: "The scanned file", attachments: [{ filename: "scan.bin", contentType: "application/octet-stream", data: big.toString("base64") }] });
    const back = await call("mediator", "GET", `/api/threads/${thread.id}/attachments/${m.attachments[0]!.id}`);
    expect(Buffer.from(await back.arrayBuffer()).equals(big)).toBe(true);
  });
});

describe("the mediator's annotations", () => {
  it("are written and read by the mediator only", async () => {
    const expected: Record<User, [number, number]> = {
      mediator: [201, 200], tracing: [403, 403], "tracing-verifier": [403, 403], holding: [403, 403], "holding-verifier": [403, 403],
      auditor: [403, 403], admin: [404, 404], ngo: [404, 404],
    };
    for (const u of USERS) {
      const add = await call(u, "POST", `/api/cases/${caseId}/annotations`, { text: `Note by ${u}` });
      const list = await call(u, "GET", `/api/cases/${caseId}/annotations`);
      expect([add.status, list.status], u).toEqual(expected[u]);
    }
    const items = ((await (await call("mediator", "GET", `/api/cases/${caseId}/annotations`)).json()) as { items: { text: string }[] }).items;
    expect(items.map((i) => i.text)).toEqual(["Note by mediator"]);
  });
});

describe("leaks to the holding party", () => {
  it("never carries the family's contacts or the tracing notes in any thread response, list or attachment", async () => {
    const own = await openThread("tracing", ["tracing-authority"]);
    const secret = await postMessage("tracing", own.id, {
      text: `${NOTES} Phone ${PHONE}, ${ADDRESS}.`,
      attachments: [{ filename: "contacts.txt", contentType: "text/plain", data: Buffer.from(PHONE).toString("base64") }],
    });
    const joint = await openThread("mediator", ["tracing-authority", "holding-authority"], "Joint verification of Maria");
    await postMessage("tracing", joint.id, { text: "We can confirm the birth date." });
    const holdingOwn = await openThread("holding", ["holding-authority"], "Placement questions");
    await postMessage("mediator", holdingOwn.id, { text: "When can we see her?" });
    for (const u of ["holding", "holding-verifier"] as const) {
      const seen: string[] = [];
      for (const path of [
        "/api/threads", `/api/threads?subjectKind=case&subjectId=${caseId}`,
        `/api/threads/${joint.id}`, `/api/threads/${joint.id}/messages`, `/api/threads/${holdingOwn.id}`, `/api/threads/${holdingOwn.id}/messages`,
        `/api/threads/${own.id}`, `/api/threads/${own.id}/messages`, `/api/threads/${own.id}/attachments/${secret.attachments[0]!.id}`,
      ]) {
        seen.push(await (await call(u, "GET", path)).text());
      }
      seen.push(await (await call(u, "POST", `/api/threads/${joint.id}/messages`, { text: "Thank you." })).text());
      const all = seen.join("\n");
      expect(all).toContain("We can confirm the birth date.");
      for (const s of [PHONE, ADDRESS, NOTES, secret.id]) expect(all, `${u}: ${s}`).not.toContain(s);
    }
  });
});
