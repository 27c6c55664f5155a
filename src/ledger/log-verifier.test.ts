import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { canonicalJson } from "./canonical-json.ts";
import { toHex, utf8 } from "./bytes.ts";
import { buildEntry, signCheckpoint, signEntry, type Signer } from "./entry.ts";
import { buildFixtureLog, fixtureAction, seededSigner } from "./fixture-log.ts";
import { MerkleTree } from "./merkle-tree.ts";
import { describeProblem, verifyLogText, type LogVerification } from "./log-verifier.ts";
import type { CheckpointLine, EntryLine } from "./schemas.ts";

const fixture = buildFixtureLog();
const text = fixture.ledger.exportText();
const lines = text.trimEnd().split("\n");
const kinds = lines.map((l) => (JSON.parse(l) as { kind: string }).kind);
/** Line number of entry i. */
const entryLines = kinds.flatMap((k, n) => (k === "entry" ? [n] : []));
const join = (ls: string[]): string => ls.join("\n") + "\n";

function problemOf(result: LogVerification): { index?: number; checkpointSize?: number; reason: string } {
  if (result.ok) throw new Error("expected the log to be rejected");
  return result.problem;
}

/** Entry lines re-assembled with fresh, correctly signed checkpoints: only the entries can be at fault. */
function withFreshCheckpoint(entries: EntryLine[], signers: Signer[], extra: string[] = []): string {
  const tree = new MerkleTree();
  for (const e of entries) tree.append(utf8(canonicalJson(e)));
  const cp = signCheckpoint({ log: "fixture-log", size: tree.size, root: toHex(tree.root()), time: "2026-02-01T00:00:00.000Z" }, signers);
  return join([lines[0]!, ...entries.map((e) => canonicalJson(e)), ...extra, canonicalJson(cp)]);
}
const entries = (): EntryLine[] => entryLines.map((n) => JSON.parse(lines[n]!) as EntryLine);
const partySigners = (): Signer[] => [fixture.rotatedTracing, fixture.parties.holding, fixture.parties.mediator];

