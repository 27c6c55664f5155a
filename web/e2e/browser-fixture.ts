import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { hash } from "@node-rs/argon2";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { openStore, type Store } from "../../src/store/index.ts";
import { createApp, createLogger } from "../../src/server/index.ts";
import { DEMO_ACCOUNTS, DEMO_PARTIES } from "../../src/demo/demo-accounts.ts";

export const PASSWORD = "correct horse battery staple";
const WEB_DIR = fileURLToPath(new URL("../dist/", import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

/** Debian's chromium; the tests never download a browser. */
export function chromiumPath(): string {
  const path = process.env["CHROMIUM_PATH"] ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  if (path === undefined) throw new Error("Chromium is not installed: apt-get install -y chromium");
  return path;
}

export interface BrowserFixture {
  url: string;
  store: Store;
  browser: Browser;
  context(lang: string): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** One registry with the demo parties and accounts, served with the built web app on an ephemeral port, and one browser. */
export async function browserFixture(): Promise<BrowserFixture> {
  if (!existsSync(`${WEB_DIR}index.html`)) {
    const { build } = await import("vite");
    await build({ configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)), logLevel: "warn" });
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  const store = await openStore();
  for (const party of Object.values(DEMO_PARTIES)) await store.parties.ensure(party);
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  for (const a of DEMO_ACCOUNTS) await store.users.create({ ...a, passwordHash });
  await store.ledger.ensureKeys();
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = createApp({ store, logger: createLogger({ level: "silent", destination: quiet }), webDir: WEB_DIR });
  const stopMatching = store.matching.startWorker({ intervalMs: 100 });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  return {
    url,
    store,
    browser,
    context: (lang) => browser.newContext({ baseURL: url, locale: lang, viewport: { width: 1280, height: 900 } }),
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopMatching();
      await store.close();
    },
  };
}

let axeSource: string | undefined;

/** axe-core in the page: WCAG 2.1 A and AA rules; any violation fails, named with its nodes. */
export async function expectAccessible(page: Page): Promise<void> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, page.url()).toEqual([]);
}

/** A screenshot of the whole page under test-results/screenshots (kept by CI), then the accessibility check. */
export async function capture(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  await expectAccessible(page);
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await page.getByTestId("who").waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator(".who button").click();
  await page.locator("#username").waitFor();
}
