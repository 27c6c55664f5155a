import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyLogText } from "../ledger/index.ts";
import { runLogVerify } from "../cli/log-command.ts";
import { plantedJpeg } from "../store/photos/test-support/planted-jpeg.ts";
import { apiFixture } from "./test-support/api-fixture.ts";
import type { ApiFixture } from "./test-support/api-fixture.ts";

// The channel end to end through the HTTP app, in both directions: a tracing request, a
// disclosure with a photo, the match both parties accept, the joint report, the mediator's
// confirmation, messages between each side and the mediator (and all three) on the way, and a
// log export that verifies offline.

let f: ApiFixture;
let t: Record<string, string>;
beforeAll(async () => {
  f = await apiFixture();
  t = {};
  for (const u of ["tracing", "tracing-verifier", "holding", "holding-verifier", "mediator", "admin"]) t[u] = await f.login(u);
});
afterAll(() => f.close());

let n = 0;
const cid = () => `scenario-${++n}`;
async function call<T>(user: string, method: string, path: string, body?: unknown, expected = 200): Promise<T> {
  const keyed = body === undefined || (typeof body === "object" && body !== null && "clientId" in body);
  const res = await f.call(t[user]!, method, path, body, keyed ? {} : { "idempotency-key": cid() });
  expect(res.status, `${user} ${method} ${path}: ${await res.clone().text()}`).toBe(expected);
  return (await res.json()) as T;
}
const act = (user: string, caseId: string, action: unknown) => call(user, "POST", `/api/cases/${caseId}/actions`, { clientId: cid(), action });

interface Sides {
  // Users of the party that seeks the child and of the party that holds it.
  seeker: { party: string; caseworker: string; verifier: string };
  holder: { party: string; caseworker: string; verifier: string };
}

const LEGAL = { legalBasis: { basis: "channel-agreement", reference: "Synthetic test agreement" } };

