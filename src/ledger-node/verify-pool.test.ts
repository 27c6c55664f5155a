import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildEntry,
  canonicalJson,
  MerkleTree,
  signCheckpoint,
  signEntry,
  toHex,
  utf8,
  verifyLogText,
  type CheckpointLine,
  type EntryLine,
  type KeyRecord,
  type LogVerification,
  type Signer,
} from "../ledger/index.ts";
import { buildFixtureLog, fixtureAction, seededSigner } from "../ledger/fixture-log.ts";
import { verifyLogFile } from "../cli/log-command.ts";
import { checkLines, pureLineHashing } from "../ledger/entry-line-check.ts";
import { pureBatchVerifier } from "../ledger/index.ts";
import { packVerdicts, unpackVerdicts } from "./verify-chunk.ts";

const dir = mkdtempSync(join(tmpdir(), "homeward-verify-pool-"));
const fixture = buildFixtureLog({ actions: 30, checkpointEvery: 6 });
const text = fixture.ledger.exportText();
const lines = text.trimEnd().split("\n");
const kinds = lines.map((l) => (JSON.parse(l) as { kind: string }).kind);
const entryLines = kinds.flatMap((k, n) => (k === "entry" ? [n] : []));
const checkpointLines = kinds.flatMap((k, n) => (k === "checkpoint" ? [n] : []));
const join_ = (ls: string[]): string => ls.join("\n") + "\n";
const partySigners = (): Signer[] => [fixture.rotatedTracing, fixture.parties.holding, fixture.parties.mediator];
const typeOf = (n: number): string => (JSON.parse(lines[n]!) as EntryLine).entry?.type;

/** Everything a verdict says, so that two verifications can be compared whole. */
function summary(result: LogVerification): unknown {
  if (!result.ok) return { ok: false, problem: result.problem, verifiedPrefix: result.verifiedPrefix };
  return {
    ok: true,
    log: result.log,
    size: result.size,
    root: result.root,
    checkpoints: result.checkpoints.map((c) => [c.checkpoint, c.signers.map((k) => k.id)]),
    keys: result.keys.map((k) => k.id),
    anchors: result.anchors.map((k) => k.id),
  };
}

let fileNo = 0;
/** Verifies `content` in memory, in a file on this thread, and in a file on two workers in small chunks. */
async function allPaths(content: string, options: { keys?: KeyRecord[]; chunkBytes?: number[] } = {}): Promise<LogVerification> {
  const path = join(dir, `log-${fileNo++}.jsonl`);
  writeFileSync(path, content);
  const inMemory = await verifyLogText(content, { pinnedKeys: options.keys });
  const expected = summary(inMemory);
  expect(summary(await verifyLogFile(path, { keys: options.keys, threads: 0, chunkBytes: 700 }))).toEqual(expected);
  for (const chunkBytes of options.chunkBytes ?? [1300]) {
    expect(summary(await verifyLogFile(path, { keys: options.keys, threads: 2, chunkBytes })), `chunks of ${chunkBytes} bytes`).toEqual(expected);
  }
  return inMemory;
}

function problemOf(result: LogVerification): { index?: number; checkpointSize?: number; reason: string } {
  if (result.ok) throw new Error("expected the log to be rejected");
  return result.problem;
}

function withFreshCheckpoint(entries: EntryLine[]): string {
  const tree = new MerkleTree();
  for (const e of entries) tree.append(utf8(canonicalJson(e)));
  const cp = signCheckpoint({ log: "fixture-log", size: tree.size, root: toHex(tree.root()), time: "2026-02-01T00:00:00.000Z" }, partySigners());
  return join_([lines[0]!, ...entries.map((e) => canonicalJson(e)), canonicalJson(cp)]);
}
const entries = (): EntryLine[] => entryLines.map((n) => JSON.parse(lines[n]!) as EntryLine);

