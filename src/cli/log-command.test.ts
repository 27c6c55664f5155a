import { describe, it, expect, beforeAll } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildSignedReport, toHex } from "../ledger/index.ts";
import { buildFixtureLog, FIXTURE_REPORT } from "../ledger/fixture-log.ts";
import { runLogVerify, type Output } from "./log-command.ts";
import { runReportVerify } from "./report-command.ts";
import { openStore } from "../store/index.ts";

const run = promisify(execFile);
const main = fileURLToPath(new URL("./main.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "homeward-log-"));
const logPath = join(dir, "log.jsonl");
const reportPath = join(dir, "report.json");
const fixture = buildFixtureLog({ actions: 20 });

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join("\n") };
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  writeFileSync(logPath, fixture.ledger.exportText());
  writeFileSync(reportPath, JSON.stringify(buildSignedReport(fixture.ledger, "report-1", FIXTURE_REPORT)));
});

describe("homeward log verify", () => {
  it("exits 0 and prints the verified size, root and key fingerprints (spawned process)", async () => {
    const { code, stdout } = await cli("log", "verify", logPath);
    expect(code).toBe(0);
    expect(stdout).toContain(`verified ${fixture.ledger.size} entries`);
    expect(stdout).toContain(`root ${toHex(fixture.ledger.tree.root())}`);
    expect(stdout).toMatch(/tracing-authority\s+[0-9a-f]{4}(:[0-9a-f]{4}){7}/);
  });

  it("exits non-zero naming the first bad entry when one byte changes (spawned process)", async () => {
    const lines = readFileSync(logPath, "utf8").split("\n");
    lines[8] = lines[8]!.replace('"subject":"case:', '"subject":"case:9');
    const tampered = join(dir, "tampered.jsonl");
    writeFileSync(tampered, lines.join("\n"));
    const { code, stderr } = await cli("log", "verify", tampered);
    expect(code).toBe(1);
    const index = (JSON.parse(lines[8]!) as { entry: { index: number } }).entry.index;
    expect(stderr).toContain(`FAILED at entry ${index} (line 9)`);
  });

  it("with pinned keys, rejects a log signed by other keys and accepts the right ones", async () => {
    const p = fixture.parties;
    const good = join(dir, "keys.json");
    writeFileSync(good, JSON.stringify({ keys: [p.tracing.key, p.holding.key, p.mediator.key] }));
    const io = capture();
    expect(await runLogVerify(logPath, { keys: good, threads: "0" }, io)).toBe(0);
    expect(io.text()).toContain("pinned");
    // The shape GET /api/keys answers: anchors are pinned, keys announced in the log are not.
    const fromApi = join(dir, "api-keys.json");
    writeFileSync(fromApi, JSON.stringify({ log: "x", keys: [
      ...[p.tracing.key, p.holding.key, p.mediator.key].map((k) => ({ ...k, anchor: true, retired: false })),
      { ...p.tracingVerifier.key, anchor: false, retired: false },
    ] }));
    expect(await runLogVerify(logPath, { keys: fromApi, threads: "0" }, capture())).toBe(0);
    const wrong = join(dir, "wrong-keys.json");
    writeFileSync(wrong, JSON.stringify([p.holding.key, p.mediator.key]));
    const io2 = capture();
    expect(await runLogVerify(logPath, { keys: wrong, threads: "0" }, io2)).toBe(1);
    expect(io2.text()).toMatch(/FAILED at entry 0 .*unknown key/);
  });

  it("detects a split view against a checkpoint held elsewhere", async () => {
    const cp = { ...fixture.ledger.lastCheckpoint()!.checkpoint, root: "00".repeat(32) };
    const cpPath = join(dir, "cp.json");
    writeFileSync(cpPath, JSON.stringify(cp));
    const io = capture();
    expect(await runLogVerify(logPath, { checkpoint: [cpPath], threads: "1" }, io)).toBe(1);
    expect(io.text()).toMatch(/split view/);
  });
});

describe("homeward log export --data", () => {
  it("exports the registry's log, which then verifies (spawned processes)", async () => {
    const data = join(dir, "registry");
    const store = await openStore({ dataDir: data });
    await store.parties.ensure({ id: "tracing", name: "Tracing", kind: "tracing-authority" });
    const user = await store.users.create({ username: "t", passwordHash: "not-a-real-hash", partyId: "tracing", role: "caseworker" });
    const ctx = { partyId: "tracing", userId: user.id, role: "caseworker" as const };
    const { id } = await store.cases.create(ctx, { names: [{ given: "Олена", family: "Шевченко" }], sex: "F" }, { clientId: "c" });
    await store.cases.appendAction(ctx, id, { type: "register" }, { clientId: "r" });
    await store.close();
    const out = join(dir, "registry-log.jsonl");
    const exported = await cli("log", "export", "--data", data, "--out", out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/2 entries/);
    const verified = await cli("log", "verify", out);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("verified 2 entries");
  });
});

describe("homeward report verify", () => {
  it("accepts the signed report and lists each role's signature", async () => {
    const io = capture();
    expect(await runReportVerify(reportPath, { log: logPath }, io)).toBe(0);
    expect(io.text()).toMatch(/signed as tracing-verifier .* by tracing-authority \/ verifier-t/);
    expect(io.text()).toContain("confirmed by the mediator");
    expect(io.text()).toMatch(/verification code [0-9A-F]{4}-/);
  });

  it("rejects a report whose content was changed (spawned process)", async () => {
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as { report: Record<string, unknown> };
    report.report.case = "case:2";
    const changed = join(dir, "changed-report.json");
    writeFileSync(changed, JSON.stringify(report));
    const { code, stderr } = await cli("report", "verify", changed);
    expect(code).toBe(1);
    expect(stderr).toMatch(/FAILED: .*report was changed/);
  });
});
