// A witness (c2sp.org/tlog-witness): it co-signs a log's checkpoint only when it is an
// append-only extension of the last one it co-signed, and keeps the evidence when the log shows
// it, or another witness, a history that cannot be true. Pure: the caller persists the state
// atomically with the answer (the CLI's `homeward witness`).
import { fromBase64, toBase64 } from "./base64.ts";
import { bytesEqual } from "./bytes.ts";
import { emptyRoot, verifyConsistency } from "./merkle.ts";
import { formatSignatureLine, verifyNote, type NoteSigner, type NoteVerifier } from "./signed-note.ts";
import { sha256 as defaultSha256, type Sha256 } from "./sha256.ts";
import { parseCheckpoint, type TlogCheckpoint } from "./tlog-checkpoint.ts";

export const MAX_PROOF_LINES = 63;

/** What a witness remembers of one log. */
export interface WitnessLogState {
  size: number;
  /** base64 root of `size`. */
  root: string;
  /** The last checkpoint it co-signed, with the log's signature and its own. */
  note: string;
  /** Set once the log is caught showing two histories: nothing is co-signed after that. */
  fork?: ForkEvidence;
}

export interface ForkEvidence {
  origin: string;
  reason: string;
  /** The two checkpoints that cannot both be true, each signed by the log. */
  notes: [string, string];
  roots: [string, string];
  sizes: [number, number];
}

export interface WitnessConfig {
  /** The logs this witness follows, by origin, each with the keys its checkpoints are signed with. */
  logs: ReadonlyMap<string, readonly NoteVerifier[]>;
  cosigner: NoteSigner;
  hash?: Sha256;
}

export type AddCheckpointAnswer =
  | { status: 200; body: string; state: WitnessLogState }
  | { status: 400 | 403 | 404 | 409 | 422; body: string; contentType?: "text/x.tlog.size"; fork?: ForkEvidence };

interface AddCheckpointRequest {
  oldSize: number;
  proof: Uint8Array[];
  note: string;
}

function parseRequest(body: string): AddCheckpointRequest | string {
  const blank = body.indexOf("\n\n");
  if (blank < 0) return "the body is an old size line, proof lines, a blank line and a checkpoint";
  const head = body.slice(0, blank).split("\n");
  const old = /^old (0|[1-9][0-9]*)$/.exec(head[0] ?? "");
  if (old === null || !Number.isSafeInteger(Number(old[1]))) return "the first line is `old <size>`";
  if (head.length - 1 > MAX_PROOF_LINES) return `at most ${MAX_PROOF_LINES} proof lines`;
  const proof: Uint8Array[] = [];
  for (const line of head.slice(1)) {
    const h = fromBase64(line);
    if (h === null || h.length !== 32) return "each proof line is a 32-byte hash in base64";
    proof.push(h);
  }
  return { oldSize: Number(old[1]), proof, note: body.slice(blank + 2) };
}

function consistencyProblem(req: AddCheckpointRequest, cp: TlogCheckpoint, last: WitnessLogState | null, hash: Sha256): string | null {
  if (cp.size === 0 && !bytesEqual(cp.root, emptyRoot(hash))) return "a checkpoint of size 0 has the empty tree's root";
  if (req.oldSize === 0) return req.proof.length === 0 ? null : "no proof is given from size 0";
  const oldRoot = fromBase64(last!.root)!;
  if (req.oldSize === cp.size) return bytesEqual(oldRoot, cp.root) ? null : `two roots for size ${cp.size}`;
  const r = verifyConsistency(req.oldSize, cp.size, oldRoot, cp.root, req.proof, hash);
  return r.ok ? null : `the tree of size ${cp.size} does not extend the tree of size ${req.oldSize} (${r.reason})`;
}

