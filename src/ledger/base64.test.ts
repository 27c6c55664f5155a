import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./base64.ts";

describe("base64", () => {
  it("encodes as RFC 4648 does (its section 10 vectors)", () => {
    const vectors = ["", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"];
    ["", "f", "fo", "foo", "foob", "fooba", "foobar"].forEach((s, i) => {
      expect(toBase64(new TextEncoder().encode(s))).toBe(vectors[i]);
      expect(new TextDecoder().decode(fromBase64(vectors[i]!)!)).toBe(s);
    });
  });

  it("round-trips any bytes and agrees with Node's encoder", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect(fromBase64(text)).toEqual(bytes);
    }));
  });

  it("refuses texts that are not the canonical encoding of some bytes", () => {
    for (const bad of ["Zg", "Zh==", "Z===", "Zm9v\n", "Zm-v", "Zg=a", "====", "Zm=v"]) expect(fromBase64(bad)).toBeNull();
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const bytes = fromBase64(s);
      if (bytes !== null) expect(toBase64(bytes)).toBe(s);
    }));
  });
});
