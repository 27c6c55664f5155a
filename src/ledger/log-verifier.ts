// Verifies an exported log line by line: every line's shape and canonical form, every entry's
// place, hash, signatures and key authority, the Merkle tree, and every checkpoint. It reports
// the first problem by position, so a tampered log names the entry where it stops being true.
import { fromHex, toHex, utf8 } from "./bytes.ts";
import { canonicalJson } from "./canonical-json.ts";
import { pureBatchVerifier, type BatchVerifier, type SignatureCheck } from "./ed25519.ts";
import { checkpointMessage, entryMessage } from "./entry.ts";
import { entryType, keyAdded, keyRevoked, keyRotated } from "./entry-types.ts";
import { checkpointPosition, KeyRing, signatureAuthorityProblem } from "./key-ring.ts";
import { leafHash } from "./merkle.ts";
import { CompactRange } from "./merkle-tree.ts";
import { hashCanonical, sha256 as defaultSha256, type Sha256 } from "./sha256.ts";
import {
  checkCheckpointLine,
  checkEntryLine,
  headerLineSchema,
  type Checkpoint,
  type EntryLine,
  type HeaderLine,
  type KeyRecord,
  type Signature,
} from "./schemas.ts";

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
  verifier?: BatchVerifier;
  hash?: Sha256;
  /** Signatures sent to the verifier at once. */
  batchSize?: number;
  /** When false, entries after the last checkpoint are allowed. */
  requireFinalCheckpoint?: boolean;
}

interface PendingCheck {
  line: number;
  index?: number;
  checkpointSize?: number;
  what: string;
}

export function describeProblem(problem: LogProblem): string {
  if (problem.index !== undefined) return `entry ${problem.index} (line ${problem.line + 1}): ${problem.reason}`;
  if (problem.checkpointSize !== undefined) {
    return `checkpoint of size ${problem.checkpointSize} (line ${problem.line + 1}): ${problem.reason}`;
  }
  return `line ${problem.line + 1}: ${problem.reason}`;
}

export class LogVerifier {
  private readonly options: LogVerifierOptions;
  private readonly hash: Sha256;
  private readonly verifier: BatchVerifier;
  private readonly batchSize: number;
  private readonly tree: CompactRange;
  private ring = new KeyRing();
  private header?: HeaderLine;
  private lineNo = 0;
  private structural?: LogProblem;
  private signatureProblem?: LogProblem;
  private batch: SignatureCheck[] = [];
  private batchInfo: PendingCheck[] = [];
  private inFlight: Promise<void>[] = [];
  private readonly ids = new Set<string>();
  private readonly checkpoints: VerifiedCheckpoint[] = [];
  private readonly rootsBySize = new Map<number, string>();
  private readonly external = new Map<number, string>();
  private lastCheckpointSize = -1;
  private readonly publicKeys = new Map<string, Uint8Array>();

  constructor(options: LogVerifierOptions = {}) {
    this.options = options;
    this.hash = options.hash ?? defaultSha256;
    this.verifier = options.verifier ?? pureBatchVerifier;
    this.batchSize = options.batchSize ?? 1024;
    this.tree = new CompactRange({ hash: this.hash });
    for (const cp of options.externalCheckpoints ?? []) {
      const known = this.external.get(cp.size);
      if (known !== undefined && known !== cp.root) {
        this.structural = { line: 0, reason: `split view: two checkpoints given for size ${cp.size} have different roots` };
      }
      this.external.set(cp.size, cp.root);
    }
  }

  /** True once a problem has been found; more lines cannot change the first one. */
  get failed(): boolean {
    return this.structural !== undefined || this.signatureProblem !== undefined;
  }

