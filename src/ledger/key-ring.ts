// Which keys may sign at which position in the log. Keys come from trust anchors (the log's
// header, or keys pinned by the person verifying) and from key entries in the log itself;
// a rotated or revoked key signs nothing after the entry that retired it.
import type { Entry, KeyRecord } from "./schemas.ts";

interface KeyState {
  record: KeyRecord;
  /** Index of the entry that added it, or -1 for an anchor. */
  addedAt: number;
  revokedAt?: number;
}

/**
 * Positions: entry i is at i; a checkpoint of size s sits between entries s-1 and s, at s - 0.5.
 * A key is valid at p when it was added before p and not revoked before p (a key may sign its
 * own revocation).
 */
export function checkpointPosition(size: number): number {
  return size - 0.5;
}

export class KeyRing {
  private readonly keys = new Map<string, KeyState>();

  constructor(anchors: readonly KeyRecord[] = []) {
    for (const key of anchors) this.addAnchor(key);
  }

  addAnchor(key: KeyRecord): void {
    const existing = this.keys.get(key.id);
    if (existing && !sameKey(existing.record, key)) throw new Error(`two different keys claim id ${key.id}`);
    if (!existing) this.keys.set(key.id, { record: key, addedAt: -1 });
  }

  get(id: string): KeyRecord | undefined {
    return this.keys.get(id)?.record;
  }

  all(): KeyRecord[] {
    return [...this.keys.values()].map((s) => s.record);
  }

  /** Why the key may not sign at `position`, or undefined when it may. */
  problemAt(id: string, position: number): string | undefined {
    const state = this.keys.get(id);
    if (!state) return `signed by unknown key ${id.slice(0, 16)}`;
    if (!(state.addedAt < position)) return `signed by key ${id.slice(0, 16)} before the entry ${state.addedAt} that adds it`;
    if (state.revokedAt !== undefined && position > state.revokedAt) {
      return `signed by key ${id.slice(0, 16)} of ${describe(state.record)} after its revocation at entry ${state.revokedAt}`;
    }
    return undefined;
  }

  /** Records a key entry's effect; the caller has already checked its signatures' authority. */
  add(key: KeyRecord, at: number): string | undefined {
    const existing = this.keys.get(key.id);
    if (existing) {
      if (!sameKey(existing.record, key)) return `key ${key.id.slice(0, 16)} is already known with different content`;
      if (existing.revokedAt !== undefined) return `key ${key.id.slice(0, 16)} was revoked and cannot come back`;
      return undefined;
    }
    this.keys.set(key.id, { record: key, addedAt: at });
    return undefined;
  }

  revoke(id: string, at: number): string | undefined {
    const state = this.keys.get(id);
    if (!state) return `revokes unknown key ${id.slice(0, 16)}`;
    if (state.revokedAt !== undefined) return `key ${id.slice(0, 16)} is already revoked`;
    state.revokedAt = at;
    return undefined;
  }
}

function sameKey(a: KeyRecord, b: KeyRecord): boolean {
  return a.id === b.id && a.publicKey === b.publicKey && a.party === b.party && a.user === b.user && a.algorithm === b.algorithm;
}

function describe(key: KeyRecord): string {
  return key.user === undefined ? `party ${key.party}` : `user ${key.user} of ${key.party}`;
}

/** Signers an entry needs, by rule; returns the reason the signature set is wrong, if it is. */
export function signatureAuthorityProblem(
  entry: Pick<Entry, "index" | "party" | "user">,
  sigKeys: readonly string[],
  ring: KeyRing,
  options: { requiresUserSignature: boolean; newKey?: string },
): string | undefined {
  const seen = new Set<string>();
  let partySigned = false;
  let userSigned = false;
  for (const id of sigKeys) {
    if (seen.has(id)) return `key ${id.slice(0, 16)} signs twice`;
    seen.add(id);
    if (id === options.newKey) continue; // proof of possession by the key being added
    const problem = ring.problemAt(id, entry.index);
    if (problem) return problem;
    const key = ring.get(id)!;
    if (key.party !== entry.party) return `signed by a key of ${key.party}, but the acting party is ${entry.party}`;
    if (key.user === undefined) partySigned = true;
    else if (key.user !== entry.user) return `signed by user ${key.user}, but the acting user is ${entry.user ?? "nobody"}`;
    else userSigned = true;
  }
  if (!partySigned) return `not signed by a valid key of party ${entry.party}`;
  if (options.requiresUserSignature && !userSigned) return `not signed by acting user ${entry.user ?? "(none)"}`;
  if (options.newKey !== undefined && !seen.has(options.newKey)) return "the key being added does not sign (no proof of possession)";
  return undefined;
}
