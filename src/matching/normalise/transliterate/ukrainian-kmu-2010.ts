// Ukrainian → Latin by the national system (Cabinet of Ministers Resolution No. 55 of
// 27 January 2010), used in Ukrainian passports since 2010.
import { fixHomoglyphs } from "../script.ts";

const ELSEWHERE: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y",
  і: "i", ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s",
  т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "iu",
  я: "ia",
};

const WORD_INITIAL: Readonly<Record<string, string>> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

const APOSTROPHES = new Set(["'", "’", "ʼ", "`", "´", "ʹ"]);

function isCyrillicLetter(ch: string | undefined): boolean {
  return ch !== undefined && ELSEWHERE[ch.toLowerCase()] !== undefined;
}

function applyCase(latin: string, source: string, wordIsUpper: boolean): string {
  if (latin === "" || source === source.toLowerCase()) return latin;
  if (wordIsUpper) return latin.toUpperCase();
  return latin[0]!.toUpperCase() + latin.slice(1);
}

/**
 * Transliterates Ukrainian text by the 2010 rules: є ї й ю я take their Ye Yi Y Yu Ya forms at
 * the start of a word; зг is zgh; the soft sign and apostrophes are dropped. Characters that are
 * not Ukrainian letters pass through unchanged (Russian-only letters ы э ъ ё included).
 */
export function ukrainianToLatin(text: string): string {
  const chars = [...fixHomoglyphs(text)];
  let out = "";
  let wordStart = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const isApostrophe = APOSTROPHES.has(ch) && isCyrillicLetter(chars[i - 1]) && isCyrillicLetter(chars[i + 1]);
    if (isApostrophe) continue;
    if (APOSTROPHES.has(ch)) {
      // A stray apostrophe outside a word stays, in its ASCII form.
      out += "'";
      wordStart = i + 1;
      continue;
    }
    const base = ELSEWHERE[lower];
    if (base === undefined) {
      out += ch;
      wordStart = i + 1;
      continue;
    }
    // A word is a run of Ukrainian letters (and inner apostrophes): its case decides whether
    // a capital letter is rendered "Shch" or "SHCH".
    let end = i;
    while (end + 1 < chars.length && (isCyrillicLetter(chars[end + 1]) || (APOSTROPHES.has(chars[end + 1]!) && isCyrillicLetter(chars[end + 2])))) end++;
    const word = chars.slice(wordStart, end + 1).join("");
    const letters = word.replace(/[^\p{L}]/gu, "");
    const wordIsUpper = letters.length > 1 && letters === letters.toUpperCase();
    let latin = i === wordStart ? (WORD_INITIAL[lower] ?? base) : base;
    if (lower === "г" && chars[i - 1]?.toLowerCase() === "з" && i - 1 >= wordStart) latin = "gh";
    out += applyCase(latin, ch, wordIsUpper);
  }
  return out;
}
