// A phonetic key that brings Ukrainian Cyrillic, Russian Cyrillic and their Latin renderings
// (KMU 2010, ICAO 9303, older passport systems, BGN/PCGN, ISO 9, informal English/German/Polish
// spellings) to one form, so that a child written by each side in its own script compares equal.
//
// Output alphabet (closed under the function, which makes it idempotent): a b d e f g i k l m n
// o p r s t u v z, the digraphs zh ch sh ts, and any letters or digits of other scripts,
// lower-cased and without diacritics. The merges are deliberately coarse — they decide what a
// search or blocking key can still find; the model weighs finer differences:
//   г/ґ/h/g/х/kh/x-as-h → g   (Ukrainian г is h, Russian г is g; х is kh, h or x)
//   и/і/ї/ы/й/y/j → i, runs of i collapse, i before e is dropped (є/ye/ie/je → e)
//   ё → e, and yo/io after a consonant → e;  ц/ts/tc/c → ts (ch, cz → ch; sz → sh);  q → k;
//   x → ks;  w → v;  ph → f;  soft sign, hard sign and apostrophes vanish;  doubled letters collapse.

import { fixHomoglyphs } from "./script.ts";

const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ie", ё: "e", ж: "zh", з: "z",
  и: "i", і: "i", ї: "ii", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r",
  с: "s", т: "t", у: "u", ў: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "i", ь: "", э: "e", ю: "iu", я: "ia",
};

// Latin letters with diacritics that stand for a digraph in scholarly/ISO renderings; mapped
// before diacritics are stripped so that č is ch rather than c.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  č: "ch", š: "sh", ž: "zh", ŝ: "shch", â: "ia", û: "iu", ê: "ie", ǵ: "g", ß: "ss", ł: "l",
  ø: "o", æ: "ae", œ: "oe", đ: "d", ħ: "h", ı: "i", ŀ: "l",
};

const VOWELS = new Set(["a", "e", "i", "o", "u"]);

// Lookup by UTF-16 code unit: faster than object property access on Cyrillic keys.
const CHAR_TABLE: ReadonlyMap<number, string> = new Map(
  [...Object.entries(CYRILLIC), ...Object.entries(LATIN_SPECIAL)].map(([k, v]) => [k.charCodeAt(0), v] as const),
);

function mapChars(input: string): string {
  // NFC first (inside fixHomoglyphs) so that й, ї, ё are single code points and hit the table;
  // Latin look-alikes inside Cyrillic words (Пeтpенко with Latin e, p) read as Cyrillic.
  const lower = fixHomoglyphs(input).toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) { out += lower[i]; continue; }
    const mapped = CHAR_TABLE.get(code);
    out += mapped ?? lower[i];
  }
  // Plain ASCII needs none of the Unicode work below.
  if (/^[a-z0-9]*$/.test(out)) return out;
  if (/^[\x00-\x7f]*$/.test(out)) return out.replace(/[^a-z0-9]/g, "");
  // Strip remaining diacritics (é → e, ĭ → i, ö → o), the spacing modifier letters that stand
  // for soft/hard signs and apostrophes (ISO 9 ʹ ʺ, Ukrainian ʼ), and keep letters and digits.
  return out
    .normalize("NFKD")
    .replace(/[\p{M}\u02B0-\u02FF]/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function foldLatin(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const n1 = s[i + 1] ?? "";
    const n2 = s[i + 2] ?? "";
    const n3 = s[i + 3] ?? "";
    switch (c) {
      case "s":
        if (n1 === "h" && n2 === "c" && n3 === "h") { out += "shch"; i += 4; continue; }
        if (n1 === "h" || (n1 === "z" && n2 !== "h")) { out += "sh"; i += 2; continue; }
        out += "s"; i += 1; continue;
      case "z":
        if (n1 === "h") { out += "zh"; i += 2; continue; }
        out += "z"; i += 1; continue;
      case "k":
        if (n1 === "h") { out += "g"; i += 2; continue; }
        out += "k"; i += 1; continue;
      case "g":
        if (n1 === "h") { out += "g"; i += 2; continue; }
        out += "g"; i += 1; continue;
      case "h":
        out += "g"; i += 1; continue;
      case "c":
        // c is ц in ISO 9 and Polish/Czech-style renderings (Gorickij, Nowicki); the English
        // c of Victor or Nicolas reaches its name through the given-name groups instead.
        if (n1 === "h" || n1 === "z") { out += "ch"; i += 2; continue; }
        out += "ts"; i += 1; continue;
      case "t":
        // "tch" is т+ч, not GOST 52535 "tc" (ц) + h: keeps the key closed under itself.
        if (n1 === "c" && n2 !== "h") { out += "ts"; i += 2; continue; }
        if (n1 === "s") { out += "ts"; i += 2; continue; }
        out += "t"; i += 1; continue;
      case "p":
        if (n1 === "h") { out += "f"; i += 2; continue; }
        out += "p"; i += 1; continue;
      case "x":
        out += "ks"; i += 1; continue;
      case "w":
        out += "v"; i += 1; continue;
      case "q":
        out += "k"; i += 1; continue;
      case "y":
      case "j":
        out += "i"; i += 1; continue;
      default:
        out += c; i += 1; continue;
    }
  }
  return out;
}

