import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const MAIN = join(ROOT, "src/cli/main.ts");

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: "" }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.end("a-password-from-stdin\n");
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a command against a data folder a running server holds", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "homeward-in-use-"));
    await mkdir(join(dir, "data"));
    // This test process stands in for the server: its pid is alive for as long as the test runs.
    await writeFile(join(dir, "data", "homeward.lock"), `${process.pid}\n`);
    await writeFile(join(dir, "one.csv"), "record_id,given_name\nr1,Олександр\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  for (const args of [
    (d: string) => ["import", "cases", join(d, "one.csv"), "--party", "tracing", "--data", join(d, "data")],
    (d: string) => ["log", "export", "--data", join(d, "data"), "--out", join(d, "log.jsonl")],
  ]) {
    it(`says what to do instead, without a stack trace: homeward ${args("D").slice(0, 2).join(" ")}`, async () => {
      const r = await run(args(dir));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`is open in another homeward process (pid ${process.pid})`);
      expect(r.stderr).toMatch(/stop that server/);
      expect(r.stderr).toMatch(/HTTP API/);
      expect(r.stderr).not.toMatch(/DataDirInUseError|\n\s+at /);
    }, 60_000);
  }
});