describe("log verification on worker threads gives the in-memory verdict", () => {
  it("accepts the untouched log, with chunks from one line each to the whole file", async () => {
    const result = await allPaths(text, { chunkBytes: [100, 450, 900, 2000, 1 << 20] });
    expect(result.ok).toBe(true);
  });

  it("names the same entry when one character changes, in ordinary and key entries", async () => {
    const rotation = entryLines.find((n) => typeOf(n) === "key.rotated")!;
    const revocation = entryLines.find((n) => typeOf(n) === "key.revoked")!;
    for (const [n, at, chunkBytes] of [
      [entryLines[0]!, 40, 100],
      [entryLines[7]!, 150, 900],
      [rotation, 200, 450],
      [revocation, 60, 1300],
      [entryLines.at(-2)!, 300, 2000],
    ] as const) {
      const changed = [...lines];
      const line = changed[n]!;
      changed[n] = line.slice(0, at) + (line[at] === "a" ? "b" : "a") + line.slice(at + 1);
      const problem = problemOf(await allPaths(join_(changed), { chunkBytes: [chunkBytes] }));
      expect(problem.index, problem.reason).toBe(entryLines.indexOf(n));
    }
  });

  it("names the same place for a removed, an inserted and reordered entries", async () => {
    const removed = lines.filter((_, n) => n !== entryLines[9]);
    expect(problemOf(await allPaths(join_(removed), { chunkBytes: [450] })).index).toBe(9);
    const inserted = [...lines];
    inserted.splice(entryLines[4]!, 0, lines[entryLines[12]!]!);
    expect(problemOf(await allPaths(join_(inserted), { chunkBytes: [900] })).index).toBe(4);
    const reordered = [...lines];
    [reordered[entryLines[3]!], reordered[entryLines[6]!]] = [reordered[entryLines[6]!]!, reordered[entryLines[3]!]!];
    const problem = problemOf(await allPaths(join_(reordered), { chunkBytes: [100] }));
    expect(problem.index).toBe(3);
    expect(problem.reason).toMatch(/missing or out of order/);
  });

  it("rejects the same checkpoint: a wrong root, properly signed, and a co-signature that does not verify", async () => {
    const n = checkpointLines[2]!;
    const cp = JSON.parse(lines[n]!) as CheckpointLine;
    const forged = [...lines];
    forged[n] = canonicalJson(signCheckpoint({ ...cp.checkpoint, root: "ab".repeat(32) }, partySigners()));
    const problem = problemOf(await allPaths(join_(forged), { chunkBytes: [1300] }));
    expect(problem.checkpointSize).toBe(cp.checkpoint.size);
    expect(problem.reason).toMatch(/does not match the entries/);

    const other = signCheckpoint({ ...cp.checkpoint, time: "2030-01-01T00:00:00.000Z" }, [fixture.parties.holding]);
    const badSig = [...lines];
    badSig[n] = canonicalJson({ ...cp, sigs: cp.sigs.map((s) => (s.key === fixture.parties.holding.key.id ? other.sigs[0]! : s)) });
    expect(problemOf(await allPaths(join_(badSig), { chunkBytes: [450] })).reason).toMatch(/co-signature by holding-authority does not verify/);
  });

  it("rejects the same entry for a key it does not know (pinned keys)", async () => {
    const p = fixture.parties;
    const stranger = seededSigner("stranger", "tracing-authority");
    const problem = problemOf(await allPaths(text, { keys: [stranger.key, p.holding.key, p.mediator.key], chunkBytes: [900] }));
    expect(problem.index).toBe(0);
    expect(problem.reason).toMatch(/unknown key/);
    expect((await allPaths(text, { keys: [p.tracing.key, p.holding.key, p.mediator.key], chunkBytes: [450] })).ok).toBe(true);
  });

  it("follows a rotation and a revocation mid-log wherever chunks end", async () => {
    const es = entries();
    const after = (id: string, signers: Signer[], extra: Partial<Parameters<typeof buildEntry>[2]> = {}): EntryLine =>
      signEntry(
        buildEntry("fixture-log", es.length, {
          id, type: fixtureAction.type, typeVersion: 1, subject: "case:1", party: "tracing-authority",
          time: "2026-02-01T00:00:00.000Z", payload: { n: 99, note: id }, ...extra,
        }),
        signers,
      );
    // The new key signs right after its rotation, whatever chunk that lands in.
    const good = withFreshCheckpoint([...es, after("new-key", [fixture.rotatedTracing])]);
    expect((await allPaths(good, { chunkBytes: [100, 450, 700, 900, 1300] })).ok).toBe(true);
    const oldKey = problemOf(await allPaths(withFreshCheckpoint([...es, after("old-key", [fixture.parties.tracing])]), { chunkBytes: [100, 700] }));
    expect(oldKey.index).toBe(es.length);
    expect(oldKey.reason).toMatch(/after its revocation/);
    const { holding, holdingVerifier } = fixture.parties;
    const revoked = after("after-revocation", [holding, holdingVerifier], {
      type: "report.signed", party: "holding-authority", user: holdingVerifier.key.user,
      payload: { report: "report-2", reportHash: "00".repeat(32), role: "holding-verifier" },
    });
    const problem = problemOf(await allPaths(withFreshCheckpoint([...es, revoked]), { chunkBytes: [450, 1300] }));
    expect(problem.index).toBe(es.length);
    expect(problem.reason).toMatch(/after its revocation/);
  });

  it("rejects a registry case entry that carries its payload, on every thread", async () => {
    const es = entries();
    const payload = { case: "case-1", sequence: 1, action: { type: "register" }, salt: "00".repeat(32) };
    const entry = buildEntry("fixture-log", es.length, {
      id: "case-1-1", type: "case.register", typeVersion: 1, subject: "case:1", party: "tracing-authority", time: "2026-02-01T00:00:00.000Z", payload,
    });
    const leaky = signEntry({ ...entry, body: payload }, [fixture.rotatedTracing]);
    const problem = problemOf(await allPaths(withFreshCheckpoint([...es, leaky]), { chunkBytes: [900] }));
    expect(problem.index).toBe(es.length);
    expect(problem.reason).toMatch(/must not carry their payload/);
  });

  it("rejects a log whose last entries no checkpoint covers, and a second header", async () => {
    expect(problemOf(await allPaths(join_(lines.slice(0, -1)))).reason).toMatch(/not covered by a checkpoint/);
    const twice = [...lines];
    twice.splice(5, 0, lines[0]!);
    expect(problemOf(await allPaths(join_(twice))).reason).toBe("a second header");
  });
});

