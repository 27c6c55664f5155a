// `homeward log verify --note`: a checkpoint note must be signed by the log's key, co-signed by a
// quorum of the witnesses the reader trusts, and name the root of the exported log at its size.
// A log that showed this reader another history than the witnesses saw fails here.
import { readFile } from "node:fs/promises";
import {
  cosignatureVerifier,
  ed25519NoteVerifier,
  MerkleTree,
  parseCheckpoint,
  parseVerifierKey,
  SIG_COSIGNATURE_ED25519,
  SIG_ED25519,
  toBase64,
  utf8,
  verifyNote,
  type NoteVerifier,
} from "../ledger/index.ts";
import { nodeSha256 } from "../ledger-node/index.ts";
import { readLines } from "./log-file.ts";

export interface NoteCheckOptions {
  note: string;
  logKey: string;
  witnesses?: string;
  quorum: number;
}

function verifierOf(vkey: string, type: number, what: string): NoteVerifier {
  const p = parseVerifierKey(vkey);
  if (!p.ok) throw new Error(`${what} ${vkey}: ${p.reason}`);
  if (p.value.type !== type) throw new Error(`${what} ${vkey}: expected a key of type 0x0${type}`);
  return type === SIG_ED25519 ? ed25519NoteVerifier(p.value.name, p.value.publicKey) : cosignatureVerifier(p.value.name, p.value.publicKey);
}

/** Witness verifier keys, one a line; blank lines and lines starting with # are skipped. */
export async function readWitnessKeys(path: string): Promise<NoteVerifier[]> {
  const lines = (await readFile(path, "utf8")).split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  return lines.map((l) => verifierOf(l, SIG_COSIGNATURE_ED25519, `witness key in ${path}:`));
}

async function rootOfExport(logPath: string, size: number): Promise<string | null> {
  const tree = new MerkleTree({ hash: nodeSha256 });
  for await (const line of readLines(logPath)) {
    if (tree.size === size) break;
    if (line.startsWith('{"entry"') || (JSON.parse(line) as { kind?: string }).kind === "entry") tree.append(utf8(line));
  }
  return tree.size === size ? toBase64(tree.root(size)) : null;
}

export async function checkNote(logPath: string, opts: NoteCheckOptions): Promise<{ ok: boolean; lines: string[] }> {
  const logKey = verifierOf(opts.logKey, SIG_ED25519, "--log-key");
  const witnesses = opts.witnesses === undefined ? [] : await readWitnessKeys(opts.witnesses);
  const checked = verifyNote(await readFile(opts.note, "utf8"), [logKey, ...witnesses]);
  if (!checked.ok) return { ok: false, lines: [`checkpoint note ${opts.note}: ${checked.reason}`] };
  if (!checked.value.verifiedBy.includes(logKey)) return { ok: false, lines: [`checkpoint note ${opts.note} is not signed by the log's key ${logKey.name}`] };
  const cp = parseCheckpoint(checked.value.note.text);
  if (!cp.ok) return { ok: false, lines: [`checkpoint note ${opts.note}: ${cp.reason}`] };
  const cosigners = checked.value.verifiedBy.filter((v) => v !== logKey).map((v) => v.name);
  const lines = [`checkpoint note: size ${cp.value.size}, signed by the log (${logKey.name}), co-signed by ${cosigners.length} trusted witness(es)${cosigners.length ? `: ${cosigners.join(", ")}` : ""}`];
  if (cosigners.length < opts.quorum) return { ok: false, lines: [...lines, `FAILED: ${opts.quorum} witness co-signatures required, ${cosigners.length} verified`] };
  const root = await rootOfExport(logPath, cp.value.size);
  const noted = toBase64(cp.value.root);
  if (root === null) return { ok: false, lines: [...lines, `FAILED: the export holds fewer than ${cp.value.size} entries`] };
  if (root !== noted) return { ok: false, lines: [...lines, `FAILED: split view: the witnessed root of size ${cp.value.size} is ${noted}, the export's is ${root}`] };
  return { ok: true, lines: [...lines, `the export's root at size ${cp.value.size} is the witnessed one`] };
}
