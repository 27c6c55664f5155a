// An append-only signed log held in memory: the writer side of the export format, used by the
// registry's log store, the test fixtures and the benchmarks.
import { canonicalJson } from "./canonical-json.ts";
import { toHex, utf8 } from "./bytes.ts";
import { buildEntry, signCheckpoint, signEntry, type EntryInput, type Signer } from "./entry.ts";
import { entryType } from "./entry-types.ts";
import { checkpointPosition, KeyRing, signatureAuthorityProblem } from "./key-ring.ts";
import { MerkleTree } from "./merkle-tree.ts";
import { sha256 as defaultSha256, type Sha256 } from "./sha256.ts";
import { LOG_FORMAT, type Checkpoint, type CheckpointLine, type EntryLine, type HeaderLine, type KeyRecord } from "./schemas.ts";

export interface AppendResult {
  index: number;
  line: EntryLine;
  /** False when an entry with the same id was already in the log (the append was a no-op). */
  created: boolean;
}

/** Everything but the time and signatures: what must match for a repeated append to be the same action. */
function identity(e: EntryLine["entry"]): string {
  return canonicalJson({ id: e.id, type: e.type, v: e.typeVersion, subject: e.subject, party: e.party, user: e.user ?? null, payload: e.payloadHash });
}

export class Ledger {
  readonly log: string;
  readonly tree: MerkleTree;
  private readonly anchors: KeyRecord[];
  private readonly ring: KeyRing;
  /** Lines after the header, in order: entries and checkpoints. */
  private readonly lines: (EntryLine | CheckpointLine)[] = [];
  private readonly entries: EntryLine[] = [];
  private readonly byId = new Map<string, number>();

  constructor(options: { log: string; keys: readonly KeyRecord[]; hash?: Sha256 }) {
    this.log = options.log;
    this.anchors = [...options.keys];
    this.ring = new KeyRing(this.anchors);
    this.tree = new MerkleTree({ hash: options.hash ?? defaultSha256 });
  }

  get size(): number {
    return this.entries.length;
  }

  header(): HeaderLine {
    return { kind: "header", format: LOG_FORMAT, log: this.log, keys: this.anchors };
  }

  keys(): KeyRecord[] {
    return this.ring.all();
  }

  entry(index: number): EntryLine {
    const line = this.entries[index];
    if (!line) throw new RangeError(`no entry ${index}`);
    return line;
  }

  *entryLines(): Generator<EntryLine> {
    yield* this.entries;
  }

  /** The latest checkpoint, if any. */
  lastCheckpoint(): CheckpointLine | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i]!;
      if (line.kind === "checkpoint") return line;
    }
    return undefined;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  append(input: EntryInput, signers: readonly Signer[]): AppendResult {
    const index = this.size;
    const entry = buildEntry(this.log, index, input);
    const existing = this.byId.get(input.id);
    if (existing !== undefined) {
      const line = this.entries[existing]!;
      if (identity(line.entry) !== identity(entry)) throw new Error(`entry id ${input.id} is already used by a different action`);
      return { index: existing, line, created: false };
    }
    const definition = entryType(entry.type, entry.typeVersion)!;
    const body = entry.body as Record<string, unknown> | undefined;
    const newKey = entry.type === "key.added" || entry.type === "key.rotated" ? (body!.key as KeyRecord) : undefined;
    const problem = signatureAuthorityProblem(
      entry,
      signers.map((s) => s.key.id),
      this.ring,
      { requiresUserSignature: definition.requiresUserSignature, newKey: newKey?.id },
    );
    if (problem) throw new Error(`cannot append ${entry.type}: ${problem}`);
    const line = signEntry(entry, signers);
    if (newKey) {
      const p = this.ring.add(newKey, index);
      if (p) throw new Error(p);
    }
    const revoked = entry.type === "key.rotated" ? (body!.replaces as string) : entry.type === "key.revoked" ? (body!.key as string) : undefined;
    if (revoked) this.ring.revoke(revoked, index);
    this.tree.append(utf8(canonicalJson(line)));
    this.entries.push(line);
    this.lines.push(line);
    this.byId.set(entry.id, index);
    return { index, line, created: true };
  }

  /** A checkpoint of the current size, co-signed by the given parties' keys. */
  checkpoint(time: string, signers: readonly Signer[]): CheckpointLine {
    for (const s of signers) {
      const problem = this.ring.problemAt(s.key.id, checkpointPosition(this.size));
      if (problem) throw new Error(`cannot sign checkpoint: ${problem}`);
    }
    const checkpoint: Checkpoint = { log: this.log, size: this.size, root: toHex(this.tree.root()), time };
    const line = signCheckpoint(checkpoint, signers);
    this.lines.push(line);
    return line;
  }

  /** The export: header, then entries and checkpoints, one canonical JSON object a line. */
  *exportLines(): Generator<string> {
    yield canonicalJson(this.header());
    for (const line of this.lines) yield canonicalJson(line);
  }

  exportText(): string {
    let out = "";
    for (const line of this.exportLines()) out += line + "\n";
    return out;
  }
}
