import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../store/index.ts";
import { storeTrainingRecords } from "../store/matching/test-support/match-training-records.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { printTraining } from "./match-command.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const MAIN = join(ROOT, "src/cli/main.ts");

interface Run { code: number | null; stdout: string; stderr: string }

function homeward(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("homeward match train", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "homeward-match-train-"));
    const store = await openStore({ dataDir: dir });
    try {
      await store.parties.ensure(DEMO_PARTIES.tracing);
      await store.parties.ensure(DEMO_PARTIES.holding);
      await storeTrainingRecords(
        store,
        { partyId: DEMO_PARTIES.tracing.id, userId: "cli-test-tracing", role: "caseworker" },
        { partyId: DEMO_PARTIES.holding.id, userId: "cli-test-holding", role: "caseworker" },
      );
    } finally {
      await store.close();
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("learns m/u from the stored records, prints what it learned and the model, and signs a log entry for the party (spawned process)", async () => {
    const run = await homeward("match", "train", "--party", DEMO_PARTIES.holding.id, "--data", dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("records used: 520 tracing + 520 holding");
    expect(run.stdout).toMatch(/trained: u from \d+ random pairs; m by EM over \d+ candidate pairs/);
    expect(run.stdout).toMatch(/birth date \+ birth place: \d+ pairs, share of matches/);
    expect(run.stdout).toMatch(/model \d+ \(trained-em\)/);
    expect(run.stdout).toMatch(/given_name\s+exact\s+0\.\d{4}/);
    const index = Number(/signed log entry (\d+)/.exec(run.stdout)?.[1]);
    const store = await openStore({ dataDir: dir });
    try {
      const model = await store.matching.model();
      expect(model.source).toBe("trained-em");
      const line = await store.ledger.entry(index);
      expect(line?.entry).toMatchObject({ type: "match.model-trained", party: DEMO_PARTIES.holding.id, body: { model: model.id, records: { tracing: 520, holding: 520 } } });
    } finally {
      await store.close();
    }
  });

  it("refuses an unknown party with a one-line error (spawned process)", async () => {
    const run = await homeward("match", "train", "--party", "no-such-party", "--data", dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown party "no-such-party"');
  });

  it("says so when the records are too few and the model in use is kept", async () => {
    const store = await openStore();
    try {
      const lines: string[] = [];
      printTraining(await store.matching.train(), { out: (t) => lines.push(t) });
      const text = lines.join("\n");
      expect(text).toContain("records used: 0 tracing + 0 holding");
      expect(text).toContain("not trained: too few records");
      expect(text).toMatch(/model \d+ \(preset-defaults\)/);
    } finally {
      await store.close();
    }
  });
});
