import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { buildFixtureLog } from "./fixture-log.ts";
import { checkCheckpointLine, checkEntryLine, checkpointLineSchema, entryLineSchema } from "./schemas.ts";

const lines = buildFixtureLog().ledger.exportText().trimEnd().split("\n").slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
const entries = lines.filter((l) => l.kind === "entry");
const checkpoints = lines.filter((l) => l.kind === "checkpoint");

const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom("", "a".repeat(200), "a".repeat(201), "ab".repeat(32), "AB".repeat(32), "ab".repeat(64), "2026-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00+01:00", "x.y", "X.y", "x"),
  fc.constantFrom(-1, 0, 1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER),
);

/** A random edit somewhere in the line: replace, remove or add a field at any depth. */
function mutate(value: Record<string, unknown>, path: string[], op: number, v: unknown): Record<string, unknown> {
  const copy = structuredClone(value);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== "object" || next === null) break;
    target = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (op === 0) target[last] = v;
  else if (op === 1) delete target[last];
  else target[`extra-${last}`] = v;
  return copy;
}

const paths = (line: Record<string, unknown>): string[][] => {
  const out: string[][] = [];
  const walk = (v: unknown, p: string[]): void => {
    if (p.length) out.push(p);
    if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(line, []);
  return out;
};

describe("hand-written line checks agree with the schemas", () => {
  it.each([
    ["entry", entries, checkEntryLine, entryLineSchema],
    ["checkpoint", checkpoints, checkCheckpointLine, checkpointLineSchema],
  ] as const)("for %s lines under random edits", (_kind, samples, check, schema) => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 }), fieldValue, (which, where, op, v) => {
        const line = samples[which % samples.length]!;
        const ps = paths(line);
        const edited = mutate(line, ps[where % ps.length]!, op, v);
        expect(check(edited).ok).toBe(schema.safeParse(edited).success);
      }),
      { numRuns: 2000 },
    );
    for (const line of samples) expect(check(line).ok).toBe(true);
  });
});
