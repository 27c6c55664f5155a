import { describe, expect, it } from "vitest";
import fc from "fast-check";
import iconv from "iconv-lite";
import { StrictTextDecoder, TEXT_ENCODINGS, TextEncodingError, firstInvalidUtf8 } from "./strict-text-decoder.ts";
import type { TextEncoding } from "./strict-text-decoder.ts";

function decodeInChunks(bytes: Uint8Array, encoding: TextEncoding, cuts: readonly number[]): string {
  const decoder = new StrictTextDecoder(encoding);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out += decoder.write(bytes.subarray(from, p));
    from = p;
  }
  return out + decoder.end();
}

// Text a record may hold: letters of every script, digits, punctuation, line ends.
const recordText = fc.string({ unit: fc.oneof(fc.constantFrom("О", "л", "ї", "ё", "Ґ", "a", "Z", "1", ",", ";", "\"", "\n", "\r\n", "\t", " ", "'", "ß", "中"), fc.constantFrom("😀")) });
const cyrillicText = fc.string({ unit: fc.constantFrom("О", "л", "е", "к", "с", "а", "н", "д", "р", "І", "ї", "є", "ґ", "a", "1", ",", ";", "\n", " ") });

describe("StrictTextDecoder", () => {
  it("decodes valid text however the bytes are cut into chunks (UTF-8, UTF-16)", () => {
    fc.assert(
      fc.property(recordText, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom<TextEncoding>("utf-8", "utf-16le", "utf-16be"), (text, cuts, encoding) => {
        const bytes = new Uint8Array(iconv.encode(text, encoding));
        expect(decodeInChunks(bytes, encoding, cuts)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("decodes Cyrillic text in the single-byte code pages", () => {
    fc.assert(
      fc.property(cyrillicText, fc.constantFrom<TextEncoding>("windows-1251", "koi8-u", "ibm866"), (text, encoding) => {
        fc.pre(iconv.decode(iconv.encode(text, encoding), encoding) === text);
        expect(decodeInChunks(new Uint8Array(iconv.encode(text, encoding)), encoding, [3, 7])).toBe(text);
      }),
    );
  });

  it("either decodes arbitrary bytes to text without control or replacement characters, or names a line in the input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...TEXT_ENCODINGS), fc.array(fc.nat(), { maxLength: 3 }), (bytes, encoding, cuts) => {
        const lines = bytes.filter((b) => b === 0x0a).length + 1;
        try {
          const text = decodeInChunks(bytes, encoding, cuts);
          expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/);
        } catch (e) {
          expect(e).toBeInstanceOf(TextEncodingError);
          const line = (e as TextEncodingError).line;
          expect(line).toBeGreaterThanOrEqual(1);
          // UTF-16 line ends are two bytes, so count the most lines the bytes could hold.
          expect(line).toBeLessThanOrEqual(encoding.startsWith("utf-16") ? bytes.length : lines);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("names the line of the first bad byte, even when it falls in a later chunk", () => {
    const head = new TextEncoder().encode("record_id,given_name\nr1,Олена\nr2,Іван\n");
    const bytes = new Uint8Array([...head, 0x72, 0x33, 0x2c, 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0x0a]);
    expect(() => decodeInChunks(bytes, "utf-8", [10, 20])).toThrow(/^line 4: byte 0xcf/);
    const windows1251 = iconv.encode("record_id,given_name\nr1,Олена\n", "windows-1251");
    expect(() => decodeInChunks(new Uint8Array(windows1251), "utf-8", [])).toThrow(/^line 2: byte 0xce/);
    expect(() => decodeInChunks(new Uint8Array([0x41, 0x0a, 0x98]), "windows-1251", [])).toThrow(/^line 2: a replacement/);
    expect(() => decodeInChunks(new Uint8Array([0x41, 0x00, 0x0a, 0x00, 0x3d]), "utf-16le", [])).toThrow(/^line 2: .*odd number/);
  });

  it("finds invalid UTF-8 as RFC 3629 defines it", () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xd0]))).toBe(-1); // cut off: the next chunk may complete it
    expect(firstInvalidUtf8(new TextEncoder().encode("Олександр 😀"))).toBe(-1);
  });
});
