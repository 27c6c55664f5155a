import { crossScriptKey, foldSurnameKey, nameSearchKeys, nameTokens, parseDate, patronymicKey } from "../normalise/index.ts";
import { givenNameGroupOfKey } from "../normalise/given-names.ts";
import { simpleText, type FieldNormaliser, type NameKind, type PartialDate } from "./field-normaliser.ts";

function tokenKeys(value: string): string[] {
  return nameTokens(value).map(crossScriptKey).filter((k) => k !== "");
}

function key(value: string, kind: NameKind): string {
  const keys = tokenKeys(value);
  // Whole names may come in any order ("Коваленко Ірина" / "Iryna Kovalenko").
  return (kind === "person" ? keys.sort() : keys).join(" ");
}

function group(value: string, kind: NameKind): string {
  const keys = tokenKeys(value);
  switch (kind) {
    case "given":
      return keys.map((k) => givenNameGroupOfKey(k) ?? k).join(" ");
    case "family":
      return keys.map((k) => foldSurnameKey(k).key).join(" ");
    case "patronymic":
      return keys.map((k) => patronymicKey(k)?.father ?? k).join(" ");
    case "person":
      return nameSearchKeys(value).join(" ");
  }
}

/** Names repeat heavily in large tables: each distinct value is normalised once. */
function memo<A extends string>(fn: (v: string, kind: A) => string): (v: string, kind: A) => string {
  const caches = new Map<A, Map<string, string>>();
  return (v, kind) => {
    let c = caches.get(kind);
    if (!c) caches.set(kind, (c = new Map()));
    let r = c.get(v);
    if (r === undefined) {
      r = fn(v, kind);
      if (c.size < 2_000_000) c.set(v, r);
    }
    return r;
  };
}

/**
 * The normaliser for Ukrainian/Russian/Latin child records, built on the normalisation module:
 * cross-script keys, given-name groups (equivalents and diminutives), gendered surname folding
 * and patronymics. Returns a fresh instance so caches do not outlive one linkage run.
 */
export function crossScriptNormaliser(): FieldNormaliser {
  const placeCache = memo((v: string) => crossScriptKey(v));
  return {
    nameKey: memo(key),
    nameGroup: memo(group),
    parseDate: (v): PartialDate | null => {
      const d = parseDate(v);
      return d ? { year: d.year, month: d.month ?? 0, day: d.day ?? 0 } : null;
    },
    place: (v) => {
      const p = placeCache(v, "");
      return p ? { place: p, region: "" } : null;
    },
    text: simpleText,
  };
}
