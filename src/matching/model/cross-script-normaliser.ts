import { crossScriptKey, foldSurnameKey, foldSurnameVowels, givenNameGroup, inferSex, nameTokens, parseDate, patronymicKey, placeKey, placeOblast, tokenSearchKey } from "../normalise/index.ts";
import { givenNameGroupOfKey } from "../normalise/given-names.ts";
import { simpleText, type FieldNormaliser, type NameKind, type PartialDate, type PlaceRef } from "./field-normaliser.ts";
import type { PatronymicFromFather } from "./infer-patronymic.ts";
import type { SexFromNames } from "./infer-sex.ts";

/** Names and dates repeat heavily in large tables: each distinct token or value is worked out once. */
function memo<T>(fn: (v: string) => T, limit = 2_000_000): (v: string) => T {
  const cache = new Map<string, T>();
  return (v) => {
    let r = cache.get(v);
    if (r === undefined) {
      r = fn(v);
      if (cache.size < limit) cache.set(v, r);
    }
    return r;
  };
}

/**
 * The normaliser for Ukrainian/Russian/Latin child records, built on the normalisation module:
 * cross-script keys, given-name groups (equivalents and diminutives), gendered surname folding
 * and patronymics. Returns a fresh instance so caches do not outlive one linkage run.
 */
export function crossScriptNormaliser(): FieldNormaliser & SexFromNames & PatronymicFromFather {
  const tokenKey = memo(crossScriptKey);
  const groups: Record<NameKind, (token: string) => string> = {
    given: memo((t) => {
      const k = tokenKey(t);
      return givenNameGroupOfKey(k) ?? k;
    }),
    // Gendered forms (Ковальська, Ковальский) and the і of a closed syllable that Russian
    // writes о or е (Підгородецький, Подгородецкий) share a group.
    family: memo((t) => foldSurnameVowels(foldSurnameKey(tokenKey(t)).key)),
    patronymic: memo((t) => {
      const k = tokenKey(t);
      return patronymicKey(k)?.father ?? k;
    }),
    // A whole name in any order: one search key per token (given-name group, patronymic's
    // father, folded surname), sorted.
    person: memo(tokenSearchKey),
  };
  const tokens = memo(nameTokens, 500_000);
  const keys = (value: string, map: (t: string) => string, sort: boolean): string => {
    const out: string[] = [];
    for (const t of tokens(value)) {
      const k = map(t);
      if (k !== "") out.push(k);
    }
    return (sort ? out.sort() : out).join(" ");
  };
  const date = memo((v: string): PartialDate | null => {
    const d = parseDate(v);
    return d ? { year: d.year, month: d.month ?? 0, day: d.day ?? 0 } : null;
  });
  // The gazetteer knows Ukrainian, Russian, Latin and former names (Бахмут / Артёмовск) and the
  // oblast; a place it does not know is compared by its cross-script key.
  const place = memo((v: string): PlaceRef | null => {
    const id = placeKey(v);
    if (id !== null) return { place: id, region: placeOblast(id) ?? "" };
    const k = crossScriptKey(v);
    return k ? { place: k, region: "" } : null;
  });
  // A patronymic (-ович / -івна) or a gendered surname (-ська, -ова) tells the sex; so does a
  // given name known as a full form. A diminutive does not (Даня and Володя are boys, Саша
  // either), nor does a name the name list does not know.
  const sexOf = memo((key: string): "m" | "f" | "" => {
    const [given = "", family = "", patronymic = ""] = key.split("\u0000");
    const first = nameTokens(given)[0] ?? "";
    const sex = inferSex({ given: first && givenNameGroup(first)?.viaDiminutive === false ? first : "", family, patronymic });
    return sex === "male" ? "m" : sex === "female" ? "f" : "";
  }, 200_000);
  const fatherGroup = memo((key: string): string => {
    const [father = "", family = ""] = key.split("\u0000");
    const surname = new Set(nameTokens(family).map((t) => groups.family(t)));
    let found = "";
    for (const t of nameTokens(father)) {
      if (surname.has(groups.family(t))) continue;
      const g = givenNameGroupOfKey(tokenKey(t));
      if (g === null) continue;
      if (found !== "" && found !== g) return "";
      found = g;
    }
    return found;
  }, 200_000);
  return {
    // Whole names may come in any order ("Коваленко Ірина" / "Iryna Kovalenko").
    nameKey: (v, kind) => keys(v, tokenKey, kind === "person"),
    nameGroup: (v, kind) => keys(v, groups[kind], kind === "person"),
    parseDate: date,
    place,
    text: simpleText,
    // A patronymic (-ович / -івна) or a gendered surname (-ська, -ова) tells the sex; so does a
    // full given name. A diminutive does not: Даня and Володя are boys, Саша either.
    sexFromNames: (given, family, patronymic) => sexOf(`${given}\u0000${family}\u0000${patronymic}`),
    // The father's given name is the one word of his name the name list knows (in any order,
    // the family name aside); his patronymic group is that name's group, as a patronymic's is.
    patronymicFromFather: (father, family) => fatherGroup(`${father}\u0000${family}`),
  };
}