describe("log verification", () => {
  it("accepts the untouched log and reports its size, root and co-signed checkpoints", async () => {
    const result = await verifyLogText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.size).toBe(fixture.ledger.size);
    expect(result.root).toBe(toHex(fixture.ledger.tree.root()));
    expect(result.checkpoints.length).toBeGreaterThan(1);
    expect(result.checkpoints.at(-1)!.signers.map((k) => k.party)).toEqual(["tracing-authority", "holding-authority", "mediator"]);
  });

  it("names the changed entry when any character of any entry changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 32, max: 126 }), async (which, pos, code) => {
        const entry = which % entryLines.length;
        const n = entryLines[entry]!;
        const line = lines[n]!;
        const at = pos % line.length;
        fc.pre(line.charCodeAt(at) !== code);
        const changed = [...lines];
        changed[n] = line.slice(0, at) + String.fromCharCode(code) + line.slice(at + 1);
        const problem = problemOf(await verifyLogText(join(changed)));
        expect(problem.index, problem.reason).toBe(entry);
      }),
      { numRuns: 60 },
    );
  });

  it("names the position of a removed entry", async () => {
    for (const entry of [0, 5, entryLines.length - 1]) {
      const changed = lines.filter((_, n) => n !== entryLines[entry]);
      const problem = problemOf(await verifyLogText(join(changed)));
      expect(problem.index, problem.reason).toBe(entry);
      expect(problem.reason).toMatch(/missing/);
    }
  });

  it("names the position of an inserted entry", async () => {
    const changed = [...lines];
    changed.splice(entryLines[4]!, 0, lines[entryLines[9]!]!);
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.index).toBe(4);
  });

  it("names the first position of reordered entries", async () => {
    const changed = [...lines];
    [changed[entryLines[3]!], changed[entryLines[6]!]] = [changed[entryLines[6]!]!, changed[entryLines[3]!]!];
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.index).toBe(3);
    expect(problem.reason).toMatch(/missing or out of order/);
  });

  it("rejects a checkpoint whose root does not match, even when properly signed", async () => {
    const n = kinds.lastIndexOf("checkpoint");
    const cp = JSON.parse(lines[n]!) as CheckpointLine;
    const forged = signCheckpoint({ ...cp.checkpoint, root: "ab".repeat(32) }, partySigners());
    const changed = [...lines];
    changed[n] = canonicalJson(forged);
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.checkpointSize).toBe(cp.checkpoint.size);
    expect(problem.reason).toMatch(/does not match the entries/);
  });

  it("rejects a checkpoint co-signature that does not verify", async () => {
    const n = kinds.indexOf("checkpoint");
    const cp = JSON.parse(lines[n]!) as CheckpointLine;
    const other = signCheckpoint({ ...cp.checkpoint, time: "2030-01-01T00:00:00.000Z" }, [fixture.parties.holding]);
    const tampered: CheckpointLine = { ...cp, sigs: cp.sigs.map((s) => (s.key === fixture.parties.holding.key.id ? other.sigs[0]! : s)) };
    const changed = [...lines];
    changed[n] = canonicalJson(tampered);
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.checkpointSize).toBe(cp.checkpoint.size);
    expect(problem.reason).toMatch(/co-signature by holding-authority does not verify/);
  });

  it("detects a split view: two signed checkpoints of one size with different roots", async () => {
    const n = kinds.indexOf("checkpoint");
    const cp = JSON.parse(lines[n]!) as CheckpointLine;
    const other = signCheckpoint({ ...cp.checkpoint, root: "cd".repeat(32) }, [fixture.parties.holding]);
    const changed = [...lines];
    changed.splice(n + 1, 0, canonicalJson(other));
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.reason).toMatch(/split view/);
  });

  it("detects a split view against a checkpoint another party holds", async () => {
    const elsewhere = buildFixtureLog({ actions: 13 });
    const theirs = (JSON.parse(elsewhere.ledger.exportText().trimEnd().split("\n").at(-1)!) as CheckpointLine).checkpoint;
    const sameSize = { ...theirs, size: 20, root: toHex(elsewhere.ledger.tree.root(20)) };
    const problem = problemOf(await verifyLogText(text, { externalCheckpoints: [{ ...sameSize, root: "ef".repeat(32) }] }));
    expect(problem.reason).toMatch(/split view/);
    expect((await verifyLogText(text, { externalCheckpoints: [{ ...sameSize, root: toHex(fixture.ledger.tree.root(20)) }] })).ok).toBe(true);
  });

  it("rejects an entry signed by a revoked key after its revocation", async () => {
    const es = entries();
    const { holding, holdingVerifier } = fixture.parties;
    const entry = buildEntry("fixture-log", es.length, {
      id: "after-revocation", type: "report.signed", typeVersion: 1, subject: "case:2", party: "holding-authority", user: holdingVerifier.key.user,
      time: "2026-02-01T00:00:00.000Z", payload: { report: "report-2", reportHash: "00".repeat(32), role: "holding-verifier" },
    });
    const result = await verifyLogText(withFreshCheckpoint([...es, signEntry(entry, [holding, holdingVerifier])], partySigners()));
    const problem = problemOf(result);
    expect(problem.index).toBe(es.length);
    expect(problem.reason).toMatch(/after its revocation/);
  });

  it("rejects an entry signed by a rotated-out key", async () => {
    const es = entries();
    const entry = buildEntry("fixture-log", es.length, {
      id: "old-key", type: fixtureAction.type, typeVersion: 1, subject: "case:1", party: "tracing-authority",
      time: "2026-02-01T00:00:00.000Z", payload: { n: 99, note: "old key" },
    });
    const problem = problemOf(await verifyLogText(withFreshCheckpoint([...es, signEntry(entry, [fixture.parties.tracing])], partySigners())));
    expect(problem.index).toBe(es.length);
    expect(problem.reason).toMatch(/after its revocation/);
  });

  it("rejects an entry signed by another party's key", async () => {
    const es = entries();
    const entry = buildEntry("fixture-log", es.length, {
      id: "wrong-party", type: fixtureAction.type, typeVersion: 1, subject: "case:1", party: "tracing-authority",
      time: "2026-02-01T00:00:00.000Z", payload: { n: 98, note: "impersonation" },
    });
    const problem = problemOf(await verifyLogText(withFreshCheckpoint([...es, signEntry(entry, [fixture.parties.holding])], partySigners())));
    expect(problem.index).toBe(es.length);
    expect(problem.reason).toMatch(/acting party is tracing-authority/);
  });

  it("trusts only pinned keys when keys are pinned", async () => {
    const p = fixture.parties;
    expect((await verifyLogText(text, { pinnedKeys: [p.tracing.key, p.holding.key, p.mediator.key] })).ok).toBe(true);
    const stranger = seededSigner("stranger", "tracing-authority");
    const problem = problemOf(await verifyLogText(text, { pinnedKeys: [stranger.key, p.holding.key, p.mediator.key] }));
    expect(problem.index).toBe(0);
    expect(problem.reason).toMatch(/unknown key/);
  });

  it("rejects a log whose last entries are not covered by a checkpoint", async () => {
    const changed = lines.slice(0, -1);
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.reason).toMatch(/not covered by a checkpoint/);
  });

  it("rejects lines that are not canonical even when they mean the same", async () => {
    const changed = [...lines];
    changed[entryLines[2]!] = JSON.stringify(JSON.parse(lines[entryLines[2]!]!), null, 1).replace(/\n/g, "");
    const problem = problemOf(await verifyLogText(join(changed)));
    expect(problem.index).toBe(2);
    expect(describeProblem({ line: entryLines[2]!, ...problem })).toMatch(/^entry 2 \(line \d+\): /);
  });
});
