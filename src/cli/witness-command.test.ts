import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ed25519NoteSigner,
  formatCheckpoint,
  formatVerifierKey,
  ed25519NoteVerifier,
  generateKeyPair,
  MerkleTree,
  signNote,
  utf8,
} from "../ledger/index.ts";
import { apiFixture, type ApiFixture } from "../server/test-support/api-fixture.ts";
import { logKeysByOrigin } from "./witness-command.ts";
import { createWitness, followOnce, handleWitnessRequest, WitnessState, type Fetch, type Witness } from "./witness-node.ts";
import { runLogVerify } from "./log-command.ts";

const quiet = () => {
  const out: string[] = [];
  return { out, io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) } };
};

async function makeWitness(dir: string, seed: number, logKeys: string[]): Promise<Witness> {
  const key = { name: `witness.example/w${seed}`, secretKey: generateKeyPair(new Uint8Array(32).fill(seed)).secretKey };
  return createWitness(key, logKeysByOrigin(logKeys), await new WitnessState(join(dir, `w${seed}`)).load(), () => 1_800_000_000);
}

/** Routes the log's URL to the app and each witness's URL to its handler, without ports. */
function network(f: ApiFixture | null, witnesses: Record<string, Witness>, log?: (path: string, init?: RequestInit) => Promise<Response>): Fetch {
  return async (url, init) => {
    const u = new URL(url);
    if (u.host === "log") return log ? log(u.pathname + u.search, init) : f!.app.request(u.pathname + u.search, init);
    const w = witnesses[u.host]!;
    const a = await handleWitnessRequest(w, init?.method ?? "GET", u.pathname, typeof init?.body === "string" ? init.body : "");
    return new Response(a.body, { status: a.status, headers: { "content-type": a.contentType } });
  };
}

