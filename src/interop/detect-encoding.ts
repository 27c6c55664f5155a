import iconv from "iconv-lite";
import { firstInvalidUtf8 } from "./strict-text-decoder.ts";
import type { TextEncoding } from "./strict-text-decoder.ts";

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
  /** How it was told, for the import's summary. */
  readonly how: string;
}

export class EncodingDetectionError extends Error {}

// Letter frequencies (per cent, case folded) of Ukrainian and Russian text pooled: a code page
// that reads the bytes as common letters is the one they were written in. Decoded in the wrong
// single-byte code page, Cyrillic text becomes rare letters, wrong case or symbols.
const LETTER_PERCENT: Readonly<Record<string, number>> = {
  о: 10, е: 8, а: 8, и: 6.5, н: 6.7, т: 6, с: 5, р: 4.8, в: 4.5, л: 4.2, і: 3, к: 3.5, м: 3.1,
  д: 3, п: 2.8, у: 2.8, я: 2, ы: 1, ь: 1.7, г: 1.6, з: 1.8, б: 1.6, ч: 1.4, й: 1.2, х: 1, ж: 0.9,
  ш: 0.7, ю: 0.7, ц: 0.6, щ: 0.4, э: 0.2, ф: 0.3, ъ: 0.05, ё: 0.05, ї: 0.6, є: 0.4, ґ: 0.05,
};
const UNLIKELY = Math.log(0.0005);
const SINGLE_BYTE: readonly TextEncoding[] = ["windows-1251", "koi8-u", "ibm866"];

function hasBom(bytes: Uint8Array, ...bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/**
 * Text from spreadsheet programs' UTF-16 without a mark: the high byte of each character is the
 * same few values (0x00 for Latin, 0x04 for Cyrillic), the low byte varies.
 */
function utf16WithoutBom(sample: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(Math.min(sample.length, 8192) / 2);
  if (pairs < 2) return undefined;
  const high = (offset: number) => {
    let count = 0;
    for (let i = 0; i < pairs; i++) {
      const b = sample[2 * i + offset]!;
      if (b === 0x00 || b === 0x04) count++;
    }
    return count / pairs;
  };
  const odd = high(1);
  const even = high(0);
  if (odd > 0.6 && even < 0.1) return "utf-16le";
  if (even > 0.6 && odd < 0.1) return "utf-16be";
  return undefined;
}

interface Score {
  readonly encoding: TextEncoding;
  readonly meanLog: number;
  readonly letterShare: number;
}

function scoreCodePage(sample: Uint8Array, encoding: TextEncoding): Score {
  const text = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), encoding);
  let sum = 0;
  let count = 0;
  let letters = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    count++;
    const lower = ch.toLowerCase();
    const percent = LETTER_PERCENT[lower];
    if (percent === undefined) {
      sum += UNLIKELY;
      continue;
    }
    letters++;
    // Text is mostly lower case; a register in capitals is still letters, at a small cost.
    sum += Math.log(percent / 100) + (lower === ch ? 0 : -0.7);
  }
  return { encoding, meanLog: count === 0 ? 0 : sum / count, letterShare: count === 0 ? 1 : letters / count };
}

/**
 * Tells a file's encoding from its first bytes: a byte-order mark; UTF-16's zero bytes; valid
 * UTF-8; otherwise the Cyrillic code page whose letters the bytes read as most like Ukrainian or
 * Russian text. `complete` says the sample is the whole file (so a cut-off character is an error).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  if (hasBom(sample, 0xef, 0xbb, 0xbf)) return { encoding: "utf-8", bomLength: 3, how: "byte-order mark" };
  if (hasBom(sample, 0xff, 0xfe)) return { encoding: "utf-16le", bomLength: 2, how: "byte-order mark" };
  if (hasBom(sample, 0xfe, 0xff)) return { encoding: "utf-16be", bomLength: 2, how: "byte-order mark" };
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== undefined) return { encoding: utf16, bomLength: 0, how: "zero bytes of 16-bit text" };
  const invalidAt = firstInvalidUtf8(sample);
  if (invalidAt === -1) {
    return { encoding: "utf-8", bomLength: 0, how: complete ? "valid UTF-8" : "valid UTF-8 in the first bytes" };
  }
  const scores = SINGLE_BYTE.map((e) => scoreCodePage(sample, e)).sort((a, b) => b.meanLog - a.meanLog);
  const best = scores[0]!;
  if (best.letterShare >= 0.9 && best.meanLog > Math.log(0.012)) {
    return { encoding: best.encoding, bomLength: 0, how: "Cyrillic letter statistics" };
  }
  let line = 1;
  for (let i = 0; i < invalidAt; i++) if (sample[i] === 0x0a) line++;
  throw new EncodingDetectionError(
    `line ${line}: not valid UTF-8, and not readable as Cyrillic text in ${SINGLE_BYTE.join(", ")}: ` +
      "name the file's encoding with --encoding, or re-save it as UTF-8",
  );
}