/** One random change to the log's lines: a character, a removed, repeated or swapped line. */
const tampering = fc.record({ how: fc.constantFrom("char", "remove", "repeat", "swap"), a: fc.nat(), b: fc.nat(), code: fc.integer({ min: 32, max: 126 }) });
function tamper(t: { how: string; a: number; b: number; code: number }): string[] {
  const changed = [...lines];
  const n = 1 + (t.a % (lines.length - 1));
  const m = 1 + (t.b % (lines.length - 1));
  if (t.how === "char") {
    const at = t.b % changed[n]!.length;
    changed[n] = changed[n]!.slice(0, at) + String.fromCharCode(t.code) + changed[n]!.slice(at + 1);
  } else if (t.how === "remove") changed.splice(n, 1);
  else if (t.how === "repeat") changed.splice(m, 0, lines[n]!);
  else [changed[n], changed[m]] = [changed[m]!, changed[n]!];
  return changed;
}

describe("log file verification, property", () => {
  it("gives the in-memory verdict for any one change, in chunks of any size", async () => {
    await fc.assert(
      fc.asyncProperty(tampering, fc.integer({ min: 64, max: 6000 }), async (t, chunkBytes) => {
        const content = join_(tamper(t));
        const path = join(dir, "property.jsonl");
        writeFileSync(path, content);
        expect(summary(await verifyLogFile(path, { threads: 0, chunkBytes }))).toEqual(summary(await verifyLogText(content)));
      }),
      { numRuns: 25 },
    );
  });

  it("packs verdicts for the trip back from a worker without losing anything", async () => {
    const keys = new Map(fixture.ledger.keys().map((k) => [k.id, k]));
    await fc.assert(
      fc.asyncProperty(tampering, async (t) => {
        const verdicts = await checkLines(tamper(t).slice(1), keys, pureLineHashing(), pureBatchVerifier);
        expect(unpackVerdicts(structuredClone(packVerdicts(verdicts)))).toEqual(verdicts);
      }),
      { numRuns: 25 },
    );
  });
});

describe("log file verification", () => {
  it("names an entry whose bytes are not valid UTF-8 rather than decoding them", async () => {
    const n = entryLines[5]!;
    const bytes = Buffer.from(text);
    const start = Buffer.from(lines.slice(0, n).join("\n") + "\n").length;
    const at = start + lines[n]!.indexOf('"subject"') + 12;
    bytes[at] = 0xff;
    const path = join(dir, "not-utf8.jsonl");
    writeFileSync(path, bytes);
    for (const threads of [0, 2]) {
      const problem = problemOf(await verifyLogFile(path, { threads, chunkBytes: 900 }));
      expect(problem.index).toBe(5);
      expect(problem.reason).toBe("not valid UTF-8");
    }
  });
});
