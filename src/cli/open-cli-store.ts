import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";

export const DEFAULT_DATA_DIR = "./.homeward";

export interface KeyFileChoice {
  file: string;
  /** Why a warning is due (the key lies in the data folder), or null. */
  warning: string | null;
}

/**
 * Where the encryption key file is: HOMEWARD_KEY_FILE when set; else a key already in the data
 * folder (the demo's, or an installation made before the key moved out) or already beside it;
 * else, for the demo, in the data folder, and otherwise beside it (DIR.key), so that a copy of
 * the data folder or a database dump carries no key. Production puts it elsewhere still, on
 * another disk or in a secret store, with HOMEWARD_KEY_FILE.
 */
export function chooseKeyFile(dataDir: string | undefined, options: { demo?: boolean } = {}, env = process.env): KeyFileChoice {
  const fromEnv = env["HOMEWARD_KEY_FILE"];
  if (fromEnv) return { file: resolve(fromEnv), warning: null };
  const dir = resolve(dataDir ?? DEFAULT_DATA_DIR);
  const inside = join(dir, "homeward.key");
  const beside = `${dir}.key`;
  const insideWarning = options.demo
    ? `demo: the encryption key is kept in the data folder (${inside}); in production set HOMEWARD_KEY_FILE to a file outside it`
    : `the encryption key lies in the data folder (${inside}): move it out of the folder and set HOMEWARD_KEY_FILE to its new place`;
  if (existsSync(inside)) return { file: inside, warning: insideWarning };
  if (existsSync(beside) || !options.demo) return { file: beside, warning: null };
  return { file: inside, warning: insideWarning };
}

/** PostgreSQL when DATABASE_URL is set, else the embedded database in the data directory; the key file as chooseKeyFile says. */
export function openCliStore(
  dataDir: string | undefined,
  options: { migrate?: boolean; signedReportsRequired?: boolean; demo?: boolean; onWarning?: (message: string) => void } = {},
): Promise<Store> {
  const databaseUrl = process.env["DATABASE_URL"];
  const key = chooseKeyFile(dataDir, options);
  if (key.warning !== null) (options.onWarning ?? ((m: string) => process.stderr.write(`warning: ${m}\n`)))(key.warning);
  return openStore({
    dataDir: resolve(dataDir ?? DEFAULT_DATA_DIR),
    keyFile: key.file,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    ...(options.signedReportsRequired ? { signedReportsRequired: true } : {}),
  });
}

export function describeStore(store: Store, dataDir: string | undefined): string {
  return store.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${resolve(dataDir ?? DEFAULT_DATA_DIR)}`;
}
