// The ledger store's behaviour, run against PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openedStepTypes } from "./opened-steps.ts";
import { sql } from "kysely";
import { fromHex, leafHash, utf8, canonicalJson, verifyConsistency, verifyInclusion, verifyLogText } from "../../../ledger/index.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";
import { testDoor } from "../../test-support/test-door.ts";
import type { LedgerStore } from "../ledger-store-types.ts";

export function registerLedgerContract(name: string, open: () => Promise<Store>): void {
  describe(`ledger store (${name})`, () => {
    let store: Store;
    let ledger: LedgerStore;
    const ctx: Record<string, RequestContext> = {};
    let caseId = "";

    beforeAll(async () => {
      store = await open();
      ledger = store.ledger;
      await store.parties.ensure({ id: "tracing", name: "Tracing authority", kind: "tracing-authority" });
      await store.parties.ensure({ id: "holding", name: "Holding authority", kind: "holding-authority" });
      await store.parties.ensure({ id: "mediator", name: "Mediator", kind: "mediator" });
      const users = [
        ["tcw", "tracing", "caseworker"],
        ["tver", "tracing", "verifier"],
        ["hcw", "holding", "caseworker"],
        ["med", "mediator", "mediator"],
      ] as const;
      for (const [username, partyId, role] of users) {
        const user = await store.users.create({ username, passwordHash: "not-a-real-hash", partyId, role });
        ctx[username] = { partyId, userId: user.id, role };
      }
      await ledger.ensureKeys();
      const created = await store.cases.create(ctx.tcw!, { names: [{ given: "Олена", family: "Шевченко" }], sex: "F", notes: "secret note" }, { clientId: "c-1" });
      caseId = created.id;
      await store.shares.grant(ctx.tcw!, caseId, "holding", "participate");
      await store.cases.appendAction(ctx.tcw!, caseId, { type: "register" }, { clientId: "a-1" });
      await store.cases.appendAction(ctx.tver!, caseId, { type: "add-note", text: "verifier's note" }, { clientId: "a-2" });
    });
    afterAll(async () => {
      await store?.close();
    });

    it("logs every case action as an entry signed by the acting party, and a verifier's also by the person", async () => {
      const size = await ledger.size();
      const entries = await Promise.all(Array.from({ length: size }, (_, i) => ledger.entry(i)));
      const actions = entries.filter((e) => e!.entry.type === "case.step");
      expect(actions).toHaveLength(4);
      // Blinded: the type of step, the case and the caseworker are in the hashed payload only;
      // the opening shows them to those entitled to the case.
      const lines = entries.map((e) => JSON.stringify(e));
      expect(await openedStepTypes(store, lines, caseId)).toEqual(["report", "share", "register", "add-note"]);
      expect(lines.join("\n")).not.toContain(caseId);
      expect(actions[0]!.entry.user).toBeUndefined();
      const note = actions.at(-1)!;
      expect(note.entry.party).toBe("tracing");
      expect(note.entry.user).toBe(ctx.tver!.userId);
      expect(note.sigs).toHaveLength(2);
      expect(actions[0]!.sigs).toHaveLength(1);
      // The log holds hashes, never the child's details.
      expect(JSON.stringify(entries)).not.toContain("Олена");
      expect(JSON.stringify(entries)).not.toContain("secret note");
    });

    it("appends nothing when an action is retried with the same client id", async () => {
      const before = await ledger.size();
      await store.cases.appendAction(ctx.tcw!, caseId, { type: "register" }, { clientId: "a-1" });
      expect(await ledger.size()).toBe(before);
    });

    it("signs a bulk import in one go: one entry per new row, in order, nothing twice when re-imported, and the log still verifies", async () => {
      const before = await ledger.size();
      const rows = Array.from({ length: 7 }, (_, i) => ({ clientId: `bulk-${i}`, input: { names: [{ given: `Дитина${i}` }], sex: "unknown" as const } }));
      const first = await store.cases.importBatch(ctx.tcw!, rows.slice(0, 4));
      const second = await store.cases.importBatch(ctx.tcw!, rows);
      expect([first.created, second.created, second.existing]).toEqual([4, 3, 4]);
      expect(await ledger.size()).toBe(before + 7);
      const added = await Promise.all(Array.from({ length: 7 }, (_, i) => ledger.entry(before + i)));
      expect(added.map((e) => e!.entry.subject)).toEqual(await Promise.all(second.ids.map(async (id) => (await ledger.caseSteps(id)).subject)));
      expect(added.every((e) => e!.entry.type === "case.step" && e!.sigs.length === 1 && e!.entry.index >= before)).toBe(true);
      for (const id of second.ids) expect(await openedStepTypes(store, added.map((e) => JSON.stringify(e)), id)).toEqual(["report"]);
      const lines: string[] = [];
      for await (const line of ledger.exportLines()) lines.push(line);
      const result = await verifyLogText(lines.join("\n") + "\n");
      expect(result.ok).toBe(true);
    });

    it("exports a log that verifies offline, and fails at the entry that is altered", async () => {
      const lines: string[] = [];
      for await (const line of ledger.exportLines()) lines.push(line);
      const result = await verifyLogText(lines.join("\n") + "\n");
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.size).toBe(await ledger.size());
      expect(result.root).toBe(await ledger.root());
      const altered = [...lines];
      const n = altered.findIndex((l) => l.includes('"case.step"'));
      altered[n] = altered[n]!.replace('"case.step"', '"case.locate"');
      const bad = await verifyLogText(altered.join("\n") + "\n");
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.problem.index).toBe((JSON.parse(lines[n]!) as { entry: { index: number } }).entry.index);
    });

    it("gives inclusion and consistency proofs that verify against its roots", async () => {
      const size = await ledger.size();
      const root = fromHex(await ledger.root());
      for (let i = 0; i < size; i++) {
        const p = await ledger.inclusionProof(i);
        const leaf = leafHash(utf8(canonicalJson(await ledger.entry(i))));
        expect(verifyInclusion(i, size, leaf, p.proof.map((h) => fromHex(h)), root).ok).toBe(true);
      }
      for (let from = 1; from <= size; from++) {
        const c = await ledger.consistencyProof(from);
        expect(verifyConsistency(from, size, fromHex(c.fromRoot), root, c.proof.map((h) => fromHex(h))).ok).toBe(true);
      }
    });

    it("collects co-signatures of parties on one checkpoint", async () => {
      await store.cases.appendAction(ctx.tcw!, caseId, { type: "add-note", text: "another" }, { clientId: "a-3" });
      await ledger.checkpoint(["tracing"]);
      const cp = await ledger.checkpoint(["holding"]);
      expect(cp.checkpoint.size).toBe(await ledger.size());
      expect(cp.sigs).toHaveLength(2);
      expect((await ledger.latestCheckpoint())!.sigs).toHaveLength(2);
    });

    it("rotates a party's key and revokes a person's, and the exported log still verifies", async () => {
      const keysBefore = await ledger.keys();
      const oldParty = keysBefore.find((k) => k.party === "tracing" && k.user === undefined && !k.retired)!;
      const fresh = await ledger.rotateKey("tracing");
      expect(fresh.id).not.toBe(oldParty.id);
      await store.cases.appendAction(ctx.tcw!, caseId, { type: "add-note", text: "after rotation" }, { clientId: "a-4" });
      const last = (await ledger.entry((await ledger.size()) - 1))!;
      expect(last.sigs.map((s) => s.key)).toEqual([fresh.id]);
      await ledger.revokeUserKey("tracing", ctx.tver!.userId, "left the office");
      // The person's next action is signed with a new personal key, announced in the log.
      await store.cases.appendAction(ctx.tver!, caseId, { type: "add-note", text: "new key" }, { clientId: "a-5" });
      const lines: string[] = [];
      for await (const line of ledger.exportLines()) lines.push(line);
      const result = await verifyLogText(lines.join("\n") + "\n");
      expect(result.ok, result.ok ? "" : result.problem.reason).toBe(true);
      const types = lines.map((l) => (JSON.parse(l) as { entry?: { type: string } }).entry?.type);
      expect(types).toContain("key.rotated");
      expect(types).toContain("key.revoked");
    });

    it("refuses UPDATE, DELETE and TRUNCATE of log entries and checkpoints at the database level", async () => {
      await expect(sql`update ledger_entries set line = 'x' where idx = 0`.execute(testDoor(store).db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from ledger_entries where idx = 0`.execute(testDoor(store).db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate ledger_entries cascade`.execute(testDoor(store).db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from ledger_checkpoint_signatures`.execute(testDoor(store).db)).rejects.toThrow(/append-only/);
      await expect(sql`update ledger_checkpoints set root = 'x'`.execute(testDoor(store).db)).rejects.toThrow(/append-only/);
      expect((await ledger.entry(0))!.entry.index).toBe(0);
    });

    it("keeps private keys sealed and publishes public keys", async () => {
      const keys = await ledger.keys();
      expect(keys.filter((k) => k.anchor).map((k) => k.party).sort()).toEqual(["holding", "mediator", "tracing"]);
      expect(keys.some((k) => k.user === ctx.tver!.userId)).toBe(true);
      const rows = await sql<{ sealed_secret: Uint8Array; public_key: string }>`select sealed_secret, public_key from ledger_keys`.execute(testDoor(store).db);
      for (const r of rows.rows) {
        expect(Buffer.from(r.sealed_secret).toString("latin1")).not.toMatch(/^[0-9a-f]{64}$/);
        expect(r.sealed_secret.length).toBeGreaterThan(64);
      }
    });
  });
}
