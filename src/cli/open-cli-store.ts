import { resolve } from "node:path";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";

export const DEFAULT_DATA_DIR = "./.homeward";

/** PostgreSQL when DATABASE_URL is set, else the embedded database in the data directory (which also holds the key file). */
export function openCliStore(dataDir: string | undefined, options: { migrate?: boolean; signedReportsRequired?: boolean } = {}): Promise<Store> {
  const databaseUrl = process.env["DATABASE_URL"];
  return openStore({
    dataDir: resolve(dataDir ?? DEFAULT_DATA_DIR),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    ...(options.signedReportsRequired ? { signedReportsRequired: true } : {}),
  });
}

export function describeStore(store: Store, dataDir: string | undefined): string {
  return store.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${resolve(dataDir ?? DEFAULT_DATA_DIR)}`;
}