/** The add-checkpoint call: the answer, and the state to persist (atomically) when it is 200. */
export function addCheckpoint(body: string, last: (origin: string) => WitnessLogState | null, config: WitnessConfig): AddCheckpointAnswer {
  const hash = config.hash ?? defaultSha256;
  const req = parseRequest(body);
  if (typeof req === "string") return { status: 400, body: `${req}\n` };
  const firstLine = req.note.slice(0, Math.max(0, req.note.indexOf("\n")));
  const keys = config.logs.get(firstLine);
  if (keys === undefined) return { status: 404, body: "unknown log origin\n" };
  const checked = verifyNote(req.note, keys);
  if (!checked.ok) return { status: 403, body: `${checked.reason}\n` };
  const cp = parseCheckpoint(checked.value.note.text);
  if (!cp.ok) return { status: 400, body: `${cp.reason}\n` };
  if (req.oldSize > cp.value.size) return { status: 400, body: "the old size is larger than the checkpoint's\n" };
  const prev = last(cp.value.origin);
  if (prev?.fork) return { status: 422, body: `this log has shown two histories: ${prev.fork.reason}\n`, fork: prev.fork };
  if (req.oldSize !== (prev?.size ?? 0)) return { status: 409, body: `${prev?.size ?? 0}\n`, contentType: "text/x.tlog.size" };
  const problem = consistencyProblem(req, cp.value, prev, hash);
  if (problem !== null) {
    const fork = prev === null ? undefined : forkEvidence(cp.value.origin, problem, prev, req.note, cp.value);
    return { status: 422, body: `${problem}\n`, ...(fork ? { fork } : {}) };
  }
  const line = formatSignatureLine({ name: config.cosigner.name, keyId: config.cosigner.keyId, signature: config.cosigner.sign(checked.value.note.text) });
  return {
    status: 200,
    body: line,
    state: { size: cp.value.size, root: toBase64(cp.value.root), note: `${req.note}${line}` },
  };
}

function forkEvidence(origin: string, reason: string, prev: WitnessLogState, note: string, cp: TlogCheckpoint): ForkEvidence {
  return { origin, reason, notes: [prev.note, note], roots: [prev.root, toBase64(cp.root)], sizes: [prev.size, cp.size] };
}

/**
 * Gossip: compares a checkpoint another witness co-signed with this witness's own. Two
 * checkpoints of one size with different roots, each signed by the log, prove a split view;
 * for different sizes the log must give a consistency proof, and one that fails proves it too.
 */
export function compareWithPeer(
  own: WitnessLogState,
  peerNote: string,
  logKeys: readonly NoteVerifier[],
  proof: readonly Uint8Array[] | null,
  hash: Sha256 = defaultSha256,
): { ok: true } | { ok: false; fork?: ForkEvidence; reason: string } {
  const checked = verifyNote(peerNote, logKeys);
  if (!checked.ok) return { ok: false, reason: `the peer's checkpoint is not the log's: ${checked.reason}` };
  const cp = parseCheckpoint(checked.value.note.text);
  if (!cp.ok) return { ok: false, reason: cp.reason };
  const peerRoot = toBase64(cp.value.root);
  const evidence = (reason: string): ForkEvidence => forkEvidence(cp.value.origin, reason, own, peerNote, cp.value);
  if (cp.value.size === own.size) {
    return peerRoot === own.root ? { ok: true } : { ok: false, reason: `split view: two roots for size ${own.size}`, fork: evidence(`split view: two roots for size ${own.size} (${own.root}, ${peerRoot})`) };
  }
  const [small, large] = own.size < cp.value.size ? [{ size: own.size, root: fromBase64(own.root)! }, cp.value] : [cp.value, { size: own.size, root: fromBase64(own.root)! }];
  if (small.size === 0) return { ok: true };
  if (proof === null) return { ok: false, reason: "the log gave no consistency proof between the two checkpoints" };
  const r = verifyConsistency(small.size, large.size, small.root, large.root, proof, hash);
  if (r.ok) return { ok: true };
  const reason = `split view: the tree of size ${large.size} does not extend the tree of size ${small.size}`;
  return { ok: false, reason, fork: evidence(reason) };
}
