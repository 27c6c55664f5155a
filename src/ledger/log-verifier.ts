// Verifies an exported log line by line: every line's shape and canonical form, every entry's
// place, hash, signatures and key authority, the Merkle tree, and every checkpoint. It reports
// the first problem by position, so a tampered log names the entry where it stops being true.
// Each line is first checked on its own (entry-line-check.ts, on any thread); LogVerifier then
// takes those verdicts in order and checks everything that depends on position.
import { fromHex, toHex } from "./bytes.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { BatchVerifier } from "./ed25519.ts";
import { sharedWasmBatchVerifier } from "./ed25519-batch.ts";
import {
  announcedKey,
  checkLines,
  definitionOf,
  firstIssue,
  pureLineHashing,
  rememberKey,
  SIGNATURE_KEY_UNKNOWN,
  SIGNATURE_OK,
  type CheckpointVerdict,
  type EntryFacts,
  type EntryVerdict,
  type LineVerdict,
} from "./entry-line-check.ts";
import { keyAdded, keyRevoked, keyRotated } from "./entry-types.ts";
import { checkpointPosition, KeyRing, signatureAuthorityProblem } from "./key-ring.ts";
import { CompactRange } from "./merkle-tree.ts";
import { sha256 as defaultSha256, type Sha256 } from "./sha256.ts";
import { headerLineSchema, type Checkpoint, type HeaderLine, type KeyRecord } from "./schemas.ts";

export interface LogProblem {
  /** 0-based line number in the file (line 0 is the header). */
  line: number;
  /** The entry's position when the problem is an entry's (or an entry missing there). */
  index?: number;
  /** The checkpoint's size when the problem is a checkpoint's. */
  checkpointSize?: number;
  reason: string;
}

export interface VerifiedCheckpoint {
  checkpoint: Checkpoint;
  signers: KeyRecord[];
}

export type LogVerification =
  | { ok: true; log: string; size: number; root: string; checkpoints: VerifiedCheckpoint[]; keys: KeyRecord[]; anchors: KeyRecord[] }
  | { ok: false; problem: LogProblem; verifiedPrefix: number };

export interface LogVerifierOptions {
  /** Keys the person verifying trusts; when given, the header's keys are not trusted. */
  pinnedKeys?: readonly KeyRecord[];
  /** Checkpoints obtained elsewhere (from another party); any that disagrees is a split view. */
  externalCheckpoints?: readonly Checkpoint[];
  /** Checks the signatures (verifyLogText; the file verifier brings its own). */
  verifier?: BatchVerifier;
  hash?: Sha256;
  /** Lines verifyLogText checks at once, their signatures in one batch. */
  batchSize?: number;
  /** When false, entries after the last checkpoint are allowed. */
  requireFinalCheckpoint?: boolean;
}

export function describeProblem(problem: LogProblem): string {
  if (problem.index !== undefined) return `entry ${problem.index} (line ${problem.line + 1}): ${problem.reason}`;
  if (problem.checkpointSize !== undefined) {
    return `checkpoint of size ${problem.checkpointSize} (line ${problem.line + 1}): ${problem.reason}`;
  }
  return `line ${problem.line + 1}: ${problem.reason}`;
}

/**
 * The sequential half of verification: give it the header line, then each later line's verdict
 * (from checkLines) in file order. Stops at the first problem, which is therefore the first by line.
 */
export class LogVerifier {
  private readonly options: LogVerifierOptions;
  private readonly hash: Sha256;
  private readonly tree: CompactRange;
  private ring = new KeyRing();
  private header?: HeaderLine;
  private lineNo = 0;
  private problem?: LogProblem;
  private readonly ids = new Set<string>();
  private readonly checkpoints: VerifiedCheckpoint[] = [];
  private readonly rootsBySize = new Map<number, string>();
  private readonly external = new Map<number, string>();
  private lastCheckpointSize = -1;

