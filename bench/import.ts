// Import benchmark: `homeward import cases` on a generated file of N rows (default 1,000,000),
// into PGlite (file-backed, as the CLI runs it) and PostgreSQL, each in a fresh database. The
// import runs as the CLI does, in its own process: rows/s from its wall time, peak resident
// memory from the kernel's count for that process. Run: npm run bench:import [-- --rows 1000000]
// [--only pglite|postgres] [--chunk-size 2000]
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { GIVEN_NAMES, ORIGIN_PLACES, PATRONYMICS, SURNAMES } from "../src/demo/demo-names.ts";
import { mulberry32 } from "../src/matching/model/em-training.ts";
import { openStore } from "../src/store/index.ts";
import { createTestDatabase, pgReachable } from "../src/store/test-support/pg-test-db.ts";
import { testDoor } from "../src/store/test-support/test-door.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const ROWS = Number(arg("rows", "1000000"));
const ONLY = arg("only", "");
const CHUNK = arg("chunk-size", "2000");
const PARTY = { id: "bench-tracing", name: "Bench tracing authority", kind: "tracing-authority" } as const;
const ROOT = fileURLToPath(new URL("../", import.meta.url));

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A register export as a tracing authority would send it: semicolons, Windows-style dates. */
async function writeRows(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const r = mulberry32(7);
  const mothers = GIVEN_NAMES.filter((x) => x.sex === "F");
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once("drain", () => ok())));
  await write("record_id;given_name;family_name;patronymic;sex;birth_date;birth_place;separation_category;separation_date;mother_name;guardian_phone\n");
  let buf = "";
  for (let i = 0; i < rows; i++) {
    const g = pick(r, GIVEN_NAMES);
    const s = pick(r, SURNAMES);
    const fam = g.sex === "M" ? s.ukM : s.ukF;
    const p = pick(r, PATRONYMICS);
    const mother = pick(r, mothers).uk;
    const day = String(1 + Math.floor(r() * 28)).padStart(2, "0");
    const month = String(1 + Math.floor(r() * 12)).padStart(2, "0");
    buf += `B-${i + 1};${g.uk};${fam};${g.sex === "M" ? p.ukM : p.ukF};${g.sex};${day}.${month}.${2006 + Math.floor(r() * 16)};` +
      `${pick(r, ORIGIN_PLACES).uk};deported;2022-0${1 + Math.floor(r() * 9)};${mother} ${s.ukF};+38050${String(Math.floor(r() * 1e7)).padStart(7, "0")}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
}

interface Measured { seconds: number; peakMiB: number; code: number | null; lastLines: string }

/** Runs the CLI import, sampling the child's resident memory high-water mark from /proc. */
function runImport(file: string, dataDir: string, databaseUrl: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), join(ROOT, "src/cli/main.ts"), "import", "cases", file, "--party", PARTY.id, "--data", dataDir, "--chunk-size", CHUNK], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let peakKiB = 0;
    let tail = "";
    const sample = setInterval(() => {
      readFile(`/proc/${child.pid}/status`, "utf8").then((status) => {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      }, () => undefined);
    }, 250);
    const keep = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-4000);
      process.stderr.write(d);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sample);
      const reported = /peak memory (\d+) MiB/.exec(tail);
      const peakMiB = Math.max(Math.round(peakKiB / 1024), reported ? Number(reported[1]) : 0);
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB, code, lastLines: tail });
    });
  });
}

async function countCases(dataDir: string, databaseUrl: string): Promise<{ cases: number; entries: number }> {
  const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    const r = await sql<{ cases: number; entries: number }>`select (select count(*)::int from cases) as cases,
      (select count(*)::int from ledger_entries) as entries`.execute(testDoor(store).db);
    return r.rows[0]!;
  } finally {
    await store.close();
  }
}

async function measure(label: string, file: string, dataDir: string, databaseUrl: string): Promise<string> {
  const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  await store.parties.ensure(PARTY);
  await store.close();
  // Entries are blinded (their ids name no case), so the import's are counted as the growth of the log.
  const before = await countCases(dataDir, databaseUrl);
  process.stderr.write(`\n== ${label}: importing ${ROWS} rows\n`);
  const run = await runImport(file, dataDir, databaseUrl);
  if (run.code !== 0) throw new Error(`${label}: import exited with ${run.code}:\n${run.lastLines}`);
  const counts = await countCases(dataDir, databaseUrl);
  counts.entries -= before.entries;
  if (counts.cases !== ROWS || counts.entries !== ROWS) throw new Error(`${label}: expected ${ROWS} cases and log entries, found ${JSON.stringify(counts)}`);
  const rate = Math.round(ROWS / run.seconds);
  return `| ${label} | ${ROWS.toLocaleString("en")} | ${run.seconds.toFixed(1)} s | ${rate.toLocaleString("en")} | ${run.peakMiB} MiB |`;
}

const dir = await mkdtemp(join(tmpdir(), "homeward-bench-import-"));
const lines: string[] = [];
try {
  const file = join(dir, "cases.csv");
  process.stderr.write(`generating ${ROWS} rows…\n`);
  await writeRows(file, ROWS);
  if (ONLY !== "postgres") lines.push(await measure("PGlite (file)", file, join(dir, "pglite"), ""));
  if (ONLY !== "pglite") {
    const why = await pgReachable();
    if (why !== null) process.stderr.write(`skipping PostgreSQL: ${why}\n`);
    else {
      const db = await createTestDatabase();
      try {
        lines.push(await measure("PostgreSQL", file, join(dir, "pg"), db.url));
      } finally {
        await db.drop();
      }
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
const date = new Date().toISOString().slice(0, 10);
process.stdout.write(`\n${date}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, chunk ${CHUNK} rows\n`);
process.stdout.write("| database | rows | wall time | rows/s | peak resident memory |\n| --- | ---: | ---: | ---: | ---: |\n");
process.stdout.write(`${lines.join("\n")}\n`);
