// Detecting a split view: a log that shows one party a history and another party a different
// one must, sooner or later, give two checkpoints that cannot both be true.
import { fromHex } from "./bytes.ts";
import { verifyConsistency } from "./merkle.ts";
import type { Checkpoint } from "./schemas.ts";
import type { Sha256 } from "./sha256.ts";

export type CheckpointComparison = { consistent: true } | { consistent: false; reason: string };

/**
 * Compares two checkpoints of one log (e.g. one a party saved earlier and one the server shows
 * now). Equal sizes must have equal roots; otherwise `proof` must be an RFC 9162 consistency
 * proof from the smaller to the larger (GET /api/log/proofs/consistency).
 */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint, proof: readonly string[] = [], hash?: Sha256): CheckpointComparison {
  if (a.log !== b.log) return { consistent: false, reason: `checkpoints of different logs (${a.log}, ${b.log})` };
  if (a.size === b.size) {
    return a.root === b.root ? { consistent: true } : { consistent: false, reason: `split view: two roots for size ${a.size}` };
  }
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  if (small.size === 0) return { consistent: true };
  let path: Uint8Array[];
  try {
    path = proof.map((p) => fromHex(p, 32));
  } catch {
    return { consistent: false, reason: "the consistency proof is not a list of 32-byte hex hashes" };
  }
  const result = verifyConsistency(small.size, large.size, fromHex(small.root), fromHex(large.root), path, hash);
  return result.ok
    ? { consistent: true }
    : { consistent: false, reason: `split view: the tree of size ${large.size} does not extend the tree of size ${small.size} (${result.reason})` };
}
