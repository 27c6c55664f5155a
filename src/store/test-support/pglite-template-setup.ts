// Vitest global set-up: one empty, migrated PGlite data folder for the whole run, copied by
// every in-memory store (see memory-pglite.ts) instead of an initdb and all migrations each.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import { MIGRATIONS } from "../migrations.ts";
import { runMigrations } from "../migrate.ts";
import { PGLITE_TEMPLATE_ENV } from "../memory-pglite.ts";
import type { Database } from "../schema.ts";

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "homeward-pglite-template-"));
  const pglite = new PGlite();
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await runMigrations(db, MIGRATIONS);
  const dump = await pglite.dumpDataDir("none");
  await db.destroy();
  const file = join(dir, "template.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
