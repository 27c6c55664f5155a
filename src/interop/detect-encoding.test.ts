import { describe, expect, it } from "vitest";
import fc from "fast-check";
import iconv from "iconv-lite";
import { EncodingDetectionError, detectEncoding } from "./detect-encoding.ts";
import type { TextEncoding } from "./strict-text-decoder.ts";

const ukrainian = "record_id;прізвище;ім'я;по батькові;дата народження;місце народження\n" +
  "UA-1;Коваленко;Олександр;Іванович;07.03.2014;Маріуполь\nUA-2;Шевченко;Марія;Петрівна;12.11.2016;Бахмут\n";
const russian = "номер,фамилия,имя,отчество,дата рождения\nRU-1,Коваленко,Александр,Иванович,07.03.2014\nRU-2,ЩЕРБАКОВА,ЮЛИЯ,ЭДУАРДОВНА,2015\n";

function bytesOf(text: string, encoding: string, bom = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
}

describe("detectEncoding", () => {
  it("tells each encoding real files arrive in", () => {
    for (const text of [ukrainian, russian]) {
      for (const encoding of ["windows-1251", "koi8-u", "ibm866"] as TextEncoding[]) {
        expect(detectEncoding(bytesOf(text, encoding), true)).toMatchObject({ encoding, bomLength: 0, how: "Cyrillic letter statistics" });
      }
      expect(detectEncoding(bytesOf(text, "utf-8"), true)).toMatchObject({ encoding: "utf-8", bomLength: 0 });
      expect(detectEncoding(bytesOf(text, "utf-8", true), true)).toMatchObject({ encoding: "utf-8", bomLength: 3 });
      expect(detectEncoding(bytesOf(text, "utf-16le", true), true)).toMatchObject({ encoding: "utf-16le", bomLength: 2 });
      expect(detectEncoding(bytesOf(text, "utf-16be", true), true)).toMatchObject({ encoding: "utf-16be", bomLength: 2 });
      expect(detectEncoding(bytesOf(text, "utf-16le"), true)).toMatchObject({ encoding: "utf-16le", bomLength: 0 });
      expect(detectEncoding(bytesOf(text, "utf-16be"), true)).toMatchObject({ encoding: "utf-16be", bomLength: 0 });
    }
  });

  it("tells Windows-1251 from a register written in capitals", () => {
    const capitals = "ID;ПРІЗВИЩЕ;ІМ'Я\n1;КОВАЛЕНКО;ОЛЕКСАНДР\n2;ШЕВЧЕНКО;МАРІЯ\n3;БОНДАРЕНКО;ДМИТРО\n";
    expect(detectEncoding(bytesOf(capitals, "windows-1251"), true).encoding).toBe("windows-1251");
  });

  it("refuses bytes that are neither UTF-8 nor Cyrillic text, naming the line", () => {
    const binary = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, ...Array.from({ length: 16 }, (_, i) => 0xb0 + i)]);
    expect(() => detectEncoding(binary, true)).toThrow(/^line 3: not valid UTF-8/);
  });

  it("never fails on arbitrary bytes but with EncodingDetectionError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.boolean(), (bytes, complete) => {
        try {
          const d = detectEncoding(bytes, complete);
          expect(d.bomLength).toBeLessThanOrEqual(3);
        } catch (e) {
          expect(e).toBeInstanceOf(EncodingDetectionError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
