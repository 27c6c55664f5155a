import { givenNameGroupOfKey } from "./given-names.ts";

export interface PatronymicKey {
  /** given-name group id of the father when known, else the cross-script key of the stem */
  readonly father: string;
  readonly fatherKnown: boolean;
  readonly sex: "male" | "female";
}

// Endings on the cross-script key: Ukrainian -ович/-евич/-ійович, -івна/-ївна; Russian
// -ович/-евич/-еевич, -овна/-евна/-еевна. The vowel folds of the key have already merged
// -ійович and -еевич into "-evich".
// The short Russian forms -ич/-ична (Кузьмич, Ильич, Саввич) count only when the stem is a
// known given name: many surnames end in -ич.
const ENDINGS: readonly { readonly suffix: string; readonly sex: "male" | "female"; readonly needsKnownFather: boolean }[] = [
  { suffix: "ovich", sex: "male", needsKnownFather: false },
  { suffix: "evich", sex: "male", needsKnownFather: false },
  { suffix: "ovna", sex: "female", needsKnownFather: false },
  { suffix: "evna", sex: "female", needsKnownFather: false },
  { suffix: "ivna", sex: "female", needsKnownFather: false },
  { suffix: "ichna", sex: "female", needsKnownFather: true },
  { suffix: "ich", sex: "male", needsKnownFather: true },
];

// Father's names whose stem loses a final vowel or й in the patronymic: Андрій → Андрійович
// (stem andr + ei/i), Микола → Миколайович (mikolai → mikola), Петро → Петрович (petr + o).
// After -евич/-евна the e usually belongs to the father's name (Алексеевна: Алексей), so those
// endings try the completions with e first; a bare stem there could be another name (Alex).
const STEM_COMPLETIONS: readonly string[] = ["", "i", "o", "a", "ei", "e", "ia"];
const STEM_COMPLETIONS_AFTER_E: readonly string[] = ["ei", "i", "e", "", "a", "o", "ia"];

/**
 * Reads a patronymic from its cross-script key. Null when the key does not end like one or the
 * stem is too short to be a given name.
 */
export function patronymicKey(key: string): PatronymicKey | null {
  for (const { suffix, sex, needsKnownFather } of ENDINGS) {
    if (!key.endsWith(suffix)) continue;
    const stem = key.slice(0, key.length - suffix.length);
    if (stem.length < 2) continue;
    const completions = suffix.startsWith("e") ? STEM_COMPLETIONS_AFTER_E : STEM_COMPLETIONS;
    const candidates = completions.map((c) => stem + c);
    if (stem.endsWith("i")) candidates.push(stem.slice(0, -1));
    for (const c of candidates) {
      const g = givenNameGroupOfKey(c);
      if (g !== null) return { father: g, fatherKnown: true, sex };
    }
    if (needsKnownFather || stem.length < 3) continue;
    // An unknown father's name loses its ending the way the two languages differ in it
    // (Єлисейович, Елисеевич → elis).
    return { father: stem.replace(/(?:ei|e|i)$/, ""), fatherKnown: false, sex };
  }
  return null;
}
