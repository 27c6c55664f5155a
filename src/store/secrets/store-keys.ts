import { createHmac, createSecretKey, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { KEY_BYTES, sealedBox, type SealedBox } from "../sealed-box.ts";
import { keyedHash, type KeyedHash } from "./keyed-hash.ts";

// The store's keys, as envelope encryption: the key file holds the master key, which only
// wraps the working keys kept (sealed) in the database itself. Rotating the master key
// re-wraps those few rows: the data stays as it is, and the old key file opens nothing newer.
//   data    seals the child's identity, contact details, notes, actions, reports, match records
//   index   keys the hashes that search, blocking and term counts look up (keyed-hash.ts)
//   commit  derives each case's salt for its commitments in the signed log
// The data key of a store made before this envelope is the master key it was sealed with, so
// its rows open unchanged; they part at the first rotation.

export const SECRETS_MIGRATIONS = [
  {
    id: "0201-store-secrets",
    statements: [
      `create table store_secrets (
        name text primary key,
        sealed bytea not null,
        created_at timestamptz not null default now()
      )`,
    ],
  },
] as const;

const NAMES = ["data", "index", "commit"] as const;
type SecretName = (typeof NAMES)[number];

export interface StoreKeys {
  /** Seals and opens the registry's sensitive data. */
  box: SealedBox;
  /** The keyed hash of lookup keys (search, blocking, term counts). */
  indexHash: KeyedHash;
  /** The case's salt for its log commitments (32 bytes, lowercase hex): the same for the case forever. */
  caseSalt(caseId: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the secrets table is this module's own
type AnyDb = Kysely<any>;

const aad = (name: string): string => `homeward:store-secret:${name}`;

async function readSecrets(db: AnyDb): Promise<Map<string, Uint8Array>> {
  const rows = await sql<{ name: string; sealed: Uint8Array }>`select name, sealed from store_secrets`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, new Uint8Array(r.sealed)]));
}

/** The working keys, created (and wrapped by `masterKey`) the first time. */
export async function openStoreKeys(db: AnyDb, masterKey: Uint8Array): Promise<StoreKeys> {
  const master = sealedBox(masterKey);
  let sealed = await readSecrets(db);
  const missing = NAMES.filter((n) => !sealed.has(n));
  for (const name of missing) {
    const value = name === "data" ? masterKey : randomBytes(KEY_BYTES);
    const blob = master.seal(Buffer.from(value).toString("base64"), aad(name));
    // Two processes opening a new store at once: the first row written wins, both read it back.
    await sql`insert into store_secrets (name, sealed) values (${name}, ${Buffer.from(blob)}) on conflict (name) do nothing`.execute(db);
  }
  if (missing.length > 0) sealed = await readSecrets(db);
  const open = (name: SecretName): Uint8Array => {
    try {
      return Buffer.from(master.open(sealed.get(name)!, aad(name)), "base64");
    } catch {
      throw new Error("the encryption key does not open this database's keys: is HOMEWARD_KEY_FILE (or the data folder's key) the one it was made with?");
    }
  };
  const commitKey = createSecretKey(open("commit"));
  return {
    box: sealedBox(open("data")),
    indexHash: keyedHash(open("index")),
    caseSalt: (caseId) => createHmac("sha256", commitKey).update(`homeward:case-salt\n${caseId}`).digest("hex"),
  };
}

/** Re-wraps the working keys from `oldKey` to `newKey` in one transaction; returns how many. */
export async function rewrapStoreKeys(db: AnyDb, oldKey: Uint8Array, newKey: Uint8Array): Promise<number> {
  const from = sealedBox(oldKey);
  const to = sealedBox(newKey);
  return db.transaction().execute(async (tx) => {
    const rows = await sql<{ name: string; sealed: Uint8Array }>`select name, sealed from store_secrets for update`.execute(tx);
    for (const r of rows.rows) {
      const value = from.open(new Uint8Array(r.sealed), aad(r.name));
      await sql`update store_secrets set sealed = ${Buffer.from(to.seal(value, aad(r.name)))} where name = ${r.name}`.execute(tx);
    }
    return rows.rows.length;
  });
}

/** Whether `key` opens this database's working keys (false also when it has none yet). */
export async function keyOpensStore(db: AnyDb, key: Uint8Array): Promise<boolean> {
  const sealed = await readSecrets(db);
  const blob = sealed.get("data");
  if (!blob) return false;
  try {
    sealedBox(key).open(blob, aad("data"));
    return true;
  } catch {
    return false;
  }
}