  constructor(options: LogVerifierOptions = {}) {
    this.options = options;
    this.hash = options.hash ?? defaultSha256;
    this.tree = new CompactRange({ hash: this.hash });
    for (const cp of options.externalCheckpoints ?? []) {
      const known = this.external.get(cp.size);
      if (known !== undefined && known !== cp.root) {
        this.problem ??= { line: 0, reason: `split view: two checkpoints given for size ${cp.size} have different roots` };
      }
      this.external.set(cp.size, cp.root);
    }
  }

  /** True once a problem has been found; more lines cannot change the first one. */
  get failed(): boolean {
    return this.problem !== undefined;
  }

  /** Lines taken so far (the header is line 0). */
  get lines(): number {
    return this.lineNo;
  }

  /** The keys trusted from the start (pinned, or the header's): where a key lookup begins. */
  anchors(): KeyRecord[] {
    return [...(this.options.pinnedKeys ?? this.header?.keys ?? [])];
  }

  /** Takes line 0. */
  pushHeader(line: string): void {
    if (this.lineNo !== 0) throw new Error("the header is line 0");
    this.lineNo = 1;
    if (this.failed) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.problem = { line: 0, reason: "not valid JSON" };
      return;
    }
    const problem = this.checkHeader(value, line);
    if (problem) this.problem = problem;
  }

  /** Takes the next line's verdict (a bad-line verdict also stands for an unreadable line 0). */
  push(verdict: LineVerdict): void {
    if (this.failed) {
      this.lineNo++;
      return;
    }
    const lineNo = this.lineNo++;
    if (lineNo === 0) {
      this.problem = verdict.kind === "bad-line" ? { line: 0, reason: verdict.reason } : { line: 0, reason: "not a Homeward log header" };
      return;
    }
    const problem = this.apply(verdict, lineNo);
    if (problem) this.problem = problem;
  }

  finish(): LogVerification {
    if (!this.failed) {
      if (!this.header) this.problem = { line: 0, reason: "empty file: no header" };
      else if ((this.options.requireFinalCheckpoint ?? true) && this.lastCheckpointSize !== this.tree.size) {
        const from = Math.max(this.lastCheckpointSize, 0);
        this.problem = {
          line: this.lineNo,
          index: from,
          reason: `entries from ${from} on are not covered by a checkpoint: the log must end with a checkpoint of its full size`,
        };
      } else {
        for (const [size, root] of this.external) {
          if (size > this.tree.size) {
            this.problem = { line: this.lineNo, checkpointSize: size, reason: `a checkpoint of size ${size} (root ${root.slice(0, 16)}…) exists, but the log has only ${this.tree.size} entries` };
            break;
          }
        }
      }
    }
    const problem = this.problem;
    if (problem) return { ok: false, problem, verifiedPrefix: problem.index ?? Math.min(this.tree.size, problem.checkpointSize ?? this.tree.size) };
    return {
      ok: true,
      log: this.header!.log,
      size: this.tree.size,
      root: toHex(this.tree.root()),
      checkpoints: this.checkpoints,
      keys: this.ring.all(),
      anchors: this.anchors(),
    };
  }

  private apply(verdict: LineVerdict, lineNo: number): LogProblem | undefined {
    switch (verdict.kind) {
      case "bad-line":
        return { line: lineNo, index: this.tree.size, reason: verdict.reason };
      case "bad-checkpoint":
        return { line: lineNo, checkpointSize: verdict.size ?? this.tree.size, reason: verdict.reason };
      case "entry":
        return this.applyEntry(verdict, lineNo);
      case "checkpoint":
        return this.applyCheckpoint(verdict, lineNo);
    }
  }

  private checkHeader(value: unknown, line: string): LogProblem | undefined {
    const parsed = headerLineSchema.safeParse(value);
    if (!parsed.success) return { line: 0, reason: `not a Homeward log header: ${firstIssue(parsed.error)}` };
    if (canonicalJson(parsed.data) !== line) return { line: 0, reason: "header is not in canonical (RFC 8785) form" };
    for (const key of parsed.data.keys) {
      const problem = keyRecordProblem(key, this.hash);
      if (problem) return { line: 0, reason: `header ${problem}` };
    }
    this.header = parsed.data;
    try {
      this.ring = new KeyRing(this.options.pinnedKeys ?? parsed.data.keys);
    } catch (error) {
      return { line: 0, reason: (error as Error).message };
    }
    return undefined;
  }

  private applyEntry(verdict: EntryVerdict, lineNo: number): LogProblem | undefined {
    const index = this.tree.size;
    const at = (reason: string): LogProblem => ({ line: lineNo, index, reason });
    const entry = verdict.entry;
    if (entry.log !== this.header!.log) return at(`entry belongs to log ${entry.log}, not ${this.header!.log}`);
    if (entry.index !== index) {
      return at(
        entry.index > index
          ? `entry says it is number ${entry.index}: ${entry.index - index} entr${entry.index - index === 1 ? "y is" : "ies are"} missing or out of order before it`
          : `entry says it is number ${entry.index}: an entry was inserted or the entries were reordered`,
      );
    }
    if (this.ids.has(entry.id)) return at(`entry id ${entry.id} appears twice`);
    this.ids.add(entry.id);
    if (verdict.payloadProblem !== undefined) return at(verdict.payloadProblem);

    const definition = definitionOf(entry.type, entry.typeVersion);
    const keyEffect = this.keyEffect(entry);
    if (typeof keyEffect === "string") return at(keyEffect);
    const authority = signatureAuthorityProblem(entry, verdict.sigKeys, this.ring, {
      requiresUserSignature: definition?.requiresUserSignature ?? false,
      newKey: keyEffect?.add?.id,
    });
    if (authority) return at(authority);
    if (keyEffect?.add) {
      const problem = this.ring.add(keyEffect.add, index);
      if (problem) return at(problem);
    }
    if (keyEffect?.revoke) {
      const problem = this.ring.revoke(keyEffect.revoke, index);
      if (problem) return at(problem);
    }
    this.tree.appendLeafHash(verdict.leaf);
    const external = this.checkExternal(lineNo);
    if (external) return external;
    // Signatures last: on one line, a problem of place or authority is the one to name.
    const bad = verdict.sigs.findIndex((s) => s !== SIGNATURE_OK);
    if (bad >= 0) return at(signatureProblem(`signature by key ${verdict.sigKeys[bad]!.slice(0, 16)}`, verdict.sigs[bad]!));
    return undefined;
  }

  private keyEffect(entry: EntryFacts): { add?: KeyRecord; revoke?: string } | string | undefined {
    const body = entry.body as Record<string, unknown>;
    if (entry.type === keyAdded.type && entry.typeVersion === keyAdded.version) {
      const { key } = keyAdded.payload.parse(body);
      const problem = keyRecordProblem(key, this.hash);
      if (problem) return problem;
      if (key.party !== entry.party) return `adds a key for ${key.party}, but the acting party is ${entry.party}`;
      return { add: key };
    }
    if (entry.type === keyRotated.type && entry.typeVersion === keyRotated.version) {
      const { key, replaces } = keyRotated.payload.parse(body);
      const problem = keyRecordProblem(key, this.hash);
      if (problem) return problem;
      const old = this.ring.get(replaces);
      if (!old) return `rotates unknown key ${replaces.slice(0, 16)}`;
      if (old.party !== entry.party || key.party !== entry.party) return "rotates a key of another party";
      if (old.user !== key.user) return "a rotation must keep the key's owner";
      return { add: key, revoke: replaces };
    }
    if (entry.type === keyRevoked.type && entry.typeVersion === keyRevoked.version) {
      const { key } = keyRevoked.payload.parse(body);
      const old = this.ring.get(key);
      if (!old) return `revokes unknown key ${key.slice(0, 16)}`;
      if (old.party !== entry.party) return "revokes a key of another party";
      return { revoke: key };
    }
    return undefined;
  }

  private applyCheckpoint(verdict: CheckpointVerdict, lineNo: number): LogProblem | undefined {
    const size = this.tree.size;
    const { checkpoint, sigKeys } = verdict;
    const at = (reason: string): LogProblem => ({ line: lineNo, checkpointSize: checkpoint.size, reason });
    if (checkpoint.log !== this.header!.log) return at(`checkpoint belongs to log ${checkpoint.log}`);
    const earlier = this.rootsBySize.get(checkpoint.size);
    if (earlier !== undefined && earlier !== checkpoint.root) {
      return at(`split view: another checkpoint of size ${checkpoint.size} has root ${earlier.slice(0, 16)}…, this one ${checkpoint.root.slice(0, 16)}…`);
    }
    if (checkpoint.size > size) {
      return { line: lineNo, index: size, reason: `a checkpoint of size ${checkpoint.size} follows only ${size} entries: entries are missing here` };
    }
    if (checkpoint.size < size) return at(`checkpoint of size ${checkpoint.size} placed after ${size} entries`);
    const root = toHex(this.tree.root());
    if (checkpoint.root !== root) return at(`root ${checkpoint.root.slice(0, 16)}… does not match the entries (${root.slice(0, 16)}…)`);
    const seen = new Set<string>();
    const signers: KeyRecord[] = [];
    for (const id of sigKeys) {
      if (seen.has(id)) return at(`key ${id.slice(0, 16)} signs twice`);
      seen.add(id);
      const problem = this.ring.problemAt(id, checkpointPosition(checkpoint.size));
      if (problem) return at(problem);
      const key = this.ring.get(id)!;
      if (key.user !== undefined) return at("checkpoints are signed by parties' keys, not persons'");
      signers.push(key);
    }
    const bad = verdict.sigs.findIndex((s) => s !== SIGNATURE_OK);
    if (bad >= 0) return at(signatureProblem(`co-signature by ${signers[bad]!.party}`, verdict.sigs[bad]!));
    this.rootsBySize.set(checkpoint.size, checkpoint.root);
    this.lastCheckpointSize = checkpoint.size;
    this.checkpoints.push({ checkpoint, signers });
    return undefined;
  }

  private checkExternal(lineNo: number): LogProblem | undefined {
    const expected = this.external.get(this.tree.size);
    if (expected === undefined) return undefined;
    const root = toHex(this.tree.root());
    if (root === expected) return undefined;
    return {
      line: lineNo,
      index: this.tree.size - 1,
      reason: `split view: a checkpoint of size ${this.tree.size} given for comparison has root ${expected.slice(0, 16)}…, but this log's is ${root.slice(0, 16)}…`,
    };
  }
}

