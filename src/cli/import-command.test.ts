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

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(ROOT, "node_modules/.bin/node");
const MAIN = join(ROOT, "src/cli/main.ts");

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function runImport(file: string, dataDir: string, killWhen?: (stderr: string) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [MAIN, "import", "cases", file, "--party", DEMO_PARTIES.tracing.id, "--data", dataDir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (killWhen?.(stderr) && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function countCases(dataDir: string): Promise<{ cases: number; actions: number }> {
  const store = await openStore({ dataDir });
  try {
    const r = await sql<{ cases: number; actions: number }>`
      select (select count(*)::int from cases) as cases, (select count(*)::int from case_actions) as actions`.execute(store.db);
    return r.rows[0]!;
  } finally {
    await store.close();
  }
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

const PROGRESS = /importing \[[^\]]*\] +\d+% \| (\d+)\/(\d+) rows/g;

describe("homeward import cases", () => {
  let dir: string;
  const ROWS = 300;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "homeward-import-"));
    const store = await openStore({ dataDir: join(dir, "data") });
    await store.parties.ensure(DEMO_PARTIES.tracing);
    await store.close();
    await writeFile(join(dir, "cases.csv"), csvFile(ROWS));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("leaves no partial row when the import process is killed midway", async () => {
    let killedAt = 0;
    const run = await runImport(join(dir, "cases.csv"), join(dir, "data"), (stderr) => {
      for (const m of stderr.matchAll(PROGRESS)) {
        const done = Number(m[1]);
        if (done > 0 && done < Number(m[2])) killedAt = done;
      }
      return killedAt > 0;
    });
    expect(run.signal).toBe("SIGKILL");
    expect(killedAt).toBeGreaterThan(0);
    expect(await countCases(join(dir, "data"))).toEqual({ cases: 0, actions: 0 });
  }, 180_000);

  it("imports every valid row, reports the rejected ones beside the input, and adds nothing when re-run", async () => {
    const first = await runImport(join(dir, "cases.csv"), join(dir, "data"));
    expect(first.stdout).toContain(`Imported ${ROWS} new case(s); 0 already imported; 2 rejected.`);
    expect(first.code).toBe(2);
    expect(await countCases(join(dir, "data"))).toMatchObject({ cases: ROWS });

    const rejected = parse(await readFile(rejectedPathFor(join(dir, "cases.csv")), "utf8")) as string[][];
    expect(rejected[0]?.slice(0, 3)).toEqual(["line", "reason", "record_id"]);
    expect(rejected.slice(1).map((r) => [r[0], r[1]?.split(":")[0]])).toEqual([["5", "birth_date"], ["9", "record_id"]]);

    const again = await runImport(join(dir, "cases.csv"), join(dir, "data"));
    expect(again.stdout).toContain(`Imported 0 new case(s); ${ROWS} already imported; 2 rejected.`);
    expect(await countCases(join(dir, "data"))).toMatchObject({ cases: ROWS });
  }, 180_000);
});
