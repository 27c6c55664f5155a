import type { SealedBox } from "./sealed-box.ts";
import { keyedKeys, type KeyedHash, type KeyPurpose } from "./secrets/index.ts";

// What every store feature uses to keep a child's identity off the disk: the one API for data
// at rest (see README.md, "Data at rest"). A copied disk, a backup or a database dump must name
// no child, so anything that identifies one (names, dates and places of birth, parents' names,
// places of separation and location, the child's views, free text about them) is stored sealed,
// and what SQL must find or compare (search keys, blocking keys, counted values) is stored as
// keyed hashes of the normalised keys. Matching and lists open the sealed values in memory.

export interface AtRest {
  /** Seals any JSON value for a text or jsonb column: base64 of AES-256-GCM under the data key. */
  sealJson(value: unknown, aad: string): string;
  /** Opens what sealJson made with the same `aad` (the row it belongs to); throws on anything else. */
  openJson<T>(sealed: string, aad: string): T;
  /** Seals text for a bytea column. */
  seal(plaintext: string, aad: string): Uint8Array;
  open(blob: Uint8Array, aad: string): string;
  /**
   * Keyed hashes (HMAC-SHA256/128 under the index key) of lookup keys for one purpose: equal keys
   * give equal hashes, so `=`, `in`, `@>` and `&&` work on them; without the key nobody can hash
   * a guessed name to find it.
   */
  lookupKeys(purpose: KeyPurpose, keys: readonly string[]): string[];
}

/**
 * Additional data binding a sealed value to its place: `table`, the row's id, and the column
 * (or part) it holds, so a value copied to another row or column does not open.
 */
export function atRestAad(table: string, rowId: string, part: string): string {
  return `homeward:${table}:${rowId}:${part}`;
}

export function atRest(box: SealedBox, indexHash: KeyedHash): AtRest {
  return {
    sealJson: (value, aad) => Buffer.from(box.seal(JSON.stringify(value), aad)).toString("base64"),
    openJson: <T>(sealed: string, aad: string) => JSON.parse(box.open(Buffer.from(sealed, "base64"), aad)) as T,
    seal: (plaintext, aad) => box.seal(plaintext, aad),
    open: (blob, aad) => box.open(blob, aad),
    lookupKeys: (purpose, keys) => keyedKeys(indexHash, purpose, keys),
  };
}
