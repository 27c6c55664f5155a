import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtemp, readFile, rm, stat, chmod, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { loadOrCreateKey, sealedBox } from "./sealed-box.ts";

describe("sealed box (AES-256-GCM)", () => {
  const box = sealedBox(randomBytes(32));

  it("round-trips any text and never shows it in the ciphertext", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (text) => {
        const blob = box.seal(text, "case:1");
        expect(box.open(blob, "case:1")).toBe(text);
        expect(Buffer.from(blob).includes(Buffer.from(text, "utf8"))).toBe(false);
      }),
    );
  });

  it("refuses tampered blobs, other rows' blobs and other keys", () => {
    const blob = box.seal("+380 50 765 43 21", "case:1");
    const tampered = Uint8Array.from(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => box.open(tampered, "case:1")).toThrow();
    expect(() => box.open(blob, "case:2")).toThrow();
    expect(() => sealedBox(randomBytes(32)).open(blob, "case:1")).toThrow();
  });

  it("uses a fresh IV each time", () => {
    expect(Buffer.from(box.seal("same", "a")).equals(Buffer.from(box.seal("same", "a")))).toBe(false);
  });
});

describe("key file", () => {
  it("is created once with mode 0600, and concurrent first starts agree on one key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-key-"));
    try {
      const file = join(dir, "nested", "homeward.key");
      const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateKey(file)));
      for (const k of keys) expect(Buffer.from(k).equals(Buffer.from(keys[0]!))).toBe(true);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(Buffer.from((await readFile(file, "utf8")).trim(), "base64").length).toBe(32);
      expect(await readdir(join(dir, "nested"))).toEqual(["homeward.key"]);
      expect(Buffer.from(await loadOrCreateKey(file)).equals(Buffer.from(keys[0]!))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a key file others can read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "homeward-key-"));
    try {
      const file = join(dir, "homeward.key");
      await loadOrCreateKey(file);
      await chmod(file, 0o644);
      await expect(loadOrCreateKey(file)).rejects.toThrow(/readable by others/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
