import { afterAll, beforeAll, describe, expect, it } from "vitest";
import exifr from "exifr";
import type { PartyKind, Role } from "../../../domain/index.ts";
import { ClientIdReusedError, ForbiddenError, NotFoundError, ValidationError } from "../../../domain/index.ts";
import { plantedJpeg } from "../../photos/test-support/planted-jpeg.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { testDoor } from "../../test-support/test-door.ts";

// The open channel, the same on every database: who may open, read and write which thread,
// what is sealed at rest, what the signed log holds, and what the access log records.

const KINDS = { tracing: "tracing-authority", holding: "holding-authority", mediator: "mediator", ngo: "ngo" } as const satisfies Record<string, PartyKind>;
type PartyName = keyof typeof KINDS;
let counter = 0;

export function registerThreadsContract(label: string, open: () => Promise<Store>): void {
  describe(`threads and annotations on ${label}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    const child = { names: [{ given: "Олександр", family: "Коваленко" }], sex: "M" as const, birthDate: "2014-03-07" };
    const phone = "+380671234567";

    // Three parties and a mediator; a tracing request of the tracing side addressed to the holding side.
    async function world() {
      const tag = `t${++counter}-${Math.random().toString(36).slice(2, 8)}`;
      const ids = {} as Record<PartyName, string>;
      for (const p of Object.keys(KINDS) as PartyName[]) {
        ids[p] = `${tag}-${p}`;
        await store.parties.ensure({ id: ids[p], name: `${p} ${tag}`, kind: KINDS[p] });
      }
      const ctx = (party: PartyName, role: Role = party === "mediator" ? "mediator" : "caseworker"): RequestContext => ({
        partyId: ids[party], userId: `${ids[party]}-${role}`, role, purpose: "test",
      });
      const family = [{ relation: "mother" as const, given: "Ірина", family: "Коваленко", contact: { phone } }];
      const { id: caseId } = await store.tracingRequests.create(ctx("tracing"), { ...child, family, to: ids.holding, mediator: ids.mediator }, { clientId: "tr" });
      return { ids, ctx, caseId };
    }

    it("opens a party's thread with the case's mediator, keeps the other side out, and seals every word at rest", async () => {
      const w = await world();
      const { thread, replayed } = await store.threads.open(w.ctx("tracing"), { subject: { kind: "case", id: w.caseId }, parties: [w.ids.tracing], title: "Mother's question" }, { clientId: "th1" });
      expect(replayed).toBe(false);
      expect(thread).toMatchObject({ mediator: w.ids.mediator, parties: [w.ids.mediator, w.ids.tracing].sort(), messageCount: 0, title: "Mother's question" });
      const posted = await store.threads.post(w.ctx("tracing"), thread.id, { text: `Her phone is ${phone}; do not pass it on.` }, { clientId: "m1" });
      await store.threads.post(w.ctx("mediator"), thread.id, { text: "Understood." }, { clientId: "m1" });
      const seen = await store.threads.messages(w.ctx("mediator"), thread.id);
      expect(seen.items.map((m) => [m.seq, m.party, m.text])).toEqual([[1, w.ids.tracing, `Her phone is ${phone}; do not pass it on.`], [2, w.ids.mediator, "Understood."]]);
      for (const who of [w.ctx("holding"), w.ctx("holding", "verifier"), w.ctx("ngo"), w.ctx("tracing", "auditor"), w.ctx("tracing", "admin")]) {
        await expect(store.threads.get(who, thread.id), who.userId).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.threads.messages(who, thread.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.threads.post(who, thread.id, { text: "hi" }, { clientId: "x" })).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.threads.markRead(who, thread.id, posted.message.id)).rejects.toBeInstanceOf(NotFoundError);
        expect(JSON.stringify(await store.threads.list(who))).not.toContain(thread.id);
      }
      expect((await store.threads.list(w.ctx("tracing", "verifier"))).items.map((t) => t.id)).toEqual([thread.id]);
      // Nothing written is in the database in the clear; the log holds the hash, not the text.
      const db = testDoor(store).db;
      const raw = JSON.stringify(await db.selectFrom("threads" as never).selectAll().execute()) + JSON.stringify(await db.selectFrom("thread_messages" as never).selectAll().execute());
      for (const secret of [phone, "Mother's question", "Understood"]) expect(raw).not.toContain(secret);
      const line = (await store.ledger.entry(posted.message.logIndex))!;
      expect(line.entry).toMatchObject({ type: "thread.message", party: w.ids.tracing, body: { thread: thread.id, message: posted.message.id, messageHash: posted.message.hash } });
      expect(JSON.stringify(line)).not.toContain(phone);
    });

    it("lets only the mediator bring both sides into one thread, and refuses threads of the wrong shape or role", async () => {
      const w = await world();
      const subject = { kind: "case" as const, id: w.caseId };
      await expect(store.threads.open(w.ctx("tracing"), { subject, parties: [w.ids.tracing, w.ids.holding], title: "t" }, { clientId: "a" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(store.threads.open(w.ctx("tracing"), { subject, parties: [w.ids.holding], title: "t" }, { clientId: "b" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(store.threads.open(w.ctx("tracing", "auditor"), { subject, parties: [w.ids.tracing], title: "t" }, { clientId: "c" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(store.threads.open(w.ctx("ngo"), { subject, parties: [w.ids.ngo], title: "t" }, { clientId: "d" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.threads.open(w.ctx("mediator"), { subject, parties: [w.ids.tracing, w.ids.ngo], title: "t" }, { clientId: "e" })).rejects.toBeInstanceOf(ValidationError);
      await expect(store.threads.open(w.ctx("mediator"), { subject, parties: [w.ids.mediator], title: "t" }, { clientId: "f" })).rejects.toBeInstanceOf(ValidationError);
      const all = await store.threads.open(w.ctx("mediator"), { subject, parties: [w.ids.tracing, w.ids.holding], title: "Joint call" }, { clientId: "g" });
      expect(all.thread.parties).toEqual([w.ids.holding, w.ids.mediator, w.ids.tracing].sort());
      await store.threads.post(w.ctx("holding", "verifier"), all.thread.id, { text: "The child is well." }, { clientId: "h1" });
      expect((await store.threads.messages(w.ctx("tracing"), all.thread.id)).items[0]!.text).toBe("The child is well.");
      // A holding party's own thread with the mediator.
      const own = await store.threads.open(w.ctx("holding"), { subject, parties: [w.ids.holding], title: "Placement" }, { clientId: "i" });
      await expect(store.threads.get(w.ctx("tracing"), own.thread.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("replays a repeated client id, refuses one reused for a different request, and keeps read receipts per person", async () => {
      const w = await world();
      const input = { subject: { kind: "case" as const, id: w.caseId }, parties: [w.ids.tracing], title: "Same" };
      const a = await store.threads.open(w.ctx("tracing"), input, { clientId: "same" });
      expect(await store.threads.open(w.ctx("tracing"), input, { clientId: "same" })).toMatchObject({ replayed: true, thread: { id: a.thread.id } });
      await expect(store.threads.open(w.ctx("tracing"), { ...input, title: "Other" }, { clientId: "same" })).rejects.toBeInstanceOf(ClientIdReusedError);
      const m1 = await store.threads.post(w.ctx("tracing"), a.thread.id, { text: "one" }, { clientId: "p1" });
      expect((await store.threads.post(w.ctx("tracing"), a.thread.id, { text: "one" }, { clientId: "p1" })).replayed).toBe(true);
      await expect(store.threads.post(w.ctx("tracing"), a.thread.id, { text: "two" }, { clientId: "p1" })).rejects.toBeInstanceOf(ClientIdReusedError);
      const m2 = await store.threads.post(w.ctx("tracing"), a.thread.id, { text: "two" }, { clientId: "p2" });
      expect((await store.threads.get(w.ctx("mediator"), a.thread.id)).unread).toBe(2);
      expect((await store.threads.get(w.ctx("tracing"), a.thread.id)).unread).toBe(0);
      expect(await store.threads.markRead(w.ctx("mediator"), a.thread.id, m1.message.id)).toEqual({ marked: 1 });
      expect((await store.threads.get(w.ctx("mediator"), a.thread.id)).unread).toBe(1);
      expect(await store.threads.markRead(w.ctx("mediator"), a.thread.id, m2.message.id)).toEqual({ marked: 1 });
      expect(await store.threads.markRead(w.ctx("mediator"), a.thread.id, m2.message.id)).toEqual({ marked: 0 });
      const msgs = await store.threads.messages(w.ctx("tracing"), a.thread.id);
      expect(msgs.items[1]!.readBy.map((r) => r.party).sort()).toEqual([w.ids.mediator, w.ids.tracing].sort());
      await expect(store.threads.markRead(w.ctx("mediator"), a.thread.id, "not-a-message")).rejects.toBeInstanceOf(ValidationError);
    });

    it("stores attachments sealed, strips an image's camera metadata, and logs every read of a thread about a case", async () => {
      const w = await world();
      const { thread } = await store.threads.open(w.ctx("tracing"), { subject: { kind: "case", id: w.caseId }, parties: [w.ids.tracing], title: "Files" }, { clientId: "f" });
      const pdf = Buffer.from("%PDF-1.4 synthetic letter from the family");
      const jpeg = await plantedJpeg(64, 48);
      const { message } = await store.threads.post(w.ctx("tracing"), thread.id, {
        text: "Two files",
        attachments: [
          { filename: "letter.pdf", contentType: "application/pdf", data: pdf.toString("base64") },
          { filename: "photo.jpg", contentType: "image/jpeg", data: jpeg.toString("base64") },
        ],
      }, { clientId: "a" });
      expect(message.attachments.map((a) => [a.filename, a.contentType])).toEqual([["letter.pdf", "application/pdf"], ["photo.jpg", "image/jpeg"]]);
      const letter = await store.threads.attachment(w.ctx("mediator"), thread.id, message.attachments[0]!.id);
      expect(letter).toMatchObject({ contentType: "application/pdf", filename: "letter.pdf" });
      expect(letter.bytes.equals(pdf)).toBe(true);
      const photo = await store.threads.attachment(w.ctx("mediator"), thread.id, message.attachments[1]!.id);
      expect(await exifr.gps(photo.bytes)).toBeUndefined();
      expect(photo.bytes.includes("PlantedCam")).toBe(false);
      await expect(store.threads.attachment(w.ctx("holding"), thread.id, message.attachments[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
      const rows = await testDoor(store).db.selectFrom("thread_attachments" as never).selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain("letter.pdf");
      for (const r of rows as unknown as { data: Uint8Array }[]) expect(Buffer.from(r.data).includes("synthetic letter")).toBe(false);
      await expect(store.threads.post(w.ctx("tracing"), thread.id, { text: "bad", attachments: [{ filename: "x.jpg", contentType: "image/jpeg", data: pdf.toString("base64") }] }, { clientId: "b" }))
        .rejects.toMatchObject({ path: "attachments.0.data" });
      await store.threads.list(w.ctx("mediator"));
      const log = await store.accessLog.list({ partyId: w.ids.tracing, userId: "admin", role: "admin" }, { caseId: w.caseId });
      const purposes = new Set(log.items.filter((e) => e.partyId === w.ids.mediator).map((e) => e.purpose));
      for (const p of ["thread-attachment", "threads"]) expect(purposes, p).toContain(p);
    });

    it("opens threads about a batch for the batch's parties only", async () => {
      const w = await world();
      const { batch } = await store.batches.create(w.ctx("mediator"), { name: "Group", from: w.ids.holding, to: w.ids.tracing, plannedDate: "2030-01-10", handoverPoint: "Border" }, { clientId: "b" });
      const subject = { kind: "batch" as const, id: batch.id };
      const t = await store.threads.open(w.ctx("holding"), { subject, parties: [w.ids.holding], title: "Transport" }, { clientId: "bt" });
      expect(t.thread.mediator).toBe(w.ids.mediator);
      await store.threads.post(w.ctx("mediator"), t.thread.id, { text: "Buses at nine." }, { clientId: "bm" });
      expect((await store.threads.list(w.ctx("holding"), { subject })).items.map((x) => x.id)).toEqual([t.thread.id]);
      await expect(store.threads.get(w.ctx("tracing"), t.thread.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.threads.open(w.ctx("ngo"), { subject, parties: [w.ids.ngo], title: "x" }, { clientId: "n" })).rejects.toBeInstanceOf(NotFoundError);
    });

    it("lets the mediator annotate a case it sees, for its own eyes, with the hash in the signed log", async () => {
      const w = await world();
      const { annotation } = await store.annotations.add(w.ctx("mediator"), w.caseId, { text: "Ask about the brother." }, { clientId: "an" });
      expect((await store.annotations.add(w.ctx("mediator"), w.caseId, { text: "Ask about the brother." }, { clientId: "an" })).replayed).toBe(true);
      await expect(store.annotations.add(w.ctx("mediator"), w.caseId, { text: "Other" }, { clientId: "an" })).rejects.toBeInstanceOf(ClientIdReusedError);
      expect((await store.annotations.list(w.ctx("mediator"), w.caseId)).map((a) => a.text)).toEqual(["Ask about the brother."]);
      for (const who of [w.ctx("tracing"), w.ctx("holding", "verifier")]) {
        await expect(store.annotations.add(who, w.caseId, { text: "x" }, { clientId: "x" })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(store.annotations.list(who, w.caseId)).rejects.toBeInstanceOf(ForbiddenError);
      }
      await expect(store.annotations.list(w.ctx("ngo"), w.caseId)).rejects.toBeInstanceOf(NotFoundError);
      const line = (await store.ledger.entry(annotation.logIndex))!;
      expect(line.entry).toMatchObject({ type: "annotation.added", body: { annotationHash: annotation.hash } });
      expect(line.entry.subject).toMatch(/^case:c1:/);
      const raw = JSON.stringify(await testDoor(store).db.selectFrom("case_annotations" as never).selectAll().execute());
      expect(raw).not.toContain("brother");
    });
  });
}
