// C2SP checkpoints (c2sp.org/tlog-checkpoint): the note text "<origin>\n<size>\n<base64 root>\n"
// plus optional extension lines, signed by the log and co-signed by witnesses.
import { fromBase64, toBase64 } from "./base64.ts";
import type { Parsed } from "./signed-note.ts";

export interface TlogCheckpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions: string[];
}

export function formatCheckpoint(cp: TlogCheckpoint): string {
  return [cp.origin, String(cp.size), toBase64(cp.root), ...cp.extensions].join("\n") + "\n";
}

export function parseCheckpoint(text: string): Parsed<TlogCheckpoint> {
  if (!text.endsWith("\n")) return { ok: false, reason: "a checkpoint's text ends in a newline" };
  const lines = text.slice(0, -1).split("\n");
  if (lines.length < 3 || lines.some((l) => l === "")) return { ok: false, reason: "a checkpoint has at least three non-empty lines" };
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    return { ok: false, reason: "the tree size is a decimal number without leading zeros" };
  }
  const root = fromBase64(rootText);
  if (root === null || root.length !== 32) return { ok: false, reason: "the root hash is 32 bytes in base64" };
  return { ok: true, value: { origin, size: Number(sizeText), root, extensions } };
}
