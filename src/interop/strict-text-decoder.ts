import iconv from "iconv-lite";

// The encodings spreadsheet and register exports arrive in. Single-byte Cyrillic code pages
// besides Windows-1251 are accepted when named or recognised by their letter statistics.
export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-u", "ibm866"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const ALIASES: Readonly<Record<string, TextEncoding>> = {
  "utf8": "utf-8",
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf16le": "utf-16le",
  "utf-16be": "utf-16be",
  "utf16be": "utf-16be",
  "windows-1251": "windows-1251",
  "cp1251": "windows-1251",
  "win1251": "windows-1251",
  "koi8-u": "koi8-u",
  "koi8-r": "koi8-u",
  "ibm866": "ibm866",
  "cp866": "ibm866",
};

/** The canonical name of an encoding given by a user, or undefined when it is not one we read. */
export function encodingNamed(name: string): TextEncoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/** Bytes that are not text in the encoding they were read in; `line` counts from 1. */
export class TextEncodingError extends Error {
  readonly encoding: TextEncoding;
  readonly line: number;
  constructor(encoding: TextEncoding, line: number, what: string) {
    super(`line ${line}: ${what}: the file is not valid ${encoding} text (name its encoding with --encoding, or re-save it as UTF-8)`);
    this.encoding = encoding;
    this.line = line;
  }
}

/**
 * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or -1. A sequence cut off by
 * the end of `bytes` counts as well-formed: the next chunk may complete it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that is not complete yet. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > back ? back : 0;
    }
  }
  return 0;
}

// Control characters other than tab and line ends, C1 controls (the mark of text decoded in the
// wrong code page), the replacement character (text garbled before it reached us) and unpaired
// surrogates are never part of a record.
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code === 0xfffd) return "a replacement character (U+FFFD)";
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired surrogate (U+${code.toString(16).toUpperCase()})`;
  return `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

function countNewlines(text: string, end = text.length): number {
  let count = 0;
  let i = text.indexOf("\n");
  while (i !== -1 && i < end) {
    count++;
    i = text.indexOf("\n", i + 1);
  }
  return count;
}

/**
 * Decodes a byte stream in one encoding and refuses, with the line where it breaks, anything
 * that is not valid text in it: bytes no character is encoded as, control characters, the
 * replacement character. Nothing garbled gets through.
 */
export class StrictTextDecoder {
  readonly encoding: TextEncoding;
  private readonly utf8: TextDecoder | undefined;
  private readonly other: ReturnType<typeof iconv.getDecoder> | undefined;
  private carry: Uint8Array = new Uint8Array(0);
  private pendingHigh = "";
  private lines = 0;
  private byteCount = 0;

  constructor(encoding: TextEncoding) {
    this.encoding = encoding;
    if (encoding === "utf-8") this.utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    else this.other = iconv.getDecoder(encoding, { stripBOM: false });
  }

  /** The line (from 1) the next decoded character is on. */
  get line(): number {
    return this.lines + 1;
  }

  write(bytes: Uint8Array): string {
    return this.check(this.decode(bytes, false));
  }

  end(): string {
    const text = this.check(this.decode(new Uint8Array(0), true));
    if (this.pendingHigh !== "") throw new TextEncodingError(this.encoding, this.line, describeChar(this.pendingHigh));
    return text;
  }

  private decode(bytes: Uint8Array, last: boolean): string {
    if (this.utf8 !== undefined) {
      let all = bytes;
      if (this.carry.length > 0) {
        all = new Uint8Array(this.carry.length + bytes.length);
        all.set(this.carry);
        all.set(bytes, this.carry.length);
      }
      const tail = last ? 0 : incompleteUtf8Tail(all);
      const body = tail === 0 ? all : all.subarray(0, all.length - tail);
      this.carry = tail === 0 ? new Uint8Array(0) : all.slice(all.length - tail);
      try {
        return this.utf8.decode(body);
      } catch {
        const at = firstInvalidUtf8(body);
        const offset = at === -1 ? body.length : at;
        const before = new TextDecoder("utf-8").decode(body.subarray(0, offset));
        throw new TextEncodingError(this.encoding, this.lines + countNewlines(before) + 1, `byte 0x${(body[offset] ?? 0).toString(16).padStart(2, "0")} does not begin or continue a UTF-8 character`);
      }
    }
    const decoder = this.other!;
    this.byteCount += bytes.length;
    const text = bytes.length > 0 ? decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : "";
    if (!last) return text;
    if (this.encoding.startsWith("utf-16") && this.byteCount % 2 === 1) {
      throw new TextEncodingError(this.encoding, this.lines + countNewlines(this.pendingHigh + text) + 1, "the file ends in the middle of a character (an odd number of bytes)");
    }
    return text + (decoder.end() ?? "");
  }

  private check(decoded: string): string {
    // A high surrogate at a chunk's end may pair with the next chunk's first character.
    let text = this.pendingHigh + decoded;
    this.pendingHigh = "";
    const lastCode = text.charCodeAt(text.length - 1);
    if (lastCode >= 0xd800 && lastCode <= 0xdbff) {
      this.pendingHigh = text.slice(-1);
      text = text.slice(0, -1);
    }
    const bad = BAD_CHAR.exec(text);
    if (bad !== null) {
      throw new TextEncodingError(this.encoding, this.lines + countNewlines(text, bad.index) + 1, describeChar(bad[0]));
    }
    this.lines += countNewlines(text);
    return text;
  }
}
