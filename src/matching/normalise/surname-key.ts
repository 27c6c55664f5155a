// Masculine and feminine surname forms folded on the cross-script key, so that Ковальський,
// Ковальська, Ковальский and Ковальская (and Иванов/Иванова, Бабін/Бабіна) share one key.
// Rules act on keys (not Cyrillic) so that Latin renderings fold the same way.

export type SurnameSex = "male" | "female" | "unknown";

export interface FoldedSurname {
  /** key of the masculine form */
  readonly key: string;
  /** the sex the written form implies, "unknown" when the form is the same for both */
  readonly sex: SurnameSex;
}

interface Rule {
  readonly re: RegExp;
  readonly to: string;
  readonly sex: SurnameSex;
}

// Order matters: the adjectival -ska/-skaia family before the generic -a endings. Stems must
// keep at least two letters so that short words are left alone.
const RULES: readonly Rule[] = [
  { re: /^(.{2,}(?:s|ts|z|ch))k(?:aia|a)$/, to: "$1ki", sex: "female" },
  { re: /^(.{2,}(?:s|ts|z|ch))k(?:i|oi)$/, to: "$1ki", sex: "male" },
  // Adjectival surnames in -ов-/-ев- (Замкова, Замковая, Лановий, Лановой) meet the possessive
  // -ов/-ова (Іванов, Іванова).
  { re: /^(.{2,})(ov|ev)(?:aia|oi)$/, to: "$1$2", sex: "unknown" },
  { re: /^(.{2,})(ov|ev)i$/, to: "$1$2", sex: "male" },
  // Other adjectival surnames: Russian -ая/-ой (Толстая, Толстой) and the Ukrainian short
  // feminine -а (Ратушна, Худа, Гостра) meet the masculine -ий/-ый.
  { re: /^(.{2,}[^aeiou])aia$/, to: "$1i", sex: "female" },
  { re: /^(.{2,}[^aeiou])oi$/, to: "$1i", sex: "male" },
  { re: /^(.{2,})(ov|ev|in)a$/, to: "$1$2", sex: "female" },
  { re: /^(.{2,})(ov|ev|in)$/, to: "$1$2", sex: "male" },
  { re: /^(.{2,}[^aeiou])a$/, to: "$1i", sex: "unknown" },
];

/** Fold a surname's cross-script key to its masculine form and note the sex it implies. */
export function foldSurnameKey(key: string): FoldedSurname {
  for (const r of RULES) {
    if (r.re.test(key)) return { key: key.replace(r.re, r.to), sex: r.sex };
  }
  return { key, sex: "unknown" };
}

// A vowel between a consonant and a consonant that closes its syllable (before another
// consonant or at the end). Letters of the key other than a e i o u are consonants (zh, ch, sh
// and ts are two of them, which keeps a syllable closed as the Cyrillic letter does).
const CLOSED_SYLLABLE_VOWEL = /(?<=[^aeiou])[eio](?=[^aeiou](?:[^aeiou]|$))/g;

/**
 * Folds the vowel correspondence of Ukrainian and Russian surnames on a (folded) surname key:
 * Ukrainian і in a closed syllable where Russian writes о or е (Підгородецький / Подгородецкий,
 * Левківська / Левковская, Петрів / Петров, Білаш / Белаш). Any of e, i, o there becomes o, so
 * the fold is coarse (Петренко and Потренко meet): an equivalence group for the model to
 * weigh, never a key on its own.
 */
export function foldSurnameVowels(key: string): string {
  return key.replace(CLOSED_SYLLABLE_VOWEL, "o");
}
