// Which script (and, for Cyrillic, which language) a name is written in. Cyrillic without a
// language-specific letter (Коваленко, Марина) is "cyrillic": it may be either.

export type Script = "ukrainian" | "russian" | "cyrillic" | "latin" | "mixed" | "other" | "none";

const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/u;
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
// An apostrophe between Cyrillic letters (Мар'яна, В’ячеслав) is Ukrainian spelling; Russian
// writes ъ or ь there.
const UKRAINIAN_APOSTROPHE = /\p{Script=Cyrillic}['’ʼ`]\p{Script=Cyrillic}/u;

// Latin letters that look like Cyrillic ones; typed into Cyrillic words by mixed keyboards and
// OCR (Сергiй with a Latin i is common in Ukrainian registers).
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: "а", c: "с", e: "е", i: "і", ï: "ї", o: "о", p: "р", x: "х", y: "у", k: "к",
  A: "А", B: "В", C: "С", E: "Е", H: "Н", I: "І", Ï: "Ї", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
};

/**
 * Replaces Latin look-alike letters inside words that are otherwise Cyrillic (Сергiй → Сергій).
 * A word with any Latin letter that has no Cyrillic twin is left alone: it is genuinely mixed.
 */
export function fixHomoglyphs(text: string): string {
  const nfc = text.normalize("NFC");
  // Fast path: nothing to repair unless both scripts occur.
  if (!CYRILLIC.test(nfc) || !LATIN.test(nfc)) return nfc;
  return nfc.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
    let out = "";
    for (const ch of word) {
      if (LATIN.test(ch)) {
        const cyr = HOMOGLYPHS[ch];
        if (cyr === undefined) return word;
        out += cyr;
      } else out += ch;
    }
    return out;
  });
}

export interface ScriptInfo {
  readonly script: Script;
  /** Latin look-alike letters were found inside Cyrillic words (see fixHomoglyphs). */
  readonly homoglyphs: boolean;
}

/** Detects the script of a name or text; letters only count, digits and punctuation do not. */
export function detectScriptInfo(text: string): ScriptInfo {
  const fixed = fixHomoglyphs(text);
  const homoglyphs = fixed !== text.normalize("NFC");
  let cyr = 0;
  let lat = 0;
  let other = 0;
  for (const ch of fixed) {
    if (!/\p{L}/u.test(ch)) continue;
    if (CYRILLIC.test(ch)) cyr++;
    else if (LATIN.test(ch)) lat++;
    else other++;
  }
  const kinds = (cyr > 0 ? 1 : 0) + (lat > 0 ? 1 : 0) + (other > 0 ? 1 : 0);
  let script: Script;
  if (kinds === 0) script = "none";
  else if (kinds > 1) script = "mixed";
  else if (lat > 0) script = "latin";
  else if (other > 0) script = "other";
  else {
    const uk = UKRAINIAN_ONLY.test(fixed) || UKRAINIAN_APOSTROPHE.test(fixed);
    const ru = RUSSIAN_ONLY.test(fixed);
    script = uk && ru ? "mixed" : uk ? "ukrainian" : ru ? "russian" : "cyrillic";
  }
  return { script, homoglyphs };
}

export function detectScript(text: string): Script {
  return detectScriptInfo(text).script;
}
