import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "csv-stringify/sync";
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { openStore } from "../store/index.ts";
import { generateDemoCases } from "../demo/generate-demo-cases.ts";
import { DEMO_PARTIES } from "../demo/demo-accounts.ts";
import { rejectedPathFor } from "./import-command.ts";
import { createTestDatabase, pgReachable } from "../store/test-support/pg-test-db.ts";
import { testDoor } from "../store/test-support/test-door.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const MAIN = join(ROOT, "src/cli/main.ts");

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

interface Target { name: string; dataDir: string; databaseUrl: string }

function runImport(file: string, target: Target, extra: string[] = [], killAfterStartMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = [MAIN, "import", "cases", file, "--party", DEMO_PARTIES.tracing.id, "--data", target.dataDir, ...extra];
    const child = spawn(NODE, args, {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: target.databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      // Killed at a random moment once rows are being written, wherever the import is then.
      if (killAfterStartMs !== undefined && timer === undefined && stderr.includes("rows a transaction")) {
        timer = setTimeout(() => child.kill("SIGKILL"), killAfterStartMs);
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function withStore<T>(target: Target, run: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function countCases(target: Target): Promise<{ cases: number; actions: number; clientIds: number; entries: number }> {
  return withStore(target, async (store) => {
    const r = await sql<{ cases: number; actions: number; clientIds: number; entries: number }>`
      select (select count(*)::int from cases) as cases, (select count(*)::int from case_actions) as actions,
             (select count(distinct client_id)::int from case_actions) as "clientIds",
             (select count(*)::int from ledger_entries) as entries`.execute(testDoor(store).db);
    return r.rows[0]!;
  });
}

// Rows built from the demo generator, as a tracing authority's register would export them.
function csvFile(rows: number): string {
  const cases = generateDemoCases({ families: rows, asOf: new Date() }).filter((c) => c.party !== "holding").slice(0, rows);
  const header = ["record_id", "given_name", "family_name", "patronymic", "sex", "birth_date", "birth_place", "separation_category", "mother_name", "guardian_phone", "notes"];
  const body = cases.map((c, i) => {
    const n = c.input.names[0]!;
    const mother = c.input.family?.find((m) => m.relation === "mother");
    return [
      `R-${i + 1}`, n.given ?? "", n.family ?? "", n.patronymic ?? "", c.input.sex, c.input.birthDate ?? "", c.input.birthPlace ?? "",
      c.input.separation?.category ?? "", mother ? `${mother.given} ${mother.family}` : "", mother?.contact?.phone ?? "", c.input.notes ?? "",
    ];
  });
  // Two bad rows: an impossible date and a missing record id.
  body.splice(3, 0, ["R-bad-1", "Іван", "Петренко", "", "M", "2014-02-30", "", "", "", "", ""]);
  body.splice(7, 0, ["", "Анна", "Бойко", "", "F", "2012", "", "", "", "", ""]);
  return stringify([header, ...body]);
}

const unreachable = await pgReachable();
const targets: { name: string; skip: string | null; make: (dir: string) => Promise<Target> }[] = [
  { name: "PGlite", skip: null, make: async (dir) => ({ name: "PGlite", dataDir: join(dir, "data"), databaseUrl: "" }) },
  {
    name: "PostgreSQL",
    skip: unreachable !== null && process.env.CI !== "true" ? unreachable : null,
    make: async (dir) => {
      const db = await createTestDatabase();
      cleanups.push(() => db.drop());
      return { name: "PostgreSQL", dataDir: join(dir, "data"), databaseUrl: db.url };
    },
  },
];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const CHUNK = 40;
const ROWS = 300;

for (const t of targets) {
  describe.skipIf(t.skip !== null)(`homeward import cases (${t.name})`, () => {
    let dir: string;
    let target: Target;
    let entriesBefore = 0;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "homeward-import-"));
      target = await t.make(dir);
      await withStore(target, (store) => store.parties.ensure(DEMO_PARTIES.tracing));
      entriesBefore = (await countCases(target)).entries;
      await writeFile(join(dir, "cases.csv"), csvFile(ROWS));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("killed at random moments, leaves only whole chunks, and a restart completes it with nothing lost or twice", async () => {
      // Deterministic "random" moments, spread over the import.
      const moments = [350, 1900, 900];
      for (const ms of moments) {
        const run = await runImport(join(dir, "cases.csv"), target, ["--chunk-size", String(CHUNK)], ms);
        const counts = await countCases(target);
        expect(counts.cases).toBe(counts.actions);
        expect(counts.clientIds).toBe(counts.cases);
        // Every case is a signed log entry, written in the same transaction as the case.
        expect(counts.entries - entriesBefore).toBeGreaterThanOrEqual(counts.cases);
        if (run.signal === "SIGKILL") expect(counts.cases % CHUNK).toBe(0);
        expect(counts.cases).toBeLessThanOrEqual(ROWS);
      }
      const last = await runImport(join(dir, "cases.csv"), target, ["--chunk-size", String(CHUNK)]);
      expect(last.code).toBe(2);
      expect(last.stdout).toMatch(/Imported \d+ new case\(s\); \d+ already imported; 2 rejected\./);
      const counts = await countCases(target);
      expect(counts).toMatchObject({ cases: ROWS, actions: ROWS, clientIds: ROWS });
    }, 300_000);

    it("reports the rejected rows beside the input with every problem, and adds nothing when re-run", async () => {
      const rejected = parse(await readFile(rejectedPathFor(join(dir, "cases.csv")), "utf8")) as string[][];
      expect(rejected[0]?.slice(0, 3)).toEqual(["line", "reason", "record_id"]);
      expect(rejected.slice(1).map((r) => [r[0], r[1]?.split(":")[0]])).toEqual([["5", "birth_date"], ["9", "record_id"]]);

      const again = await runImport(join(dir, "cases.csv"), target);
      expect(again.stdout).toContain(`Imported 0 new case(s); ${ROWS} already imported; 2 rejected.`);
      expect(again.stderr).toMatch(/importing \[[^\]]*\] +100% \| 302 rows/);
      expect(await countCases(target)).toMatchObject({ cases: ROWS });
    }, 180_000);

    it("a dry run checks the party too, and imports nothing", async () => {
      const run = await runImport(join(dir, "cases.csv"), { ...target }, ["--dry-run"]);
      expect(run.stdout).toContain(`Dry run: ${ROWS} row(s) would be imported; 2 rejected.`);
      const unknown = await new Promise<Run>((resolve, reject) => {
        const child = spawn(NODE, [MAIN, "import", "cases", join(dir, "cases.csv"), "--party", "nobody", "--dry-run", "--data", target.dataDir], {
          cwd: ROOT, env: { ...process.env, DATABASE_URL: target.databaseUrl }, stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({ code, signal, stdout: "", stderr }));
      });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/unknown party "nobody"/);
    }, 120_000);
  });
}

describe("homeward import cases: rows that break a rule of the registry", () => {
  let dir: string;
  let target: Target;
  const csv = [
    "record_id,given_name,family_name,sex,birth_date,consent_tracing,consent_given_by",
    "ok-1,Олександр,Коваленко,M,2014-03-07,yes,guardian",
    // Born in 2000: an adult, whose consent is their own, not a guardian's.
    "adult,Марія,Шевченко,F,2000-01-01,yes,guardian",
    "ok-2,Анна,Бойко,F,2012,,",
  ].join("\n");
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "homeward-import-rules-"));
    target = { name: "PGlite", dataDir: join(dir, "data"), databaseUrl: "" };
    await withStore(target, (store) => store.parties.ensure(DEMO_PARTIES.tracing));
    await writeFile(join(dir, "rules.csv"), csv);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const rejectedLines = async () =>
    (parse(await readFile(rejectedPathFor(join(dir, "rules.csv")), "utf8")) as string[][]).slice(1).map((r) => [r[0], r[1]?.split(":")[0], r[2]]);

  it("a dry run finds the row as an import would, imports nothing and exits 2", async () => {
    const run = await runImport(join(dir, "rules.csv"), target, ["--dry-run"]);
    expect(run.stdout).toContain("Dry run: 2 row(s) would be imported; 1 rejected.");
    expect(run.code).toBe(2);
    expect(await rejectedLines()).toEqual([["3", "consent_given_by", "adult"]]);
    expect(await countCases(target)).toMatchObject({ cases: 0 });
  }, 120_000);

  it("the import rejects it on its own line, imports the rest and exits 2", async () => {
    const run = await runImport(join(dir, "rules.csv"), target);
    expect(run.stdout).toContain("Imported 2 new case(s); 0 already imported; 1 rejected.");
    expect(run.code).toBe(2);
    expect(await rejectedLines()).toEqual([["3", "consent_given_by", "adult"]]);
    expect(await countCases(target)).toMatchObject({ cases: 2 });
  }, 120_000);
});