async function runChannel(sides: Sides, child: { sought: object; held: object }) {
  const { seeker, holder } = sides;
  const secretPhone = "+380 50 999 88 77";
  const request = await call<{ id: string }>(seeker.caseworker, "POST", "/api/tracing-requests", {
    ...child.sought, ...LEGAL, to: holder.party, mediator: "mediator",
    family: [{ relation: "mother", given: "Олена", family: "Гончаренко", contact: { phone: secretPhone, address: "вул. Миру 3" } }],
    notes: "The mother asks that the other side never learn her address.",
  }, 201);
  const disclosure = await call<{ id: string }>(holder.caseworker, "POST", "/api/disclosures", {
    ...child.held, ...LEGAL, to: seeker.party, mediator: "mediator",
    biography: "Came to the children's home in 2022 without documents.",
    services: [{ kind: "psychological", providerType: "state-institution", from: "2022-10", summary: "Weekly sessions." }],
  }, 201);
  const photo = await f.app.request(`/api/cases/${disclosure.id}/photos`, {
    method: "POST", headers: { authorization: `Bearer ${t[holder.caseworker]}`, "content-type": "image/jpeg", "idempotency-key": cid() }, body: new Uint8Array(await plantedJpeg()),
  });
  expect(photo.status).toBe(201);

  // Each side talks with the mediator about its own case.
  const seekerThread = await call<{ id: string }>(seeker.caseworker, "POST", "/api/threads", {
    subject: { kind: "case", id: request.id }, parties: [seeker.party], title: "The family's request",
  }, 201);
  await call(seeker.caseworker, "POST", `/api/threads/${seekerThread.id}/messages`, { text: `The mother can be reached on ${secretPhone}; keep it with us.` }, 201);
  const holderThread = await call<{ id: string }>(holder.caseworker, "POST", "/api/threads", {
    subject: { kind: "case", id: disclosure.id }, parties: [holder.party], title: "The child we hold",
  }, 201);
  await call(holder.caseworker, "POST", `/api/threads/${holderThread.id}/messages`, {
    text: "The school's record is attached.",
    attachments: [{ filename: "record.txt", contentType: "text/plain", data: Buffer.from("Enrolled 2022-09.").toString("base64") }],
  }, 201);
  await call("mediator", "POST", `/api/threads/${holderThread.id}/messages`, { text: "Received; thank you." }, 201);

  await f.store.matching.runPending();
  const requests = await call<{ items: { case: { id: string }; candidates: { id: string; holdingCase?: string }[] }[] }>(holder.caseworker, "GET", "/api/tracing-requests");
  const mine = requests.items.find((i) => i.case.id === request.id)!;
  const candidate = mine.candidates.find((c) => c.holdingCase === disclosure.id);
  expect(candidate, JSON.stringify(mine)).toBeDefined();
  for (const user of [seeker.verifier, holder.verifier]) await call(user, "POST", `/api/matches/${candidate!.id}/decision`, { decision: "accept" });
  await f.store.matching.runPending();

  // The mediator brings both sides together about the request once the match is agreed.
  const joint = await call<{ id: string; parties: string[] }>("mediator", "POST", "/api/threads", {
    subject: { kind: "case", id: request.id }, parties: [seeker.party, holder.party], title: "Joint verification",
  }, 201);
  expect(joint.parties).toHaveLength(3);
  const asked = await call<{ id: string }>("mediator", "POST", `/api/threads/${joint.id}/messages`, { text: "Please both confirm the birth date before the report." }, 201);
  for (const user of [seeker.verifier, holder.verifier]) {
    await call(user, "POST", `/api/threads/${joint.id}/read`, { upTo: asked.id });
    await call(user, "POST", `/api/threads/${joint.id}/messages`, { text: "Confirmed." }, 201);
  }
  const talk = await call<{ items: { text: string; readBy: unknown[]; logIndex: number }[] }>("mediator", "GET", `/api/threads/${joint.id}/messages`);
  expect(talk.items.map((m) => m.text)).toEqual(["Please both confirm the birth date before the report.", "Confirmed.", "Confirmed."]);
  expect(talk.items[0]!.readBy).toHaveLength(3);

  await act(seeker.caseworker, request.id, { type: "register" });
  await act(holder.caseworker, request.id, { type: "locate", note: "The child disclosed as the holding side's case matches." });
  const report = await call<{ id: string }>(seeker.caseworker, "POST", `/api/cases/${request.id}/reports`, {
    clientId: cid(), kind: "identity", language: "uk", content: { identityEvidence: "Names, birth date and photo agree; both parties accepted the match." },
  }, 201);
  for (const who of ["holding-verifier", "tracing-verifier", "mediator"]) await call(who, "POST", `/api/reports/${report.id}/signatures`);
  // Each verifier signs for the side its party works this case from, whatever the party's kind.
  const signed = await call<{ signatures: { role: string; party: string }[] }>(seeker.caseworker, "GET", `/api/reports/${report.id}`);
  expect(Object.fromEntries(signed.signatures.map((x) => [x.role, x.party]))).toEqual({ "tracing-verifier": seeker.party, "holding-verifier": holder.party, mediator: "mediator" });
  await act(seeker.verifier, request.id, { type: "verify-identity", reportRef: report.id });
  const confirmed = await act("mediator", request.id, { type: "confirm-by-mediator", reportRef: report.id }) as { case: { status: string } };
  expect(confirmed.case.status).toBe("confirmed-by-mediator");

  // The holding side never received the family's contact details or the notes.
  for (const user of [holder.caseworker, holder.verifier]) {
    const seen = [
      await (await f.call(t[user]!, "GET", `/api/cases/${request.id}`)).text(),
      await (await f.call(t[user]!, "GET", `/api/cases/${request.id}/history`)).text(),
      await (await f.call(t[user]!, "GET", "/api/tracing-requests")).text(),
      await (await f.call(t[user]!, "GET", `/api/matches/${candidate!.id}`)).text(),
      await (await f.call(t[user]!, "GET", "/api/threads")).text(),
      await (await f.call(t[user]!, "GET", `/api/threads/${joint.id}/messages`)).text(),
      await (await f.call(t[user]!, "GET", `/api/threads/${holderThread.id}/messages`)).text(),
    ].join("\n");
    expect((await f.call(t[user]!, "GET", `/api/threads/${seekerThread.id}/messages`)).status).toBe(404);
    for (const secret of [secretPhone, "вул. Миру", "never learn her address"]) expect(seen, `${user}: ${secret}`).not.toContain(secret);
  }
  // The holding side's own case follows the joint verification: one child, one state.
  expect((await call<{ status: string }>(holder.caseworker, "GET", `/api/cases/${disclosure.id}`)).status).toBe("confirmed-by-mediator");
  await act(seeker.caseworker, request.id, { type: "consent-decision", consent: { purpose: "return", decision: "granted", givenBy: "guardian" } });
  const batch = await call<{ id: string }>("mediator", "POST", "/api/batches", { name: "Group", from: holder.party, to: seeker.party, plannedDate: "2026-06-20", handoverPoint: "synthetic crossing" }, 201);
  await call("mediator", "POST", `/api/batches/${batch.id}/children`, { caseId: request.id });
  for (const to of ["confirmed", "in-transit"]) await call("mediator", "POST", `/api/batches/${batch.id}/transitions`, { to });
  for (const who of [holder.caseworker, seeker.caseworker]) await call(who, "POST", `/api/batches/${batch.id}/handovers`, { caseId: request.id });
  await call("mediator", "POST", `/api/batches/${batch.id}/transitions`, { to: "completed" });
  const held = await call<{ status: string; batchId: string }>(holder.caseworker, "GET", `/api/cases/${disclosure.id}`);
  expect([held.status, held.batchId]).toEqual(["reunited", batch.id]);
  const after = await call<{ id: string }>(seeker.caseworker, "POST", `/api/cases/${request.id}/reports`, {
    clientId: cid(), kind: "post-return", content: { identityEvidence: "same child", welfareCheck: "at school, well" },
  }, 201);
  for (const who of ["holding-verifier", "tracing-verifier", "mediator"]) await call(who, "POST", `/api/reports/${after.id}/signatures`);
  await act(seeker.verifier, request.id, { type: "verify-post-return", reportRef: after.id });
  await act(seeker.caseworker, request.id, { type: "close", reason: "home with the mother" });
  // After the seeking side closes, the holding side's own case says the same.
  for (const [user, id] of [[holder.caseworker, disclosure.id], [seeker.caseworker, request.id], [holder.caseworker, request.id], [seeker.caseworker, disclosure.id]] as const) {
    expect((await call<{ status: string }>(user, "GET", `/api/cases/${id}`)).status, `${user} ${id}`).toBe("closed");
  }
  const followed = await call<{ items: { type: string; action?: { step: string } }[] }>(holder.caseworker, "GET", `/api/cases/${disclosure.id}/history`);
  expect(followed.items.filter((e) => e.type === "follow-linked").map((e) => e.action!.step)).toEqual([
    "verify-identity", "confirm-by-mediator", "schedule", "confirm-handover", "confirm-handover", "reunite", "verify-post-return", "close",
  ]);

  const exported = await (await f.call(t["admin"]!, "GET", "/api/log/export")).text();
  const verified = await verifyLogText(exported);
  expect(verified.ok, JSON.stringify(verified)).toBe(true);
  // The same file through `homeward log verify`.
  const dir = await mkdtemp(join(tmpdir(), "homeward-scenario-"));
  try {
    await writeFile(join(dir, "log.jsonl"), exported);
    const said: string[] = [];
    const code = await runLogVerify(join(dir, "log.jsonl"), { threads: "0" }, { out: (x) => said.push(x), err: (x) => said.push(x) });
    expect(code, said.join("\n")).toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Each message is an entry of the log holding its hash, never its text.
  expect(exported).toContain(`"type":"thread.message"`);
  for (const text of ["Please both confirm", "school's record", "Enrolled 2022-09", secretPhone]) expect(exported).not.toContain(text);
  return { request, disclosure };
}

describe("the channel through the HTTP app", () => {
  it("works a child sought by the tracing authority and held by the other side", async () => {
    await runChannel(
      {
        seeker: { party: "tracing-authority", caseworker: "tracing", verifier: "tracing-verifier" },
        holder: { party: "holding-authority", caseworker: "holding", verifier: "holding-verifier" },
      },
      {
        sought: { names: [{ given: "Олександр", family: "Гончаренко" }], sex: "M", birthDate: "2013-04-11", birthPlace: "Маріуполь" },
        held: { names: [{ given: "Александр", family: "Гончаренко" }], sex: "M", birthDate: "2013-04-11", birthPlace: "Мариуполь" },
      },
    );
  });

  it("works the reverse direction: a girl held by the tracing authority, sought by the other side for her family", async () => {
    const { request, disclosure } = await runChannel(
      {
        seeker: { party: "holding-authority", caseworker: "holding", verifier: "holding-verifier" },
        holder: { party: "tracing-authority", caseworker: "tracing", verifier: "tracing-verifier" },
      },
      {
        sought: { names: [{ given: "Анастасия", family: "Воронцова" }], sex: "F", birthDate: "2011-09-02", birthPlace: "Белгород" },
        held: { names: [{ given: "Анастасія", family: "Воронцова" }], sex: "F", birthDate: "2011-09-02", birthPlace: "Бєлгород" },
      },
    );
    const sought = await call<{ side: string; party: string }>("holding", "GET", `/api/cases/${request.id}`);
    expect(sought).toMatchObject({ side: "tracing", party: "holding-authority" });
    const held = await call<{ side: string; party: string }>("tracing", "GET", `/api/cases/${disclosure.id}`);
    expect(held).toMatchObject({ side: "holding", party: "tracing-authority" });
  });
});
