// A chunk of a log file's lines as the line checker sees it, on a worker or on the main thread:
// splitting the bytes into lines, checking them, and the compact form the verdicts travel in
// back to the main thread (most lines are plain entries: columns and a string table instead of
// thousands of small objects to clone).
import { isUtf8 } from "node:buffer";
import { announcedKey, checkLines, type EntryFacts, type EntryVerdict, type KeyLookup, type LineVerdict, type SignatureVerdict } from "../ledger/entry-line-check.ts";
import type { BatchVerifier, KeyRecord } from "../ledger/index.ts";
import { nodeLineHashing, nodeSha256 } from "./node-crypto.ts";
// The registry's entry types (case.*): every thread that checks lines must
// know the same types as the rest of the program, or a case entry carrying its payload would
// pass on a worker and fail on the main thread.
import "./case-entry-types.ts";

const NEWLINE = 10;
const NOT_UTF8: LineVerdict = { kind: "bad-line", reason: "not valid UTF-8" };

/** The lines of a chunk (a final line break ends the last line, it does not start an empty one). */
export function linesOf(bytes: Buffer): { lines: string[]; notUtf8: Set<number> } {
  const notUtf8 = new Set<number>();
  if (isUtf8(bytes)) {
    const lines = bytes.toString("utf8").split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    return { lines, notUtf8 };
  }
  // Rare: find the lines at fault, so the first of them is named rather than silently decoded.
  const lines: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    if (!isUtf8(line)) notUtf8.add(lines.length);
    lines.push(line.toString("utf8"));
    start = end + 1;
  }
  return { lines, notUtf8 };
}

export async function checkChunk(bytes: Buffer, keys: KeyLookup, verifier: BatchVerifier): Promise<LineVerdict[]> {
  const { lines, notUtf8 } = linesOf(bytes);
  const verdicts = await checkLines(lines, keys, nodeLineHashing, verifier);
  for (const i of notUtf8) verdicts[i] = NOT_UTF8;
  return verdicts;
}

/** Keys that key.added and key.rotated lines of a chunk bring (see announcedKey). */
export function announcedKeysIn(bytes: Buffer): KeyRecord[] {
  const found: KeyRecord[] = [];
  // One pass for both types' common start; announcedKey looks at the lines found.
  let at = bytes.indexOf('"key.');
  while (at >= 0) {
    const start = bytes.lastIndexOf(NEWLINE, at) + 1;
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    const key = announcedKey(bytes.toString("utf8", start, end), nodeSha256);
    if (key) found.push(key);
    at = bytes.indexOf('"key.', end);
  }
  return found;
}

export interface PackedVerdicts {
  /** Per line: its place in `others`, or -1 for a plain entry (no payload, no payload problem) in the columns. */
  other: Int32Array;
  others: LineVerdict[];
  strings: string[];
  /** Per plain entry: its id. */
  ids: string[];
  /** Per plain entry: index, typeVersion. */
  numbers: Float64Array;
  /** Per plain entry: log, type, party, user (-1: none), signature count, then per signature its key and verdict. */
  fields: Int32Array;
  /** Per plain entry: its leaf hash. */
  leaves: Uint8Array;
}

export function packVerdicts(verdicts: readonly LineVerdict[]): PackedVerdicts {
  const other = new Int32Array(verdicts.length);
  const others: LineVerdict[] = [];
  const plain: EntryVerdict[] = [];
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v.kind === "entry" && v.entry.body === undefined && v.payloadProblem === undefined) {
      other[i] = -1;
      plain.push(v);
    } else {
      other[i] = others.length;
      others.push(v);
    }
  }
  const strings: string[] = [];
  const refs = new Map<string, number>();
  const ref = (s: string): number => {
    let r = refs.get(s);
    if (r === undefined) {
      r = strings.length;
      strings.push(s);
      refs.set(s, r);
    }
    return r;
  };
  const ids = new Array<string>(plain.length);
  const numbers = new Float64Array(plain.length * 2);
  const leaves = new Uint8Array(plain.length * 32);
  const fields: number[] = [];
  for (let e = 0; e < plain.length; e++) {
    const { entry, sigKeys, sigs, leaf } = plain[e]!;
    ids[e] = entry.id;
    numbers[2 * e] = entry.index;
    numbers[2 * e + 1] = entry.typeVersion;
    leaves.set(leaf, 32 * e);
    fields.push(ref(entry.log), ref(entry.type), ref(entry.party), entry.user === undefined ? -1 : ref(entry.user), sigKeys.length);
    for (let s = 0; s < sigKeys.length; s++) fields.push(ref(sigKeys[s]!), sigs[s]!);
  }
  return { other, others, strings, ids, numbers, fields: Int32Array.from(fields), leaves };
}

export function packedTransfer(p: PackedVerdicts): ArrayBuffer[] {
  return [p.other.buffer, p.numbers.buffer, p.fields.buffer, p.leaves.buffer] as ArrayBuffer[];
}

export function unpackVerdicts(p: PackedVerdicts): LineVerdict[] {
  const out = new Array<LineVerdict>(p.other.length);
  const { strings, fields, numbers } = p;
  let e = 0;
  let f = 0;
  for (let i = 0; i < out.length; i++) {
    const o = p.other[i]!;
    if (o >= 0) {
      out[i] = p.others[o]!;
      continue;
    }
    const entry: EntryFacts = {
      log: strings[fields[f]!]!,
      index: numbers[2 * e]!,
      id: p.ids[e]!,
      type: strings[fields[f + 1]!]!,
      typeVersion: numbers[2 * e + 1]!,
      party: strings[fields[f + 2]!]!,
    };
    if (fields[f + 3]! >= 0) entry.user = strings[fields[f + 3]!]!;
    const n = fields[f + 4]!;
    f += 5;
    const sigKeys = new Array<string>(n);
    const sigs = new Array<SignatureVerdict>(n);
    for (let s = 0; s < n; s++) {
      sigKeys[s] = strings[fields[f++]!]!;
      sigs[s] = fields[f++]! as SignatureVerdict;
    }
    out[i] = { kind: "entry", entry, sigKeys, sigs, leaf: p.leaves.subarray(32 * e, 32 * e + 32) };
    e++;
  }
  return out;
}
