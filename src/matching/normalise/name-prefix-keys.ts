import { crossScriptKey, looseKey } from "./cross-script-key.ts";
import { nameTokens, tokenSearchKey } from "./name-search-keys.ts";

// Search as you type: a name is found by the start of any of its words in any script, so that
// "Kovalenk" finds Коваленко. A word's prefixes are taken of its cross-script normal form (the
// loose key), and the typed word's normal form is looked up among them. Prefix keys carry a
// mark no whole-word key has, so the two kinds never collide in one stored set.

/** Shorter typed words are not looked up as prefixes (too many children share them). */
export const MIN_PREFIX = 3;
/** Longer prefixes are not stored: a word typed this far is found by its first MAX_PREFIX letters. */
export const MAX_PREFIX = 16;
const MARK = "^";

/** The normal form a word's prefixes are taken from. */
export function prefixForm(token: string): string {
  const key = crossScriptKey(token);
  return key === "" ? "" : looseKey(key);
}

/** Every prefix key of every word of a name, MIN_PREFIX to MAX_PREFIX letters long: distinct, sorted. */
export function namePrefixKeys(text: string): string[] {
  const out = new Set<string>();
  for (const t of nameTokens(text)) {
    const form = prefixForm(t);
    const longest = Math.min(form.length, MAX_PREFIX);
    for (let n = MIN_PREFIX; n <= longest; n++) out.add(MARK + form.slice(0, n));
  }
  return [...out].sort();
}

// A Latin word typed halfway through a digraph (Shevc for Shevchuk, Kh, Zh, Ts, Ye) has a
// normal form that is no prefix of the whole word's: its start without that letter is looked up too.
const DIGRAPH_STARTS = /[cszktyjie]$/i;

function typedForms(token: string): string[] {
  return DIGRAPH_STARTS.test(token) && token.length > MIN_PREFIX ? [token, token.slice(0, -1)] : [token];
}

/**
 * What a query typed so far asks for: every word but the last whole (`all`, each must be among
 * a name's keys), and the last as a whole word or as the start of one (`last`, one of them must
 * be). A last word shorter than MIN_PREFIX counts as whole only.
 */
export function prefixQueryKeys(text: string): { all: string[]; last: string[] } {
  const tokens = nameTokens(text).filter((t) => tokenSearchKey(t) !== "");
  if (tokens.length === 0) return { all: [], last: [] };
  const lastToken = tokens.at(-1)!;
  const all = [...new Set(tokens.slice(0, -1).map(tokenSearchKey))].sort();
  const last = [tokenSearchKey(lastToken)];
  for (const typed of typedForms(lastToken)) {
    const form = prefixForm(typed);
    if (form.length >= MIN_PREFIX) last.push(MARK + form.slice(0, MAX_PREFIX));
  }
  return { all, last: [...new Set(last)] };
}
