import { describe, expect, it } from "vitest";
import { toBase64 } from "./base64.ts";
import { utf8 } from "./bytes.ts";
import { cosignatureVerifier, cosigner } from "./cosignature.ts";
import { generateKeyPair } from "./ed25519.ts";
import { MerkleTree } from "./merkle-tree.ts";
import { ed25519NoteSigner, ed25519NoteVerifier, signNote, verifyNote } from "./signed-note.ts";
import { formatCheckpoint } from "./tlog-checkpoint.ts";
import { addCheckpoint, compareWithPeer, type WitnessConfig, type WitnessLogState } from "./witness.ts";

const ORIGIN = "homeward.example/log";
const logKey = generateKeyPair(new Uint8Array(32).fill(1));
const logSigner = ed25519NoteSigner(ORIGIN, logKey.secretKey, logKey.publicKey);
const logVerifier = ed25519NoteVerifier(ORIGIN, logKey.publicKey);

function tree(leaves: string[]): MerkleTree {
  const t = new MerkleTree();
  for (const l of leaves) t.append(utf8(l));
  return t;
}

function checkpointNote(t: MerkleTree, size = t.size): string {
  return signNote(formatCheckpoint({ origin: ORIGIN, size, root: t.root(size), extensions: [] }), [logSigner]);
}

function request(old: number, proof: Uint8Array[], note: string): string {
  return `old ${old}\n${proof.map((p) => `${toBase64(p)}\n`).join("")}\n${note}`;
}

function witness(seed: number) {
  const key = generateKeyPair(new Uint8Array(32).fill(seed));
  const config: WitnessConfig = {
    logs: new Map([[ORIGIN, [logVerifier]]]),
    cosigner: cosigner(`witness.example/w${seed}`, key.secretKey, key.publicKey, () => 1_800_000_000),
  };
  const states = new Map<string, WitnessLogState>();
  const submit = (body: string) => {
    const answer = addCheckpoint(body, (o) => states.get(o) ?? null, config);
    if (answer.status === 200) states.set(ORIGIN, answer.state);
    else if (answer.fork) states.set(ORIGIN, { ...states.get(ORIGIN)!, fork: answer.fork });
    return answer;
  };
  return { submit, states, verifier: cosignatureVerifier(config.cosigner.name, key.publicKey) };
}

const leaves = Array.from({ length: 12 }, (_, i) => `entry ${i}`);

describe("a witness (c2sp.org/tlog-witness add-checkpoint)", () => {
  it("co-signs a first checkpoint and then each append-only extension, with a valid co-signature", () => {
    const w = witness(2);
    const t = tree(leaves);
    const first = w.submit(request(0, [], checkpointNote(t, 5)));
    expect(first.status).toBe(200);
    const next = w.submit(request(5, t.consistencyProof(5, 12), checkpointNote(t, 12)));
    expect(next.status).toBe(200);
    if (next.status !== 200) return;
    const cosigned = `${checkpointNote(t, 12)}${next.body}`;
    const checked = verifyNote(cosigned, [logVerifier, w.verifier]);
    expect(checked.ok && checked.value.verifiedBy.length).toBe(2);
    expect(w.states.get(ORIGIN)?.size).toBe(12);
  });

  it("answers 409 with its size (text/x.tlog.size) when the old size is not the last one it co-signed", () => {
    const w = witness(3);
    const t = tree(leaves);
    w.submit(request(0, [], checkpointNote(t, 5)));
    const answer = w.submit(request(0, [], checkpointNote(t, 12)));
    expect(answer).toMatchObject({ status: 409, body: "5\n", contentType: "text/x.tlog.size" });
  });

  it("refuses a checkpoint that rewrites history (422) and keeps the evidence with both roots", () => {
    const w = witness(4);
    const honest = tree(leaves);
    w.submit(request(0, [], checkpointNote(honest, 8)));
    const rewritten = tree([...leaves.slice(0, 3), "forged", ...leaves.slice(4)]);
    const answer = w.submit(request(8, rewritten.consistencyProof(8, 12), checkpointNote(rewritten, 12)));
    expect(answer.status).toBe(422);
    if (answer.status === 200) return;
    expect(answer.fork?.roots).toEqual([toBase64(honest.root(8)), toBase64(rewritten.root(12))]);
    // Once caught, the witness co-signs nothing more for that log, not even the honest tree.
    expect(w.submit(request(8, honest.consistencyProof(8, 12), checkpointNote(honest, 12))).status).toBe(422);
  });

  it("answers 404 for an unknown origin, 403 for a checkpoint the log did not sign, 400 for a malformed body", () => {
    const w = witness(5);
    const t = tree(leaves);
    const stranger = generateKeyPair(new Uint8Array(32).fill(9));
    const forged = signNote(formatCheckpoint({ origin: ORIGIN, size: 5, root: t.root(5), extensions: [] }), [ed25519NoteSigner(ORIGIN, stranger.secretKey, stranger.publicKey)]);
    const other = signNote(formatCheckpoint({ origin: "other.example/log", size: 5, root: t.root(5), extensions: [] }), [logSigner]);
    expect(w.submit(request(0, [], other)).status).toBe(404);
    expect(w.submit(request(0, [], forged)).status).toBe(403);
    expect(w.submit("old x\n\n" + checkpointNote(t, 5)).status).toBe(400);
    expect(w.submit(request(6, [], checkpointNote(t, 5))).status).toBe(400);
    expect(w.submit(request(0, [t.root(1)], checkpointNote(t, 5))).status).toBe(422);
  });

  it("detects a split view by gossip: two witnesses shown two trees of one size both refuse, naming the two roots", () => {
    const a = witness(6);
    const b = witness(7);
    const honest = tree(leaves);
    const other = tree([...leaves.slice(0, 11), "shown to b only"]);
    expect(a.submit(request(0, [], checkpointNote(honest, 12))).status).toBe(200);
    expect(b.submit(request(0, [], checkpointNote(other, 12))).status).toBe(200);
    const aSees = compareWithPeer(a.states.get(ORIGIN)!, b.states.get(ORIGIN)!.note, [logVerifier], null);
    const bSees = compareWithPeer(b.states.get(ORIGIN)!, a.states.get(ORIGIN)!.note, [logVerifier], null);
    expect(aSees.ok).toBe(false);
    expect(bSees.ok).toBe(false);
    if (aSees.ok || bSees.ok) return;
    expect(new Set(aSees.fork!.roots)).toEqual(new Set([toBase64(honest.root()), toBase64(other.root())]));
    a.states.set(ORIGIN, { ...a.states.get(ORIGIN)!, fork: aSees.fork! });
    expect(a.submit(request(12, [], checkpointNote(honest, 12))).status).toBe(422);
  });

  it("accepts a peer's larger checkpoint with a consistency proof, and calls a failing one a split view", () => {
    const a = witness(8);
    const t = tree(leaves);
    a.submit(request(0, [], checkpointNote(t, 6)));
    const peer = signNote(formatCheckpoint({ origin: ORIGIN, size: 12, root: t.root(12), extensions: [] }), [logSigner]);
    expect(compareWithPeer(a.states.get(ORIGIN)!, peer, [logVerifier], t.consistencyProof(6, 12))).toEqual({ ok: true });
    const forged = tree([...leaves.slice(0, 2), "x", ...leaves.slice(3)]);
    const bad = compareWithPeer(a.states.get(ORIGIN)!, checkpointNote(forged, 12), [logVerifier], forged.consistencyProof(6, 12));
    expect(bad.ok).toBe(false);
  });
});