function isConsonant(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return code >= 97 && code <= 122 && !VOWELS.has(c);
}

function foldVowels(s: string): string {
  let out = s.replace(/i+/g, "i");
  // ICAO writes ъ as "ie": Подъячев → Podieiachev, where Cyrillic gives "podiachev".
  out = out.replace(/(?<=.)iei(?=[aeiou])/g, "i");
  out = out.replace(/ie/g, "e");
  // Ukrainian ц is soft before я/ю where Russian writes ца/цу (Синиця, Синица).
  out = out.replace(/tsi(?=[au])/g, "ts");
  // ё rendered yo/io after a consonant (Fyodor, Artyomovsk) is written е in ordinary Cyrillic.
  if (!out.includes("io")) return out;
  let res = "";
  for (let i = 0; i < out.length; i++) {
    if (out[i] === "i" && out[i + 1] === "o" && isConsonant(res[res.length - 1])) {
      res += "e";
      i += 1;
      continue;
    }
    res += out[i];
  }
  return res;
}

function collapseDoubles(s: string): string {
  let out = "";
  let last = "";
  for (const ch of s) {
    if (ch === last) continue;
    out += ch;
    last = ch;
  }
  return out;
}

// Ukrainian без-/роз- keep z before a voiceless consonant where Russian writes бес-/рас-
// (Безсмертна, Бессмертная; Безпалько, Беспалько).
// English W is В in Ukrainian and У in Russian (Вілсон, Уилсон; Волтер, Уолтер).
function foldPrefixes(s: string): string {
  return s.replace(/^(be|ra|ro)z(?=[ptkfsc]|sh|ch)/, "$1s").replace(/^u(?=[aeio])/, "v");
}

function foldOnce(s: string): string {
  return collapseDoubles(foldPrefixes(foldVowels(foldLatin(mapChars(s)))));
}

/**
 * Cross-script phonetic key of one name token (or any string; spaces and punctuation vanish).
 * Idempotent, never throws. Empty string when the input has no letters or digits.
 */
export function crossScriptKey(token: string): string {
  // A few passes reach the fixed point (e.g. "iie" → "ie" → "e"); the loop makes idempotence
  // a property of the function rather than of careful rule ordering.
  let prev = token;
  let cur = foldOnce(token);
  for (let k = 0; k < 4 && cur !== prev; k++) {
    prev = cur;
    cur = foldOnce(cur);
  }
  return cur;
}

/**
 * A coarser key for recall: the vowels e, i, o merge, which covers the Ukrainian і where
 * Russian writes о or е (Петрів/Петров, Вишнівський/Вишневский, Білаш/Белаш) and ьо/е
 * (Найдьонова/Найденова). Takes a crossScriptKey (or any string, which it keys first).
 */
export function looseKey(keyOrText: string): string {
  return crossScriptKey(keyOrText).replace(/[eio]+/g, "e");
}
