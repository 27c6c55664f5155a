// Name fields as entered on either side: the family name may sit in the given-name field, a
// whole name in one field, a patronymic beside the given name. These helpers read which token
// is which and give the keys the model compares.
import { crossScriptKey, looseKey } from "./cross-script-key.ts";
import { givenNameGroup, givenNameGroupOfKey } from "./given-names.ts";
import { nameTokens } from "./name-search-keys.ts";
import { patronymicKey } from "./patronymic-key.ts";
import { foldSurnameKey } from "./surname-key.ts";
import type { SurnameSex } from "./surname-key.ts";

export type Sex = "male" | "female" | "unknown";

export interface GivenNameKey {
  /** given-name group id when the name is known, else the cross-script key */
  readonly key: string;
  readonly known: boolean;
  readonly viaDiminutive: boolean;
}

/** Key of a given name (all its tokens, in order, space-separated). */
export function givenNameKey(text: string): GivenNameKey {
  const parts: string[] = [];
  let known = true;
  let viaDiminutive = false;
  for (const t of nameTokens(text)) {
    const k = crossScriptKey(t);
    if (k === "") continue;
    const match = givenNameGroup(t);
    if (match === null) known = false;
    else viaDiminutive ||= match.viaDiminutive;
    parts.push(match?.groupId ?? k);
  }
  return { key: parts.join(" "), known: parts.length > 0 && known, viaDiminutive };
}

export interface FamilyNameKey {
  /** masculine form's cross-script key, tokens space-separated (double-barrelled names kept) */
  readonly key: string;
  readonly sex: SurnameSex;
}

/** Key of a family name with feminine forms folded to the masculine; the sex they imply. */
export function familyNameKey(text: string): FamilyNameKey {
  const parts: string[] = [];
  let sex: SurnameSex = "unknown";
  for (const t of nameTokens(text)) {
    const k = crossScriptKey(t);
    if (k === "") continue;
    const f = foldSurnameKey(k);
    if (sex === "unknown") sex = f.sex;
    parts.push(f.key);
  }
  return { key: parts.join(" "), sex };
}

/** looseKey of each part of a given or family key: a second, coarser comparison level. */
export function looseNameKey(key: string): string {
  return key.split(" ").map(looseKey).join(" ");
}

// Surname endings of Ukrainian and Russian family names, on the cross-script key.
const SURNAME_ENDING = /(?:enko|chuk|uk|iuk|ishin|ishina|ski|ska|skaia|tski|tska|ov|ova|ev|eva|in|ina|ich|ak|iak|ets|ko|niak|chak|ii|nii|nik|ar)$/;

type TokenRole = "given" | "family" | "patronymic" | "unknown";

function tokenRole(token: string): TokenRole {
  const k = crossScriptKey(token);
  if (k === "") return "unknown";
  if (givenNameGroupOfKey(k) !== null) return "given";
  const p = patronymicKey(k);
  if (p !== null && p.fatherKnown) return "patronymic";
  if (SURNAME_ENDING.test(k) && k.length > 3) return "family";
  return "unknown";
}

export interface ParsedName {
  readonly given: string;
  readonly family: string;
  readonly patronymic: string;
  /** tokens whose role was guessed from position rather than recognised */
  readonly guessed: boolean;
}

/**
 * Splits a whole name written in one field, in either order (Коваленко Олександр Петрович,
 * Oleksandr Petrovych Kovalenko, Kovalenko Oleksandr). Tokens are recognised as given names
 * (known groups), patronymics (a known father's name with -ович/-івна…) or family names
 * (typical endings); the rest is placed by the usual orders "family given patronymic" and
 * "given patronymic family".
 */
export function parseFullName(text: string): ParsedName {
  const tokens = nameTokens(text);
  const roles = tokens.map(tokenRole);
  const given: string[] = [];
  const family: string[] = [];
  const patronymic: string[] = [];
  let guessed = false;
  const givenAt = roles.indexOf("given");
  tokens.forEach((t, i) => {
    let role = roles[i]!;
    if (role === "unknown") {
      guessed = true;
      // An unknown token before a recognised given name is a family name (Ukrainian/Russian
      // official order); after it, a family name too unless a family name is already known.
      if (givenAt === -1) role = i === 0 && tokens.length > 1 ? "family" : given.length === 0 && i === tokens.length - 1 && tokens.length > 1 ? "given" : "family";
      else role = family.length === 0 || i < givenAt ? "family" : "given";
    }
    if (role === "given" && given.length > 0 && family.length === 0 && i === tokens.length - 1) role = "family";
    (role === "given" ? given : role === "family" ? family : patronymic).push(t);
  });
  return { given: given.join(" "), family: family.join(" "), patronymic: patronymic.join(" "), guessed };
}

export type FieldOrder = "as-entered" | "swapped" | "unclear";

/**
 * Whether the given-name and family-name fields were filled the wrong way round (Коваленко in
 * the given-name field, Олександр in the family-name field). "unclear" when neither reading is
 * clearly better.
 */
export function detectSwappedNames(givenField: string, familyField: string): FieldOrder {
  const score = (text: string, role: TokenRole) => nameTokens(text).filter((t) => tokenRole(t) === role).length;
  const asEntered = score(givenField, "given") + score(familyField, "family");
  const swapped = score(givenField, "family") + score(familyField, "given");
  if (swapped > asEntered) return "swapped";
  if (asEntered > swapped) return "as-entered";
  return "unclear";
}

// Masculine given names and diminutives ending in -а/-я, and diminutives used for both sexes.
const MASCULINE_IN_A = new Set(
  ("Микола Ілля Кузьма Лука Хома Фома Сава Савва Микита Никита Данила Гаврила Міша Миша Ваня Петя Коля Толя Діма Дима " +
    "Вася Гриша Паша Юра Вітя Витя Вова Льоша Лёша Костя Стьопа Стёпа Федя Яша Тима Рома Сеня Веня Кеша Гоша Жора Льоня Лёня Ілюша Илюша")
    .split(" ").map(crossScriptKey),
);
const EITHER_SEX = new Set("Саша Женя Валя Саня Слава Шура".split(" ").map(crossScriptKey));

/**
 * Sex implied by the name: a patronymic (-ович / -івна, -овна) decides; then a gendered
 * surname form (Коваленко says nothing, Ковальська says female); then the given name's ending.
 */
export function inferSex(name: { readonly given?: string; readonly family?: string; readonly patronymic?: string }): Sex {
  for (const t of nameTokens(name.patronymic ?? "")) {
    const p = patronymicKey(crossScriptKey(t));
    if (p !== null) return p.sex;
  }
  const fam = familyNameKey(name.family ?? "");
  if (fam.sex !== "unknown") return fam.sex;
  const first = nameTokens(name.given ?? "")[0];
  if (first === undefined) return "unknown";
  const k = crossScriptKey(first);
  if (k === "" || EITHER_SEX.has(k)) return "unknown";
  if (MASCULINE_IN_A.has(k)) return "male";
  if (/[a]$/.test(k)) return "female";
  if (/[a-z]$/.test(k)) return "male";
  return "unknown";
}
