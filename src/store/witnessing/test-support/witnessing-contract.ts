// The log's checkpoints as signed notes and the witnesses' co-signatures, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCheckpoint,
  cosignatureVerifier,
  cosigner,
  ed25519NoteVerifier,
  formatVerifierKey,
  generateKeyPair,
  parseVerifierKey,
  type WitnessLogState,
} from "../../../ledger/index.ts";
import { ValidationError } from "../../../domain/index.ts";
import type { RequestContext } from "../../types.ts";
import type { Store } from "../../store.ts";

function verifierOf(vkey: string) {
  const p = parseVerifierKey(vkey);
  if (!p.ok) throw new Error(p.reason);
  return ed25519NoteVerifier(p.value.name, p.value.publicKey);
}

export function registerWitnessingContract(name: string, open: () => Promise<Store>): void {
  describe(`witnessing (${name})`, () => {
    let store: Store;
    let ctx: RequestContext;
    const witnessKey = generateKeyPair(new Uint8Array(32).fill(42));
    const w = cosigner("witness.example/w1", witnessKey.secretKey, witnessKey.publicKey, () => 1_800_000_000);
    const wVkey = formatVerifierKey(cosignatureVerifier(w.name, witnessKey.publicKey));
    let state: WitnessLogState | null = null;
    let n = 0;

    async function grow(): Promise<void> {
      await store.cases.create(ctx, { names: [{ given: "Олена", family: "Шевченко" }], sex: "F" }, { clientId: `c-${++n}` });
    }

    function witness(body: string) {
      return addCheckpoint(body, () => state, { logs: new Map([[originOf(body), [logVerifier]]]), cosigner: w });
    }
    const originOf = (body: string) => body.slice(body.indexOf("\n\n") + 2).split("\n")[0]!;
    let logVerifier: ReturnType<typeof verifierOf>;

    beforeAll(async () => {
      store = await open();
      await store.parties.ensure({ id: "tracing", name: "Tracing authority", kind: "tracing-authority" });
      const user = await store.users.create({ username: "tcw", passwordHash: "not-a-real-hash", partyId: "tracing", role: "caseworker" });
      ctx = { partyId: "tracing", userId: user.id, role: "caseworker" };
      await grow();
      logVerifier = verifierOf((await store.witnessing.logKey()).vkey);
    });
    afterAll(async () => {
      await store?.close();
    });

    it("publishes the log's current size and root as a note signed by the log's own key", async () => {
      const { size, note } = await store.witnessing.latestNote();
      expect(size).toBe(await store.ledger.size());
      const [origin, sizeLine, root] = note.split("\n");
      expect(origin).toMatch(/^homeward\.invalid\//);
      expect(Number(sizeLine)).toBe(size);
      expect(Buffer.from(root!, "base64").toString("hex")).toBe(await store.ledger.root(size));
      expect(logVerifier.name).toBe(origin);
      expect((await store.witnessing.latestNote()).note).toBe(note);
    });

    it("keeps a registered witness's co-signature and serves it with the note", async () => {
      const { note } = await store.witnessing.latestNote();
      const answer = witness(`old 0\n\n${note}`);
      expect(answer.status).toBe(200);
      if (answer.status !== 200) return;
      state = answer.state;
      await expect(store.witnessing.addCosignatures(`${note}${answer.body}`)).rejects.toThrow(/no registered witness/);
      await store.witnessing.addWitness(wVkey);
      await store.witnessing.addWitness(wVkey);
      expect(await store.witnessing.witnesses()).toEqual([{ name: "witness.example/w1", vkey: wVkey }]);
      expect(await store.witnessing.addCosignatures(`${note}${answer.body}`)).toEqual(["witness.example/w1"]);
      const served = (await store.witnessing.latestNote()).note;
      expect(served).toBe(`${note}${answer.body}`);
    });

    it("gives consistency proofs in the witness protocol's form, so a witness co-signs the next size", async () => {
      await grow();
      await grow();
      const { size, note } = await store.witnessing.latestNote();
      const proof = await store.witnessing.consistency(state!.size, size);
      const answer = witness(`old ${state!.size}\n${proof.map((p) => `${p}\n`).join("")}\n${note}`);
      expect(answer.status).toBe(200);
      await expect(store.witnessing.consistency(size, size + 1)).rejects.toBeInstanceOf(ValidationError);
    });

    it("refuses co-signatures on a checkpoint the log never published, and a co-signature that does not verify", async () => {
      const { note } = await store.witnessing.latestNote();
      const forged = note.replace(/\n(\d+)\n/, (_, s: string) => `\n${Number(s) + 1}\n`);
      await expect(store.witnessing.addCosignatures(forged)).rejects.toThrow(/never published/);
      const lines = note.split("\n");
      const answer = witness(`old 0\n\n${note}`);
      expect(answer.status).toBe(409);
      const bad = `${lines.slice(0, 4).join("\n")}\n${lines[4]}\n— witness.example/w1 ${Buffer.alloc(76, 1).toString("base64")}\n`;
      await expect(store.witnessing.addCosignatures(bad)).rejects.toThrow();
    });

    it("refuses a witness key of the wrong type", async () => {
      await expect(store.witnessing.addWitness((await store.witnessing.logKey()).vkey)).rejects.toThrow(/type 0x04/);
    });
  });
}
