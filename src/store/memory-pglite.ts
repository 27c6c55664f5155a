import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";

/**
 * The environment variable naming a dump of an empty, migrated PGlite data folder. The test
 * suite's global set-up writes one per run (src/store/test-support/pglite-template-setup.ts) so
 * that each in-memory store copies it instead of running initdb and every migration again.
 */
export const PGLITE_TEMPLATE_ENV = "HOMEWARD_TEST_PGLITE_TEMPLATE";

/** A new in-memory PGlite, from the template when one is given. */
export async function memoryPglite(): Promise<PGlite> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  const pglite = template ? new PGlite({ loadDataDir: new Blob([await readFile(template)]) }) : new PGlite();
  await pglite.waitReady;
  return pglite;
}
