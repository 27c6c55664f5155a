import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

// AES-256-GCM with a per-installation key kept outside the database. Each blob carries a
// format byte, a random 96-bit IV and the tag; the associated data binds a blob to its row,
// so a ciphertext copied to another case does not decrypt.

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface SealedBox {
  seal(plaintext: string, aad: string): Uint8Array;
  open(blob: Uint8Array, aad: string): string;
}

export function sealedBox(key: Uint8Array): SealedBox {
  if (key.length !== KEY_BYTES) throw new Error(`encryption key must be ${KEY_BYTES} bytes`);
  // A key object prepared once: a raw key is re-imported on every call, which cost an import a
  // third of its time.
  const k = createSecretKey(key);
  return {
    seal(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", k, iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), ct]);
    },
    open(blob, aad) {
      const b = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
      if (b.length < 1 + IV_BYTES + TAG_BYTES || b[0] !== FORMAT) throw new Error("sealed data has an unknown format");
      const iv = b.subarray(1, 1 + IV_BYTES);
      const tag = b.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", k, iv);
      decipher.setAAD(Buffer.from(aad, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(b.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}

function decodeKey(text: string, file: string): Uint8Array {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new Error(`key file ${file} does not hold a ${KEY_BYTES}-byte base64 key`);
  return key;
}

// Reads the key file, creating it (mode 0600) when missing. Creation goes through a private
// temporary file and a hard link so that two processes starting at once agree on one key.
export async function loadOrCreateKey(file: string): Promise<Uint8Array> {
  try {
    return await readKey(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  await chmod(tmp, 0o600);
  try {
    await link(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    await unlink(tmp);
  }
  return readKey(file);
}

async function readKey(file: string): Promise<Uint8Array> {
  const text = await readFile(file, "utf8");
  if (process.platform !== "win32") {
    const { mode } = await stat(file);
    if ((mode & 0o077) !== 0) throw new Error(`key file ${file} is readable by others: chmod 600 it`);
  }
  return decodeKey(text, file);
}
