import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type RequestContext, type Store } from "../store/index.ts";
import { onPostgres } from "../store/test-support/postgres-suite.ts";
import { testDoor } from "../store/test-support/test-door.ts";
import { seedDemo } from "./seed-demo.ts";

// A copied disk or a database dump must name no child: after the demo is seeded, neither the
// embedded database's files (tables, indexes, write-ahead log) nor a dump of every table, on
// the embedded database and on PostgreSQL, holds any demo child's name, birth date, birth
// place, mother's name or separation place.

const run = promisify(execFile);
const NOW = new Date("2026-06-01T10:00:00Z");
const FAMILIES = 6;

async function ctxOf(store: Store, username: string): Promise<RequestContext> {
  const u = await store.users.findByUsername(username);
  if (u === null) throw new Error(`no ${username}`);
  return { partyId: u.partyId, userId: u.id, role: u.role };
}

/** What identifies each demo child, read back through the store as the owning party sees it. */
async function identityTerms(store: Store): Promise<Set<string>> {
  const terms = new Set<string>();
  const add = (v: string | undefined) => {
    // Single letters and two-letter initials say nothing on their own.
    if (v !== undefined && v.trim().length >= 3) terms.add(v.trim());
  };
  for (const username of ["tracing", "holding", "ngo"]) {
    const ctx = await ctxOf(store, username);
    for (let offset = 0; ; offset += 500) {
      const page = await store.cases.list(ctx, { limit: 500, offset });
      for (const item of page.items) {
        if (item.party !== ctx.partyId) continue;
        const c = await store.cases.get(ctx, item.id);
        if (c === null) continue;
        for (const n of c.names) [n.given, n.family, n.patronymic].forEach(add);
        if (c.birthDate !== undefined && /^\d{4}-\d\d-\d\d$/.test(c.birthDate)) add(c.birthDate);
        add(c.birthPlace);
        add(c.separation?.place);
        add(c.location);
        for (const m of c.family ?? []) if (m.relation === "mother") [m.given, m.family, m.patronymic].forEach(add);
      }
      if (page.items.length < 500) break;
    }
  }
  return terms;
}

/** Every row of every table of the public schema, as text (TOAST-compressed values included). */
async function logicalDump(store: Store): Promise<string> {
  const { db } = testDoor(store);
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ t: string }>`select t::text as t from ${sql.table(table_name)} t`.execute(db);
    parts.push(`-- ${table_name}`, ...rows.rows.map((r) => r.t));
  }
  return parts.join("\n");
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else yield p;
  }
}

function hitsIn(haystack: Buffer, terms: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of terms) if (haystack.includes(Buffer.from(t, "utf8"))) out.push(t);
  return out;
}

async function hitsInFolder(dir: string, terms: Set<string>): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for await (const file of filesUnder(dir)) {
    const hits = hitsIn(await readFile(file), terms);
    if (hits.length > 0) found.set(file.slice(dir.length), hits.slice(0, 5));
  }
  return found;
}

describe("a child's identity at rest", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("is in no file of the embedded database after the demo, nor in any table read as text", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-at-rest-"));
    dirs.push(dir);
    const keyDir = await mkdtemp(join(tmpdir(), "homeward-at-rest-key-"));
    dirs.push(keyDir);
    const store = await openStore({ dataDir: dir, keyFile: join(keyDir, "homeward.key"), now: () => NOW });
    let terms: Set<string>;
    let dump: string;
    try {
      await seedDemo(store, { now: NOW, families: FAMILIES });
      await store.matching.runPending();
      terms = await identityTerms(store);
      dump = await logicalDump(store);
    } finally {
      await store.close();
    }
    // The test can fail: the demo has children, with names and full birth dates.
    expect(terms.size).toBeGreaterThan(40);
    expect([...terms].some((t) => /^\d{4}-\d\d-\d\d$/.test(t))).toBe(true);
    expect(hitsIn(Buffer.from(dump, "utf8"), terms)).toEqual([]);
    expect(Object.fromEntries(await hitsInFolder(dir, terms))).toEqual({});
  }, 120_000);
});

await onPostgres("dump of the demo", (place) => {
  describe("a child's identity in a PostgreSQL dump", () => {
    it("is in no line of a PostgreSQL dump of the demo's database", async () => {
      const { url, keyFile } = await place();
      const store = await openStore({ databaseUrl: url, keyFile, now: () => NOW });
      let terms: Set<string>;
      try {
        await seedDemo(store, { now: NOW, families: FAMILIES });
        await store.matching.runPending();
        terms = await identityTerms(store);
      } finally {
        await store.close();
      }
      expect(terms.size).toBeGreaterThan(40);
      const { stdout } = await run("pg_dump", ["--data-only", "--no-owner", url], { maxBuffer: 512 * 1024 * 1024 });
      expect(stdout.length).toBeGreaterThan(10_000);
      expect(hitsIn(Buffer.from(stdout, "utf8"), terms)).toEqual([]);
    }, 180_000);
  });
});
