import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import type { Kysely } from "kysely";
import { KEY_BYTES, loadOrCreateKey } from "../sealed-box.ts";
import { keyOpensStore, rewrapStoreKeys } from "./store-keys.ts";

// Rotating the master key in its file. The new key is written beside the old one first, the
// database's keys are re-wrapped in one transaction, and only then does the new file replace
// the old: a crash at any point leaves a key file that opens the database (recoverKeyFile
// finishes or forgets a rotation that was cut short).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the secrets table is touched
type AnyDb = Kysely<any>;

const nextOf = (file: string): string => `${file}.next`;

async function readNext(file: string): Promise<Uint8Array | null> {
  try {
    const key = Buffer.from((await readFile(nextOf(file), "utf8")).trim(), "base64");
    return key.length === KEY_BYTES ? key : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Finishes (or forgets) a rotation cut short; returns the key that opens the database. */
export async function recoverKeyFile(file: string, db: AnyDb): Promise<Uint8Array> {
  const current = await loadOrCreateKey(file);
  const next = await readNext(file);
  if (next === null) return current;
  if (await keyOpensStore(db, next)) {
    await rename(nextOf(file), file);
    return next;
  }
  await unlink(nextOf(file));
  return current;
}

/** Replaces the master key: returns the number of working keys re-wrapped. */
export async function rotateKeyFile(file: string, db: AnyDb): Promise<{ rewrapped: number }> {
  const old = await recoverKeyFile(file, db);
  const fresh = randomBytes(KEY_BYTES);
  await writeFile(nextOf(file), `${fresh.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  const rewrapped = await rewrapStoreKeys(db, old, fresh);
  await rename(nextOf(file), file);
  return { rewrapped };
}
