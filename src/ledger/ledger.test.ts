import { describe, it, expect } from "vitest";
import { buildFixtureLog, fixtureAction } from "./fixture-log.ts";
import { fromHex, utf8 } from "./bytes.ts";
import { canonicalJson } from "./canonical-json.ts";
import { leafHash, verifyInclusion } from "./merkle.ts";

const input = (id: string, n: number) => ({
  id, type: fixtureAction.type, typeVersion: 1, subject: "case:9", party: "holding-authority", time: "2026-03-01T00:00:00.000Z", payload: { n, note: "x" },
});

describe("Ledger", () => {
  it("treats a repeated append of the same action as a no-op", () => {
    const { ledger, parties } = buildFixtureLog();
    const size = ledger.size;
    const first = ledger.append(input("again", 1), [parties.holding]);
    const second = ledger.append({ ...input("again", 1), time: "2026-03-02T00:00:00.000Z" }, [parties.holding]);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.index).toBe(first.index);
    expect(ledger.size).toBe(size + 1);
  });

  it("refuses a different action under an id already used", () => {
    const { ledger, parties } = buildFixtureLog();
    ledger.append(input("same-id", 1), [parties.holding]);
    expect(() => ledger.append(input("same-id", 2), [parties.holding])).toThrow(/different action/);
  });

  it("refuses appends signed by a revoked or foreign key, and payloads of the wrong shape", () => {
    const { ledger, parties } = buildFixtureLog();
    expect(() => ledger.append(input("foreign", 1), [parties.mediator])).toThrow(/acting party is holding-authority/);
    expect(() => ledger.append({ ...input("rotated-out", 1), party: "tracing-authority" }, [parties.tracing])).toThrow(/revocation/);
    expect(() => ledger.append({ ...input("bad", 1), payload: { n: "one" } }, [parties.holding])).toThrow(/invalid/);
  });

  it("gives proofs that hold for every entry against the last checkpoint's root", () => {
    const { ledger } = buildFixtureLog();
    const cp = ledger.lastCheckpoint()!;
    expect(cp.checkpoint.size).toBe(ledger.size);
    const root = fromHex(cp.checkpoint.root);
    for (let i = 0; i < ledger.size; i++) {
      const leaf = leafHash(utf8(canonicalJson(ledger.entry(i))));
      expect(verifyInclusion(i, ledger.size, leaf, ledger.tree.inclusionProof(i), root).ok).toBe(true);
    }
  });
});
