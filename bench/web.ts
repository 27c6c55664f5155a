// Web app benchmark: with N cases in the registry (PGlite, file-backed, as `npm start` runs it),
// how long each page of the built app takes in Debian's Chromium to become interactive (its
// heading shown, nothing loading), and how fast the cases page's search box answers as one types
// prefixes of names in Cyrillic and Latin script. Run: npm run bench:web [-- --cases 100000]
// [--queries 100] [--visits 5]
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { hash } from "@node-rs/argon2";
import { chromium, type Page } from "playwright-core";
import { openStore, type ImportRow } from "../src/store/index.ts";
import { createApp, createLogger } from "../src/server/index.ts";
import { generateDemoCases } from "../src/demo/generate-demo-cases.ts";
import { DEMO_PARTIES } from "../src/demo/demo-accounts.ts";
import { GIVEN_NAMES, SURNAMES } from "../src/demo/demo-names.ts";
import { seededRandom } from "../src/demo/random.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const CASES = Number(arg("cases", "100000"));
const QUERIES = Number(arg("queries", "100"));
const VISITS = Number(arg("visits", "5"));
const PASSWORD = "benchmark-password";
const WEB_DIR = fileURLToPath(new URL("../web/dist/", import.meta.url));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// Prefixes as a caseworker types them: the first letters of a surname, in Ukrainian or in Latin.
function prefixes(n: number): string[] {
  const r = seededRandom(7);
  const latin: Record<string, string> = { Коваленко: "Kovalenko", Шевченко: "Shevchenko", Бондаренко: "Bondarenko", Мельник: "Melnyk", Бойко: "Boiko" };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = r.pick(SURNAMES);
    const g = r.pick(GIVEN_NAMES);
    const word = i % 3 === 1 && latin[s.ukM] ? latin[s.ukM] : i % 3 === 2 ? `${g.uk} ${s.ukM}` : s.ukM;
    out.push(word.slice(0, Math.max(3, word.length - r.int(0, 3))));
  }
  return out;
}

async function interactive(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector("main h1") !== null && document.querySelector(".loading, [aria-busy=true]") === null, undefined, { timeout: 120_000 });
}

async function main(): Promise<void> {
  if (!existsSync(join(WEB_DIR, "index.html"))) {
    const { build } = await import("vite");
    await build({ configFile: fileURLToPath(new URL("../web/vite.config.ts", import.meta.url)), logLevel: "warn" });
  }
  const dir = await mkdtemp(join(tmpdir(), "homeward-bench-web-"));
  const store = await openStore({ dataDir: dir });
  const browser = await chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    await store.parties.ensure(DEMO_PARTIES.tracing);
    const user = await store.users.create({
      username: "bench", partyId: DEMO_PARTIES.tracing.id, role: "caseworker",
      passwordHash: await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 }),
    });
    await store.ledger.ensureKeys();
    const bodies = generateDemoCases({ families: 4000, asOf: new Date() }).map((c) => c.input);
    const ctx = { partyId: DEMO_PARTIES.tracing.id, userId: user.id, role: "caseworker" as const, purpose: "bench" };
    const loadStart = performance.now();
    for (let i = 0; i < CASES; i += 5000) {
      const rows: ImportRow[] = [];
      for (let j = i; j < Math.min(CASES, i + 5000); j++) rows.push({ clientId: `bulk-${j}`, input: bodies[j % bodies.length]! });
      await store.cases.importBatch(ctx, rows);
      process.stderr.write(`\rloaded ${Math.min(CASES, i + 5000).toLocaleString("en")} / ${CASES.toLocaleString("en")} cases`);
    }
    process.stderr.write(`\nloaded in ${((performance.now() - loadStart) / 1000).toFixed(0)} s\n`);

    const app = createApp({ store, logger: createLogger({ level: "silent" }), webDir: WEB_DIR });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const context = await browser.newContext({ baseURL: url, locale: "uk" });
    const page = await context.newPage();
    await page.goto("/");
    await page.locator("#username").fill("bench");
    await page.locator("#password").fill(PASSWORD);
    await page.locator("form button[type=submit]").click();
    await page.getByTestId("who").waitFor({ timeout: 120_000 });

    const someCase = (await store.cases.list(ctx, { limit: 1, offset: 0 })).items[0]!.id;
    const pages = { dashboard: "/", cases: "/cases", "cases page 100": "/cases?page=99", "case": `/cases/${someCase}`, matches: "/matches", log: "/log", "new case": "/cases/new" };
    const pageFigures: { page: string; p50: number; max: number }[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const times: number[] = [];
      for (let v = 0; v < VISITS; v++) {
        await page.goto("about:blank");
        const t = performance.now();
        await page.goto(path);
        await interactive(page);
        times.push(performance.now() - t);
      }
      pageFigures.push({ page: name, p50: percentile(times, 50), max: Math.max(...times) });
      process.stderr.write(`${name}: p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms\n`);
    }

    // The search box: time from the request leaving the browser to its answer, and from the
    // last keystroke to the results on screen (which includes the pause the box waits for).
    await page.goto("/cases");
    await interactive(page);
    const answer: number[] = [];
    const onScreen: number[] = [];
    let hits = 0;
    for (const q of prefixes(QUERIES)) {
      await page.locator("#case-search").fill("");
      await interactive(page);
      const t = performance.now();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/cases?") && new URL(r.url()).searchParams.get("q") === q.trim()),
        page.locator("#case-search").fill(q),
      ]);
      await response.finished();
      answer.push(response.request().timing().responseEnd);
      const body = (await response.json()) as { total: number };
      hits += body.total;
      await interactive(page);
      onScreen.push(performance.now() - t);
    }
    const figures = {
      date: new Date().toISOString(), cases: CASES, cpus: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), load: loadavg().map((l) => l.toFixed(1)).join(" "),
      pages: pageFigures.map((p) => ({ ...p, p50: Math.round(p.p50), max: Math.round(p.max) })),
      search: {
        queries: QUERIES, meanHits: Math.round(hits / QUERIES),
        answerP50: Math.round(percentile(answer, 50)), answerP95: Math.round(percentile(answer, 95)),
        onScreenP50: Math.round(percentile(onScreen, 50)), onScreenP95: Math.round(percentile(onScreen, 95)),
      },
    };
    process.stdout.write(JSON.stringify(figures, null, 2) + "\n");
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await browser.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
