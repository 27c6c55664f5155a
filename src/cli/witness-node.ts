// A witness's Node side: its key file, its state folder (written atomically before it answers),
// the add-checkpoint and monitoring endpoints of c2sp.org/tlog-witness, and the follower that
// pulls a Homeward log's checkpoints, co-signs what extends the last one it saw, hands the
// co-signature back, and compares notes with its peers.
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  addCheckpoint,
  compareWithPeer,
  cosignatureVerifier,
  cosigner,
  formatNote,
  formatVerifierKey,
  fromBase64,
  generateKeyPair,
  isKeyName,
  parseNote,
  publicKeyOf,
  toBase64,
  verifyNote,
  type AddCheckpointAnswer,
  type ForkEvidence,
  type NoteVerifier,
  type WitnessLogState,
} from "../ledger/index.ts";
import { nodeSha256 } from "../ledger-node/index.ts";

export interface WitnessKey {
  name: string;
  secretKey: Uint8Array;
}

export async function writeWitnessKey(file: string, name: string): Promise<string> {
  if (!isKeyName(name)) throw new Error("a witness name has no spaces or plus signs (e.g. witness.example.org/w1)");
  const pair = generateKeyPair();
  await writeFile(file, `${JSON.stringify({ name, secretKey: toBase64(pair.secretKey) })}\n`, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
  return formatVerifierKey(cosignatureVerifier(name, pair.publicKey));
}

export async function readWitnessKey(file: string): Promise<WitnessKey> {
  const json = JSON.parse(await readFile(file, "utf8")) as { name?: unknown; secretKey?: unknown };
  const secretKey = typeof json.secretKey === "string" ? fromBase64(json.secretKey) : null;
  if (typeof json.name !== "string" || !isKeyName(json.name) || secretKey === null || secretKey.length !== 32) {
    throw new Error(`${file} is not a witness key file (made by \`homeward witness keygen\`)`);
  }
  return { name: json.name, secretKey };
}

export const originHash = (origin: string): string => createHash("sha256").update(origin).digest("hex");

/** What a witness keeps on disk: per log origin its last co-signed checkpoint, and fork evidence. */
export class WitnessState {
  private states = new Map<string, WitnessLogState>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  async load(): Promise<this> {
    await mkdir(join(this.dir, "evidence"), { recursive: true, mode: 0o700 });
    try {
      const json = JSON.parse(await readFile(join(this.dir, "state.json"), "utf8")) as Record<string, WitnessLogState>;
      this.states = new Map(Object.entries(json));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    return this;
  }

  get(origin: string): WitnessLogState | null {
    return this.states.get(origin) ?? null;
  }

  /** Runs `change` alone (checks and persists are one step, as the protocol requires). */
  exclusive<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change, change);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async set(origin: string, state: WitnessLogState): Promise<void> {
    this.states.set(origin, state);
    const tmp = join(this.dir, `state.json.${randomBytes(4).toString("hex")}.tmp`);
    await writeFile(tmp, JSON.stringify(Object.fromEntries(this.states), null, 2), { mode: 0o600 });
    await rename(tmp, join(this.dir, "state.json"));
  }

  async keepFork(fork: ForkEvidence): Promise<string> {
    const file = join(this.dir, "evidence", `${new Date().toISOString().replaceAll(":", "")}-${originHash(fork.origin).slice(0, 12)}.json`);
    await writeFile(file, JSON.stringify(fork, null, 2), { mode: 0o600 });
    const prev = this.get(fork.origin);
    if (prev !== null && prev.fork === undefined) await this.set(fork.origin, { ...prev, fork });
    return file;
  }
}

export interface Witness {
  name: string;
  vkey: string;
  state: WitnessState;
  submit(body: string): Promise<AddCheckpointAnswer>;
  /** The monitoring endpoint: the last checkpoint co-signed for an origin hash, or null. */
  latest(hash: string): string | null;
}

export function createWitness(key: WitnessKey, logs: ReadonlyMap<string, readonly NoteVerifier[]>, state: WitnessState, now: () => number = () => Date.now() / 1000): Witness {
  const publicKey = publicKeyOf(key.secretKey);
  const config = { logs, cosigner: cosigner(key.name, key.secretKey, publicKey, now), hash: nodeSha256 };
  return {
    name: key.name,
    vkey: formatVerifierKey(cosignatureVerifier(key.name, publicKey)),
    state,
    submit: (body) =>
      state.exclusive(async () => {
        const answer = addCheckpoint(body, (o) => state.get(o), config);
        if (answer.status === 200) await state.set(answer.state.note.split("\n")[0]!, answer.state);
        else if (answer.fork) await state.keepFork(answer.fork);
        return answer;
      }),
    latest(hash) {
      for (const origin of logs.keys()) if (originHash(origin) === hash) return state.get(origin)?.note ?? null;
      return null;
    },
  };
}

/** The witness's HTTP face (c2sp.org/tlog-witness): POST /add-checkpoint, GET /<origin hash>/checkpoint. */
export async function handleWitnessRequest(witness: Witness, method: string, path: string, body: string): Promise<{ status: number; body: string; contentType: string }> {
  if (method === "POST" && path === "/add-checkpoint") {
    const answer = await witness.submit(body);
    return { status: answer.status, body: answer.body, contentType: "contentType" in answer && answer.contentType ? answer.contentType : "text/plain; charset=utf-8" };
  }
  const m = /^\/([0-9a-f]{64})\/checkpoint$/.exec(path);
  if (method === "GET" && m) {
    const note = witness.latest(m[1]!);
    return note === null ? { status: 404, body: "no checkpoint co-signed for that log\n", contentType: "text/plain" } : { status: 200, body: note, contentType: "text/plain; charset=utf-8" };
  }
  return { status: 404, body: "not found\n", contentType: "text/plain" };
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface FollowResult {
  origin: string;
  size: number;
  status: "cosigned" | "unchanged" | "refused" | "fork";
  detail: string;
  evidence?: string;
}

async function text(fetcher: Fetch, url: string, init?: RequestInit): Promise<string> {
  const res = await fetcher(url, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${res.status} ${body.slice(0, 200)}`);
  return body;
}

/** The log's checkpoint without the co-signatures of others: what the witness is asked to co-sign. */
function logSignedOnly(note: string, logKeys: readonly NoteVerifier[]): { text: string; note: string } {
  const checked = verifyNote(note, logKeys);
  if (!checked.ok) throw new Error(`the log's checkpoint does not verify with its key: ${checked.reason}`);
  const own = checked.value.note.signatures.filter((s) => logKeys.some((k) => k.name === s.name && k.keyId === s.keyId));
  return { text: checked.value.note.text, note: formatNote({ text: checked.value.note.text, signatures: own }) };
}

/** One round of following a Homeward log: fetch, check, co-sign, hand back; then gossip with peers. */
export async function followOnce(witness: Witness, logUrl: string, logKeys: readonly NoteVerifier[], peers: readonly string[], fetcher: Fetch): Promise<FollowResult> {
  const base = logUrl.replace(/\/+$/, "");
  const { text: cpText, note } = logSignedOnly(await text(fetcher, `${base}/api/log/note`), logKeys);
  const origin = cpText.split("\n")[0]!;
  const size = Number(cpText.split("\n")[1]);
  const last = witness.state.get(origin);
  let result: FollowResult;
  if (last?.fork) {
    result = { origin, size, status: "fork", detail: last.fork.reason };
  } else if (last !== null && last.size > size) {
    result = { origin, size, status: "refused", detail: `the log served size ${size}, smaller than ${last.size} already co-signed` };
  } else {
    const old = last?.size ?? 0;
    const proof = old === 0 || old === size ? "" : await text(fetcher, `${base}/api/log/note/consistency?old=${old}&new=${size}`);
    const answer = await witness.submit(`old ${old}\n${proof}\n${note}`);
    if (answer.status === 200) {
      await text(fetcher, `${base}/api/log/note/cosignatures`, { method: "POST", headers: { "content-type": "text/plain" }, body: `${note}${answer.body}` });
      result = { origin, size, status: old === size ? "unchanged" : "cosigned", detail: `co-signed size ${size}` };
    } else {
      result = { origin, size, status: answer.fork ? "fork" : "refused", detail: answer.body.trim() };
    }
  }
  return gossip(witness, base, origin, logKeys, peers, fetcher, result);
}

async function gossip(witness: Witness, base: string, origin: string, logKeys: readonly NoteVerifier[], peers: readonly string[], fetcher: Fetch, result: FollowResult): Promise<FollowResult> {
  for (const peer of peers) {
    const own = witness.state.get(origin);
    if (own === null || own.fork) break;
    const res = await fetcher(`${peer.replace(/\/+$/, "")}/${originHash(origin)}/checkpoint`);
    if (res.status === 404) continue;
    const peerNote = await res.text();
    const parsed = parseNote(peerNote);
    if (!parsed.ok) continue;
    const peerSize = Number(parsed.value.text.split("\n")[1]);
    const [small, large] = peerSize < own.size ? [peerSize, own.size] : [own.size, peerSize];
    const proof = small === 0 || small === large ? null : (await text(fetcher, `${base}/api/log/note/consistency?old=${small}&new=${large}`)).split("\n").filter((l) => l !== "").map((l) => fromBase64(l) ?? new Uint8Array());
    const seen = compareWithPeer(own, peerNote, logKeys, proof, nodeSha256);
    if (!seen.ok && seen.fork) {
      const evidence = await witness.state.keepFork(seen.fork);
      return { origin, size: result.size, status: "fork", detail: `${seen.reason} (peer ${peer})`, evidence };
    }
  }
  return result;
}
