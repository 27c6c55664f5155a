import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyedHash, keyedKeys } from "./keyed-hash.ts";

describe("keyed hashes of lookup keys", () => {
  it("are HMAC-SHA256 cut to 128 bits (as Node's own HMAC makes it)", () => {
    const key = randomBytes(32);
    const h = keyedHash(key);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const expected = createHmac("sha256", key).update(text, "utf8").digest().subarray(0, 16).toString("base64url");
        expect(h(text)).toBe(expected);
        expect(h(text)).toBe(expected);
      }),
    );
  });

  it("differ between keys and between purposes, and show nothing of the text", () => {
    const a = keyedHash(randomBytes(32));
    const b = keyedHash(randomBytes(32));
    expect(a("kevalenke")).not.toBe(b("kevalenke"));
    const [search] = keyedKeys(a, "search", ["kevalenke"]);
    const [block] = keyedKeys(a, "block", ["kevalenke"]);
    const [term] = keyedKeys(a, "term:family_name", ["kevalenke"]);
    expect(new Set([search, block, term]).size).toBe(3);
    expect(search).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(search).not.toContain("kev");
  });

  it("refuses a short key", () => {
    expect(() => keyedHash(randomBytes(16))).toThrow(/32 to 64 bytes/);
  });
});
