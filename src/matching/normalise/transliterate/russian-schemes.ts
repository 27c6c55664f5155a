import { bgnPcgn, gost52535, icao9303, iso9, mvd310, mvd782 } from "./russian-scheme-data.ts";
import type { SchemeTables } from "./russian-scheme-data.ts";
import { fixHomoglyphs } from "../script.ts";

/**
 * Russian Cyrillic → Latin systems found on documents and in databases:
 * - "icao-9303": Russian international passports since 2014 (ICAO Doc 9303; й i, ц ts, ъ ie);
 * - "gost-52535": passports 2010–2014 (GOST R 52535.1-2006; ц tc, ъ dropped);
 * - "mvd-310", "mvd-782": older passports (MVD orders 310 of 1997 and 782 of 2000; й y, ю yu, я ya);
 * - "bgn-pcgn": BGN/PCGN 1947 (maps, English-language press);
 * - "iso-9": ISO 9:1995 = GOST 7.79-2000 system A (one letter per letter, diacritics).
 */
export type RussianScheme = "icao-9303" | "gost-52535" | "mvd-310" | "mvd-782" | "bgn-pcgn" | "iso-9";

export const RUSSIAN_SCHEMES: readonly RussianScheme[] = ["icao-9303", "gost-52535", "mvd-310", "mvd-782", "bgn-pcgn", "iso-9"];

const TABLES: Readonly<Record<RussianScheme, SchemeTables>> = {
  "icao-9303": icao9303,
  "gost-52535": gost52535,
  "mvd-310": mvd310,
  "mvd-782": mvd782,
  "bgn-pcgn": bgnPcgn,
  "iso-9": iso9,
};

function applyCase(latin: string, source: string, wordIsUpper: boolean): string {
  if (latin === "" || source === source.toLowerCase()) return latin;
  if (wordIsUpper) return latin.toUpperCase();
  return latin[0]!.toUpperCase() + latin.slice(1);
}

function translateWord(word: readonly string[], t: SchemeTables): string {
  const wordIsUpper = word.length > 1 && word.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const cur = ch.toLowerCase();
    const prev = (word[i - 1] ?? "").toLowerCase();
    const next = (word[i + 1] ?? "").toLowerCase();
    const latin = t.prev[prev + cur] ?? t.next[cur + next] ?? t.mapping[cur] ?? ch;
    out += latin === ch ? ch : applyCase(latin, ch, wordIsUpper);
  }
  return out;
}

/**
 * Transliterates Russian text by one of the systems above. Context rules (word start, next
 * letter) act within a word, a run of letters and digits. Characters outside the Russian
 * alphabet (Ukrainian і ї є ґ included) pass through unchanged.
 */
export function russianToLatin(text: string, scheme: RussianScheme): string {
  const t = TABLES[scheme];
  const chars = [...fixHomoglyphs(text)];
  let out = "";
  let word: string[] = [];
  for (const ch of chars) {
    if (/[\p{L}\p{N}_]/u.test(ch)) {
      word.push(ch);
      continue;
    }
    out += translateWord(word, t) + ch;
    word = [];
  }
  return out + translateWord(word, t);
}
