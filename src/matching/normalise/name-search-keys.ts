import { crossScriptKey, looseKey } from "./cross-script-key.ts";
import { givenNameGroupOfKey } from "./given-names.ts";
import { patronymicKey } from "./patronymic-key.ts";
import { foldSurnameKey } from "./surname-key.ts";

/**
 * Version of the search-key function. Keys are stored in the database (a text[] column with a
 * GIN index): any change to the keys this module produces — the phonetic folds, the given-name
 * data, the surname or patronymic rules — must bump this number, and stored keys must be
 * recomputed (re-indexed) before searching with the new version.
 */
// History: 1 — first version; 2 — Latin look-alike letters inside Cyrillic words read as Cyrillic;
// 3 — vowels e/i/o merged (looseKey), adjectival surname endings, -ич patronymics, more names;
// 4 — ё is e, c is ц (cz ch, sz sh), ISO 9 modifier letters dropped, ICAO ъ "ie" folded;
// 5 — adjectival -ова/-овая and short -а surnames, ця/ца, без-/бес-, -еевна fathers, Alex;
// 6 — more given names (modern children's names; Філіп, Нікіта, Даніель as Ukrainian forms);
// 7 — English W as В/У (Вілсон, Уилсон), a few more diminutives;
// 8 — diminutives Світа, Тимко, Матвійко, Дениско, Мирося.
export const SEARCH_KEY_VERSION = 8;

/** Splits a name string into tokens: letters, digits and in-word apostrophes. */
export function nameTokens(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/[^\p{L}\p{M}\p{N}'’ʼ`´]+/u)
    .map((t) => t.replace(/^['’ʼ`´]+|['’ʼ`´]+$/gu, ""))
    .filter((t) => t.length > 0);
}

/** The search key of one token (see nameSearchKeys); empty string when the token has no letters. */
export function tokenSearchKey(token: string): string {
  const key = crossScriptKey(token);
  if (key === "") return "";
  const group = givenNameGroupOfKey(key);
  if (group !== null) return looseKey(group);
  const patronymic = patronymicKey(key);
  if (patronymic !== null) return `${looseKey(patronymic.father)}~p`;
  return looseKey(foldSurnameKey(key).key);
}

/**
 * Cross-script search keys of a name string (given name, family name, patronymic, or a whole
 * name in any order and script): exactly one key per distinct token, sorted and de-duplicated.
 * Олександр Коваленко, Александр Коваленко, Oleksandr Kovalenko, Aleksandr Kovalenko and
 * Alexander Kovalenko all give the same keys; so do Саша and Sasha (one key per given-name
 * group, masculine and feminine forms together), Ковальська and Ковальский (surnames folded to
 * the masculine form), Олександрович and Александровна (patronymics: father's group + "~p").
 *
 * Search with array overlap (`keys && $1`) and rank by the number of shared keys; because
 * each token yields one key, `keys @> $1` finds records containing every token of a query.
 * Stored keys depend on SEARCH_KEY_VERSION.
 */
export function nameSearchKeys(text: string): string[] {
  const out = new Set<string>();
  for (const t of nameTokens(text)) {
    const k = tokenSearchKey(t);
    if (k !== "") out.add(k);
  }
  return [...out].sort();
}