describe("homeward witness following a Homeward log", () => {
  let f: ApiFixture;
  let dir: string;
  let logVkey: string;
  let a: Witness;
  let b: Witness;
  let net: Fetch;
  const logKeys = () => [...logKeysByOrigin([logVkey]).values()].flat();

  beforeAll(async () => {
    f = await apiFixture();
    dir = await mkdtemp(join(tmpdir(), "homeward-witness-"));
    const t = await f.login("tracing");
    const res = await f.call(t, "POST", "/api/cases", { names: [{ given: "Олена", family: "Шевченко" }], sex: "F", clientId: "w-1" });
    expect(res.status).toBe(201);
    logVkey = ((await (await f.call(null, "GET", "/api/log/witnesses")).json()) as { log: { vkey: string } }).log.vkey;
    a = await makeWitness(dir, 11, [logVkey]);
    b = await makeWitness(dir, 12, [logVkey]);
    net = network(f, { wa: a, wb: b });
  });
  afterAll(async () => {
    await f?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("lets only an admin register a witness", async () => {
    expect((await f.call(await f.login("tracing-verifier"), "POST", "/api/log/witnesses", { vkey: a.vkey })).status).toBe(403);
    const admin = await f.login("admin");
    expect((await f.call(admin, "POST", "/api/log/witnesses", { vkey: a.vkey })).status).toBe(201);
    expect((await f.call(admin, "POST", "/api/log/witnesses", { vkey: "not a key" })).status).toBe(422);
    expect((await f.call(admin, "POST", "/api/log/witnesses", { vkey: b.vkey })).status).toBe(201);
  });

  it("co-signs the log's checkpoint, hands it back, and the log serves the co-signed note", async () => {
    expect(await followOnce(a, "http://log", logKeys(), ["http://wb"], net)).toMatchObject({ status: "cosigned" });
    expect(await followOnce(b, "http://log", logKeys(), ["http://wa"], net)).toMatchObject({ status: "cosigned" });
    const note = await (await f.call(null, "GET", "/api/log/note")).text();
    expect(note).toContain("— witness.example/w11 ");
    expect(note).toContain("— witness.example/w12 ");
  });

  it("co-signs the next size from a consistency proof, and `log verify --note` holds the export to the witnessed root", async () => {
    const t = await f.login("tracing");
    await f.call(t, "POST", "/api/cases", { names: [{ given: "Іван", family: "Коваль" }], sex: "M", clientId: "w-2" });
    expect(await followOnce(a, "http://log", logKeys(), [], net)).toMatchObject({ status: "cosigned" });
    expect(await followOnce(b, "http://log", logKeys(), ["http://wa"], net)).toMatchObject({ status: "cosigned" });
    const note = await (await f.call(null, "GET", "/api/log/note")).text();
    const size = Number(note.split("\n")[1]);
    const lines: string[] = [];
    for await (const line of f.store.ledger.exportLines()) lines.push(line);
    await writeFile(join(dir, "log.jsonl"), `${lines.join("\n")}\n`);
    await writeFile(join(dir, "note.txt"), note);
    await writeFile(join(dir, "witnesses.txt"), `# the two witnesses we trust\n${a.vkey}\n${b.vkey}\n`);
    const opts = { note: join(dir, "note.txt"), logKey: logVkey, witnesses: join(dir, "witnesses.txt"), checkpoint: [] };
    const ok = quiet();
    const code = await runLogVerify(join(dir, "log.jsonl"), { ...opts, quorum: "2" }, ok.io);
    expect(ok.out.join("\n")).toContain("witnessed one");
    expect(code).toBe(0);
    expect(ok.out.join("\n")).toContain(`size ${size}, signed by the log`);
    const short = quiet();
    expect(await runLogVerify(join(dir, "log.jsonl"), { ...opts, quorum: "3" }, short.io)).toBe(1);
    expect(short.out.join("\n")).toContain("3 witness co-signatures required, 2 verified");
    // A note from a log key the reader does not trust proves nothing.
    const stranger = generateKeyPair(new Uint8Array(32).fill(99));
    const wrongKey = quiet();
    expect(await runLogVerify(join(dir, "log.jsonl"), { ...opts, logKey: formatVerifierKey(ed25519NoteVerifier(note.split("\n")[0]!, stranger.publicKey)) }, wrongKey.io)).toBe(1);
  });
});

describe("a split view shown to two witnesses", () => {
  it("is detected by both through gossip; neither co-signs again, and the evidence names the two roots", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-split-"));
    try {
      const origin = "evil.example/log";
      const key = generateKeyPair(new Uint8Array(32).fill(5));
      const vkey = formatVerifierKey(ed25519NoteVerifier(origin, key.publicKey));
      const trees = ["a", "b"].map((side) => {
        const t = new MerkleTree();
        for (let i = 0; i < 9; i++) t.append(utf8(i === 8 ? `entry shown to ${side}` : `entry ${i}`));
        return t;
      });
      const noteOf = (t: MerkleTree) => signNote(formatCheckpoint({ origin, size: t.size, root: t.root(), extensions: [] }), [ed25519NoteSigner(origin, key.secretKey, key.publicKey)]);
      const a = await makeWitness(dir, 21, [vkey]);
      const b = await makeWitness(dir, 22, [vkey]);
      // The log answers each witness with its own tree of the same size.
      const logFor = (t: MerkleTree) => async (path: string) => new Response(path.startsWith("/api/log/note/cosignatures") ? '{"kept":[]}' : path.startsWith("/api/log/note") && !path.includes("consistency") ? noteOf(t) : "", { status: 200 });
      const keys = [...logKeysByOrigin([vkey]).values()].flat();
      expect((await followOnce(a, "http://log", keys, [], network(null, { wa: a, wb: b }, logFor(trees[0]!)))).status).toBe("cosigned");
      expect((await followOnce(b, "http://log", keys, [], network(null, { wa: a, wb: b }, logFor(trees[1]!)))).status).toBe("cosigned");
      const seenByA = await followOnce(a, "http://log", keys, ["http://wb"], network(null, { wa: a, wb: b }, logFor(trees[0]!)));
      const seenByB = await followOnce(b, "http://log", keys, ["http://wa"], network(null, { wa: a, wb: b }, logFor(trees[1]!)));
      expect(seenByA.status).toBe("fork");
      expect(seenByB.status).toBe("fork");
      const evidence = JSON.parse(await readFile(seenByA.evidence!, "utf8")) as { roots: string[] };
      const roots = trees.map((t) => Buffer.from(t.root()).toString("base64"));
      expect(new Set(evidence.roots)).toEqual(new Set(roots));
      expect((await readdir(join(dir, "w22", "evidence"))).length).toBe(1);
      // Caught once, refused for good: not even the tree it saw first is co-signed again.
      expect((await followOnce(a, "http://log", keys, [], network(null, { wa: a, wb: b }, logFor(trees[0]!)))).status).toBe("fork");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
