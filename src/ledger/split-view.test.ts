import { describe, it, expect } from "vitest";
import { toHex } from "./bytes.ts";
import { buildFixtureLog } from "./fixture-log.ts";
import { compareCheckpoints } from "./split-view.ts";
import type { Checkpoint } from "./schemas.ts";

const { ledger } = buildFixtureLog({ actions: 20 });
const cp = (size: number, root = toHex(ledger.tree.root(size))): Checkpoint => ({ log: ledger.log, size, root, time: "2026-01-01T00:00:00.000Z" });
const proof = (from: number, to: number): string[] => ledger.tree.consistencyProof(from, to).map(toHex);

describe("compareCheckpoints", () => {
  it("accepts an earlier checkpoint that the later one extends", () => {
    expect(compareCheckpoints(cp(7), cp(ledger.size), proof(7, ledger.size))).toEqual({ consistent: true });
    expect(compareCheckpoints(cp(ledger.size), cp(7), proof(7, ledger.size))).toEqual({ consistent: true });
    expect(compareCheckpoints(cp(9), cp(9))).toEqual({ consistent: true });
  });

  it("reports a split view: one size with two roots, or a history rewritten before a later checkpoint", () => {
    const other = buildFixtureLog({ actions: 21 }).ledger;
    const forked = cp(ledger.size, toHex(other.tree.root(ledger.size)));
    expect(compareCheckpoints(cp(ledger.size), forked).consistent).toBe(false);
    const rewritten = cp(7, "00".repeat(32));
    const result = compareCheckpoints(rewritten, cp(ledger.size), proof(7, ledger.size));
    expect(result.consistent).toBe(false);
    expect(!result.consistent && result.reason).toMatch(/split view/);
  });
});