function signatureProblem(what: string, verdict: number): string {
  return verdict === SIGNATURE_KEY_UNKNOWN ? `${what} could not be checked: the checker was not given that key` : `${what} does not verify`;
}

function keyRecordProblem(key: KeyRecord, hash: Sha256): string | undefined {
  if (toHex(hash(fromHex(key.publicKey))) !== key.id) return `key ${key.id.slice(0, 16)}: id is not the SHA-256 of its public key`;
  return undefined;
}

/** Verifies a whole log held in memory (tests, the browser): the same two halves, on this thread. */
export async function verifyLogText(text: string, options: LogVerifierOptions = {}): Promise<LogVerification> {
  const log = new LogVerifier(options);
  const hashing = pureLineHashing(options.hash);
  const verifier = options.verifier ?? sharedWasmBatchVerifier;
  const chunk = Math.max(1, options.batchSize ?? 1024);
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  log.pushHeader(lines[0]!);
  const keys = new Map<string, KeyRecord>();
  for (const key of log.anchors()) rememberKey(keys, key);
  try {
    for (let start = 1; start < lines.length && !log.failed; start += chunk) {
      const part = lines.slice(start, start + chunk);
      for (const line of part) {
        const key = announcedKey(line, hashing.sha256);
        if (key) rememberKey(keys, key);
      }
      for (const verdict of await checkLines(part, keys, hashing, verifier)) {
        log.push(verdict);
        if (log.failed) break;
      }
    }
  } finally {
    await verifier.close?.();
  }
  return log.finish();
}
