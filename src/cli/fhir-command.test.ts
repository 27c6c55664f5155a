import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../store/index.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { consentToResource, readHealthSummary, summaryToBundle } from "../interop/fhir/index.ts";
import { sampleConsent, sampleHealthSummary } from "../interop/fhir/fhir-samples.ts";
import { importContext } from "./import-command.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const MAIN = join(ROOT, "src/cli/main.ts");

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(NODE, [MAIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("homeward fhir import and export", () => {
  let dir = "";
  let caseId = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "homeward-fhir-"));
    const store = await openStore({ dataDir: join(dir, "data") });
    try {
      for (const p of Object.values(DEMO_PARTIES)) await store.parties.ensure(p);
      const ctx = await importContext(store, DEMO_PARTIES.holding.id);
      const created = await store.disclosures.create(ctx, { names: [{ given: "Марія", family: "Бойко" }], sex: "F", birthDate: "2013-09-01", biography: "b", to: DEMO_PARTIES.tracing.id }, { clientId: "fhir-cli" });
      caseId = created.id;
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("records a summary and a consent from files, releases the summary to the party the consent names, refuses a party the case is not shared with, and reports a rejected file's issues with exit code 2", async () => {
    const data = ["--data", join(dir, "data")];
    const summary = sampleHealthSummary();
    await writeFile(join(dir, "ips.json"), JSON.stringify(summaryToBundle(summary, { caseId, timestamp: new Date() })));
    await writeFile(join(dir, "consent.json"), JSON.stringify(consentToResource(sampleConsent({ recipients: [DEMO_PARTIES.tracing.id], period: { start: "2020-01-01" } }), caseId)));
    const bad = summaryToBundle(summary, { caseId, timestamp: new Date() }) as unknown as { entry: { resource: Record<string, unknown> }[] };
    bad.entry[1]!.resource.gender = "boy";
    await writeFile(join(dir, "bad.json"), JSON.stringify(bad));

    const imported = await run(["fhir", "import", join(dir, "ips.json"), "--party", DEMO_PARTIES.holding.id, "--case", caseId, ...data]);
    expect(imported.stdout).toContain("Health summary recorded as version 1");
    expect(imported.code).toBe(0);
    const rejected = await run(["fhir", "import", join(dir, "bad.json"), "--party", DEMO_PARTIES.holding.id, "--case", caseId, ...data]);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('Patient.gender: Code "boy" not found in value set');

    expect((await run(["fhir", "import", join(dir, "consent.json"), "--party", DEMO_PARTIES.holding.id, "--case", caseId, ...data])).stdout).toContain("Consent recorded as version 1");
    const after = await run(["fhir", "export", "--party", DEMO_PARTIES.tracing.id, "--case", caseId, "--purpose", "TREAT", "--out", join(dir, "out.json"), ...data]);
    expect(after.code).toBe(0);
    expect(readHealthSummary(await readFile(join(dir, "out.json")), caseId)).toEqual(summary);
    const other = await run(["fhir", "export", "--party", DEMO_PARTIES.mediator.id, "--case", caseId, "--out", join(dir, "other.json"), ...data]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain("no such case");
  }, 120_000);
});
