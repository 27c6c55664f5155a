import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateKey } from "../sealed-box.ts";
import { recoverKeyFile, rotateKeyFile } from "./key-file.ts";
import { openStoreKeys, SECRETS_MIGRATIONS } from "./store-keys.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a bare database for this table
let db: Kysely<any>;
let dir: string;

beforeAll(async () => {
  const pglite = new PGlite();
  await pglite.waitReady;
  db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  for (const s of SECRETS_MIGRATIONS[0].statements) await sql.raw(s).execute(db);
});

afterAll(async () => {
  await db.destroy();
});

beforeEach(async () => {
  await sql`delete from store_secrets`.execute(db);
  dir = await mkdtemp(join(tmpdir(), "homeward-keys-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the store's keys", () => {
  it("are made once and found again by the same master key", async () => {
    const master = randomBytes(32);
    const a = await openStoreKeys(db, master);
    const b = await openStoreKeys(db, master);
    const blob = a.box.seal("Коваленко", "row");
    expect(b.box.open(blob, "row")).toBe("Коваленко");
    expect(a.indexHash("kevalenke")).toBe(b.indexHash("kevalenke"));
    expect(a.caseSalt("case-1")).toBe(b.caseSalt("case-1"));
    expect(a.caseSalt("case-1")).toMatch(/^[0-9a-f]{64}$/);
    expect(a.caseSalt("case-1")).not.toBe(a.caseSalt("case-2"));
  });

  it("keep data sealed with the master key before the envelope readable", async () => {
    const master = randomBytes(32);
    const { sealedBox } = await import("../sealed-box.ts");
    const old = sealedBox(master).seal("+380 50 765 43 21", "case:1");
    const keys = await openStoreKeys(db, master);
    expect(keys.box.open(old, "case:1")).toBe("+380 50 765 43 21");
  });

  it("are refused to another master key with a message saying which key to use", async () => {
    await openStoreKeys(db, randomBytes(32));
    await expect(openStoreKeys(db, randomBytes(32))).rejects.toThrow(/HOMEWARD_KEY_FILE/);
  });

  it("survive a rotation of the key file: data, hashes and salts unchanged, the old key opens nothing", async () => {
    const file = join(dir, "homeward.key");
    const first = await loadOrCreateKey(file);
    const before = await openStoreKeys(db, first);
    const blob = before.box.seal("Олександр", "row");
    expect(await rotateKeyFile(file, db)).toEqual({ rewrapped: 3 });
    const second = await loadOrCreateKey(file);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(false);
    expect((await stat(file)).mode & 0o077).toBe(0);
    const after = await openStoreKeys(db, second);
    expect(after.box.open(blob, "row")).toBe("Олександр");
    expect(after.indexHash("x")).toBe(before.indexHash("x"));
    expect(after.caseSalt("c")).toBe(before.caseSalt("c"));
    await expect(openStoreKeys(db, first)).rejects.toThrow();
  });

  it("finish a rotation cut short after the database changed, and forget one cut short before", async () => {
    const file = join(dir, "homeward.key");
    const first = await loadOrCreateKey(file);
    await openStoreKeys(db, first);
    // Cut short before the database changed: the new file is forgotten.
    await writeFile(`${file}.next`, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    expect(Buffer.from(await recoverKeyFile(file, db)).equals(Buffer.from(first))).toBe(true);
    await expect(readFile(`${file}.next`)).rejects.toThrow();
    // Cut short after: the new key opens the database and replaces the old file.
    const fresh = randomBytes(32);
    const { rewrapStoreKeys } = await import("./store-keys.ts");
    await writeFile(`${file}.next`, `${fresh.toString("base64")}\n`, { mode: 0o600 });
    await rewrapStoreKeys(db, first, fresh);
    expect(Buffer.from(await recoverKeyFile(file, db)).equals(fresh)).toBe(true);
    expect(Buffer.from(await loadOrCreateKey(file)).equals(fresh)).toBe(true);
  });
});
