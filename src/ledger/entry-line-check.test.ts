import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { canonicalJson } from "./canonical-json.ts";
import { pureBatchVerifier } from "./ed25519.ts";
import {
  announcedKey,
  canonicalForm,
  checkLines,
  pureLineHashing,
  SIGNATURE_BAD,
  SIGNATURE_KEY_UNKNOWN,
  SIGNATURE_OK,
} from "./entry-line-check.ts";
import { signEntry } from "./entry.ts";
import { buildFixtureLog } from "./fixture-log.ts";
import { hashCanonical } from "./sha256.ts";
import type { KeyRecord } from "./schemas.ts";

const fixture = buildFixtureLog({ actions: 6 });
const lines = fixture.ledger.exportText().trimEnd().split("\n");
const allKeys = new Map<string, KeyRecord>(
  [fixture.parties, { rotated: fixture.rotatedTracing }].flatMap((p) => Object.values(p).map((s) => [s.key.id, s.key] as const)),
);
const hashing = pureLineHashing();

describe("canonicalForm", () => {
  it("agrees with the RFC 8785 canonicaliser on any JSON value, whatever its key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        let expected: string | undefined;
        try {
          expected = canonicalJson(parsed);
        } catch {
          expected = undefined;
        }
        expect(canonicalForm(parsed)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("sorts integer-like keys as text and has no form for a lone surrogate", () => {
    const parsed = JSON.parse('{"9":1,"10":2,"a":[{"b":1,"a":2}]}') as unknown;
    expect(canonicalForm(parsed)).toBe('{"10":2,"9":1,"a":[{"a":2,"b":1}]}');
    expect(canonicalForm(JSON.parse('{"a":"\\ud800"}'))).toBeUndefined();
    expect(canonicalForm(JSON.parse('{"a":"\\\\ud800"}'))).toBe('{"a":"\\\\ud800"}');
  });
});

describe("checkLines", () => {
  it("checks each signature against the key its id names, and says when it has no such key", async () => {
    const body = lines.slice(1);
    const known = await checkLines(body, allKeys, hashing, pureBatchVerifier);
    for (const verdict of known) {
      expect(verdict.kind === "entry" || verdict.kind === "checkpoint").toBe(true);
      if (verdict.kind === "entry" || verdict.kind === "checkpoint") expect(verdict.sigs.every((s) => s === SIGNATURE_OK)).toBe(true);
    }
    const none = await checkLines(body, new Map(), hashing, pureBatchVerifier);
    for (const verdict of none) if (verdict.kind === "entry") expect(verdict.sigs.every((s) => s === SIGNATURE_KEY_UNKNOWN)).toBe(true);
  });

  it("marks a signature that does not verify, and gives the same verdicts in any grouping of lines", async () => {
    const entryLine = lines.findIndex((l) => l.includes('"type":"fixture.action"'));
    const line = lines[entryLine]!;
    const sigAt = line.indexOf('"sig":"') + 7;
    const broken = line.slice(0, sigAt) + (line[sigAt] === "0" ? "1" : "0") + line.slice(sigAt + 1);
    const [verdict] = await checkLines([broken], allKeys, hashing, pureBatchVerifier);
    expect(verdict!.kind === "entry" && verdict!.sigs[0]).toBe(SIGNATURE_BAD);
    const whole = await checkLines(lines.slice(1), allKeys, hashing, pureBatchVerifier);
    const oneByOne = (await Promise.all(lines.slice(1).map((l) => checkLines([l], allKeys, hashing, pureBatchVerifier)))).flat();
    expect(oneByOne).toEqual(whole);
  });

  it("accepts a canonical line whose keys JSON.parse reorders (integer-like keys), and only in canonical order", async () => {
    const body = { "9": "nine", "10": "ten", a: { b: 1 } };
    const entry = {
      log: "fixture-log", index: 0, id: "custom-1", type: "custom.thing", typeVersion: 1, subject: "case:1",
      party: "tracing-authority", time: "2026-01-01T00:00:00.000Z", payloadHash: hashCanonical(body), body,
    };
    const line = canonicalJson(signEntry(entry, [fixture.parties.tracing]));
    expect(line).toContain('"body":{"10":"ten","9":"nine","a":{"b":1}}');
    const [verdict] = await checkLines([line], allKeys, hashing, pureBatchVerifier);
    expect(verdict!.kind === "entry" && verdict!.sigs).toEqual([SIGNATURE_OK]);
    const [reordered] = await checkLines([line.replace('{"10":"ten","9":"nine"', '{"9":"nine","10":"ten"')], allKeys, hashing, pureBatchVerifier);
    expect(reordered).toEqual({ kind: "bad-line", reason: "entry is not in canonical (RFC 8785) form" });
  });

  it("names what is wrong with a line on its own, in the verifier's words", async () => {
    const entry = lines.find((l) => l.includes('"kind":"entry"'))!;
    const verdicts = await checkLines(
      ["{", "[]", lines[0]!, entry.replace('{"entry":', '{ "entry":'), entry.replace('"kind":"entry"', '"kind":"entry","x":1')],
      allKeys,
      hashing,
      pureBatchVerifier,
    );
    expect(verdicts.map((v) => (v.kind === "bad-line" ? v.reason : v.kind))).toEqual([
      "not valid JSON",
      "a line that is neither an entry nor a checkpoint",
      "a second header",
      "entry is not in canonical (RFC 8785) form",
      "malformed entry: unexpected field x",
    ]);
  });
});

describe("announcedKey", () => {
  it("finds the key a key entry adds or rotates in, and only when its id is its public key's hash", () => {
    const added = lines.filter((l) => l.includes('"key.added"') || l.includes('"key.rotated"'));
    expect(added.length).toBe(4);
    expect(added.map((l) => announcedKey(l)?.id)).toEqual([
      fixture.parties.tracingVerifier.key.id,
      fixture.parties.holdingVerifier.key.id,
      fixture.parties.mediatorOfficer.key.id,
      fixture.rotatedTracing.key.id,
    ]);
    const forged = added[0]!.replace(fixture.parties.tracingVerifier.key.publicKey, fixture.parties.holding.key.publicKey);
    expect(announcedKey(forged)).toBeUndefined();
    expect(announcedKey(lines.find((l) => l.includes('"fixture.action"'))!)).toBeUndefined();
  });
});