  async push(line: string): Promise<void> {
    if (this.failed) return;
    const lineNo = this.lineNo++;
    const problem = this.check(line, lineNo);
    if (problem) {
      this.structural = problem;
      return;
    }
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<LogVerification> {
    if (!this.failed) {
      if (!this.header) this.structural = { line: 0, reason: "empty file: no header" };
      else if ((this.options.requireFinalCheckpoint ?? true) && this.lastCheckpointSize !== this.tree.size) {
        const from = Math.max(this.lastCheckpointSize, 0);
        this.structural = {
          line: this.lineNo,
          index: from,
          reason: `entries from ${from} on are not covered by a checkpoint: the log must end with a checkpoint of its full size`,
        };
      } else {
        for (const [size, root] of this.external) {
          if (size > this.tree.size) {
            this.structural = { line: this.lineNo, checkpointSize: size, reason: `a checkpoint of size ${size} (root ${root.slice(0, 16)}…) exists, but the log has only ${this.tree.size} entries` };
            break;
          }
        }
      }
    }
    await this.flush();
    await Promise.all(this.inFlight);
    await this.verifier.close?.();
    const problem = firstOf(this.structural, this.signatureProblem);
    if (problem) return { ok: false, problem, verifiedPrefix: problem.index ?? Math.min(this.tree.size, problem.checkpointSize ?? this.tree.size) };
    return {
      ok: true,
      log: this.header!.log,
      size: this.tree.size,
      root: toHex(this.tree.root()),
      checkpoints: this.checkpoints,
      keys: this.ring.all(),
      anchors: [...(this.options.pinnedKeys ?? this.header!.keys)],
    };
  }

  private check(line: string, lineNo: number): LogProblem | undefined {
    let value: unknown;
    const at = (reason: string): LogProblem =>
      lineNo === 0 ? { line: lineNo, reason } : { line: lineNo, index: this.tree.size, reason };
    try {
      value = JSON.parse(line);
    } catch {
      return at("not valid JSON");
    }
    if (lineNo === 0) return this.checkHeader(value, line);
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind === "entry") return this.checkEntry(value, line, lineNo);
    if (kind === "checkpoint") return this.checkCheckpoint(value, line, lineNo);
    if (kind === "header") return at("a second header");
    return at("a line that is neither an entry nor a checkpoint");
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

  private checkEntry(value: unknown, line: string, lineNo: number): LogProblem | undefined {
    const index = this.tree.size;
    const at = (reason: string): LogProblem => ({ line: lineNo, index, reason });
    const parsed = checkEntryLine(value);
    if (!parsed.ok) return at(`malformed entry: ${parsed.reason}`);
    const { entry, sigs } = parsed.value;
    const canonicalEntry = canonicalJson(entry);
    if (`{"entry":${canonicalEntry},"kind":"entry","sigs":${canonicalSignatures(sigs)}}` !== line) {
      return at("entry is not in canonical (RFC 8785) form");
    }
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

    const definition = entryType(entry.type, entry.typeVersion);
    if (entry.body !== undefined && hashCanonical(entry.body, this.hash) !== entry.payloadHash) {
      return at("payload does not match its hash");
    }
    if (definition?.publicPayload && entry.body === undefined) return at(`${entry.type} entries must carry their payload`);
    if (definition && !definition.publicPayload && entry.body !== undefined) {
      return at(`${entry.type} entries must not carry their payload (it may hold personal data)`);
    }
    if (definition?.publicPayload) {
      const body = definition.payload.safeParse(entry.body);
      if (!body.success) return at(`payload is not a valid ${entry.type}: ${firstIssue(body.error)}`);
    }

    const keyEffect = this.keyEffect(entry);
    if (typeof keyEffect === "string") return at(keyEffect);
    const authority = signatureAuthorityProblem(
      entry,
      sigs.map((s) => s.key),
      this.ring,
      { requiresUserSignature: definition?.requiresUserSignature ?? false, newKey: keyEffect?.add?.id },
    );
    if (authority) return at(authority);

    const message = entryMessage(canonicalEntry);
    for (const s of sigs) {
      const key = s.key === keyEffect?.add?.id ? keyEffect.add : this.ring.get(s.key)!;
      this.queue({ publicKey: this.publicKey(key), message, signature: fromHex(s.sig) }, { line: lineNo, index, what: `signature by key ${s.key.slice(0, 16)}` });
    }
    if (keyEffect?.add) {
      const problem = this.ring.add(keyEffect.add, index);
      if (problem) return at(problem);
    }
    if (keyEffect?.revoke) {
      const problem = this.ring.revoke(keyEffect.revoke, index);
      if (problem) return at(problem);
    }
    this.tree.appendLeafHash(leafHash(utf8(line), this.hash));
    return this.checkExternal();
  }

  private keyEffect(entry: EntryLine["entry"]): { add?: KeyRecord; revoke?: string } | string | undefined {
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

  private checkCheckpoint(value: unknown, line: string, lineNo: number): LogProblem | undefined {
    const parsed = checkCheckpointLine(value);
    const size = this.tree.size;
    if (!parsed.ok) return { line: lineNo, checkpointSize: size, reason: `malformed checkpoint: ${parsed.reason}` };
    const { checkpoint, sigs } = parsed.value;
    const at = (reason: string): LogProblem => ({ line: lineNo, checkpointSize: checkpoint.size, reason });
    const canonical = canonicalJson(checkpoint);
    if (`{"checkpoint":${canonical},"kind":"checkpoint","sigs":${canonicalSignatures(sigs)}}` !== line) {
      return at("checkpoint is not in canonical (RFC 8785) form");
    }
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
    const message = checkpointMessage(canonical);
    for (const s of sigs) {
      if (seen.has(s.key)) return at(`key ${s.key.slice(0, 16)} signs twice`);
      seen.add(s.key);
      const problem = this.ring.problemAt(s.key, checkpointPosition(checkpoint.size));
      if (problem) return at(problem);
      const key = this.ring.get(s.key)!;
      if (key.user !== undefined) return at("checkpoints are signed by parties' keys, not persons'");
      signers.push(key);
      this.queue({ publicKey: this.publicKey(key), message, signature: fromHex(s.sig) }, { line: lineNo, checkpointSize: checkpoint.size, what: `co-signature by ${key.party}` });
    }
    this.rootsBySize.set(checkpoint.size, checkpoint.root);
    this.lastCheckpointSize = checkpoint.size;
    this.checkpoints.push({ checkpoint, signers });
    return undefined;
  }

  private checkExternal(): LogProblem | undefined {
    const expected = this.external.get(this.tree.size);
    if (expected === undefined) return undefined;
    const root = toHex(this.tree.root());
    if (root === expected) return undefined;
    return {
      line: this.lineNo - 1,
      index: this.tree.size - 1,
      reason: `split view: a checkpoint of size ${this.tree.size} given for comparison has root ${expected.slice(0, 16)}…, but this log's is ${root.slice(0, 16)}…`,
    };
  }

  private publicKey(key: KeyRecord): Uint8Array {
    let bytes = this.publicKeys.get(key.id);
    if (!bytes) {
      bytes = fromHex(key.publicKey);
      this.publicKeys.set(key.id, bytes);
    }
    return bytes;
  }

  private queue(check: SignatureCheck, info: PendingCheck): void {
    this.batch.push(check);
    this.batchInfo.push(info);
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const checks = this.batch;
    const info = this.batchInfo;
    this.batch = [];
    this.batchInfo = [];
    const done = this.verifier.verifyBatch(checks).then((results) => {
      const bad = results.findIndex((ok) => !ok);
      if (bad < 0) return;
      const i = info[bad]!;
      const problem: LogProblem = { line: i.line, index: i.index, checkpointSize: i.checkpointSize, reason: `${i.what} does not verify` };
      if (i.index === undefined) delete problem.index;
      if (i.checkpointSize === undefined) delete problem.checkpointSize;
      this.signatureProblem = firstOf(this.signatureProblem, problem);
    });
    this.inFlight.push(done);
    // Keep a few batches in flight so workers stay busy while this thread parses and hashes.
    if (this.inFlight.length >= 4) await this.inFlight.shift();
  }
}

/** RFC 8785 form of a checked signature list (hex strings need no escaping; keys sort key < sig). */
function canonicalSignatures(sigs: readonly Signature[]): string {
  let out = "[";
  for (let i = 0; i < sigs.length; i++) out += `${i ? "," : ""}{"key":"${sigs[i]!.key}","sig":"${sigs[i]!.sig}"}`;
  return out + "]";
}

function firstOf(a: LogProblem | undefined, b: LogProblem | undefined): LogProblem | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.line < a.line ? b : a;
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return issue.path.length ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message;
}

function keyRecordProblem(key: KeyRecord, hash: Sha256): string | undefined {
  if (toHex(hash(fromHex(key.publicKey))) !== key.id) return `key ${key.id.slice(0, 16)}: id is not the SHA-256 of its public key`;
  return undefined;
}

/** Verifies a whole log held in memory (tests, the browser). */
export async function verifyLogText(text: string, options: LogVerifierOptions = {}): Promise<LogVerification> {
  const verifier = new LogVerifier(options);
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    await verifier.push(line);
    if (verifier.failed) break;
  }
  return verifier.finish();
}

