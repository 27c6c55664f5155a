import { crossScriptKey } from "./cross-script-key.ts";
import { foldSurnameKey } from "./surname-key.ts";
import { OBLAST_DATA, PLACE_DATA } from "./places-data.ts";
import { ukrainianToLatin } from "./transliterate/ukrainian-kmu-2010.ts";

export type PlaceKind = "city" | "raion-centre";

export interface Place {
  /** Stable id: ISO 3166-2 code of the oblast and the 2010 Latin form, e.g. "UA-14:mariupol". */
  readonly id: string;
  readonly oblast: string;
  readonly ukrainian: string;
  /** Russian name (the Ukrainian spelling when the data gives none). */
  readonly russian: string;
  /** Latin by the 2010 rules, derived from the Ukrainian name. */
  readonly latin: string;
  readonly former: readonly string[];
  /** Former names that yield to any other place's name (short-lived or little known). */
  readonly formerMinor: readonly string[];
  readonly kind: PlaceKind;
}

export interface Oblast {
  readonly code: string;
  readonly ukrainian: string;
  readonly russian: string;
  readonly english: string;
  readonly other: readonly string[];
}

function slug(latin: string): string {
  return latin.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function parsePlaces(data: string): Place[] {
  const places: Place[] = [];
  let oblast = "";
  for (const raw of data.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      oblast = line.slice(1).trim();
      continue;
    }
    const [uk = "", ru = "", former = "", kind = ""] = line.split("|").map((s) => s.trim());
    const latin = ukrainianToLatin(uk);
    const formerNames = former.split(",").map((s) => s.trim()).filter((s) => s !== "");
    places.push({
      id: `${oblast}:${slug(latin)}`,
      oblast,
      ukrainian: uk,
      russian: ru === "" ? uk : ru,
      latin,
      former: formerNames.filter((s) => !s.startsWith("~")),
      formerMinor: formerNames.filter((s) => s.startsWith("~")).map((s) => s.slice(1)),
      kind: kind === "r" ? "raion-centre" : "city",
    });
  }
  return places;
}

function parseOblasts(data: string): Oblast[] {
  return data
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => {
      const [code = "", ukrainian = "", russian = "", english = "", other = ""] = l.split("|");
      return { code, ukrainian, russian, english, other: other.split(",").filter((s) => s !== "") };
    });
}

export const PLACES: readonly Place[] = parsePlaces(PLACE_DATA);
export const OBLASTS: readonly Oblast[] = parseOblasts(OBLAST_DATA);

const PLACE_BY_ID: ReadonlyMap<string, Place> = new Map(PLACES.map((p) => [p.id, p]));

function addTo(index: Map<string, string[]>, key: string, value: string): void {
  if (key === "") return;
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Every spelling of a place: Ukrainian, Russian, former names, and the 2010 Latin form. */
export function placeNames(p: Place): string[] {
  return [p.ukrainian, p.russian, p.latin, ...p.former, ...p.formerMinor];
}

// Current names outrank former ones, and former names marked "~" in the data (short-lived or
// little-known) rank last: Олександрівськ is today's city in Luhansk oblast before it is
// Zaporizhzhia's name until 1921; Артемівськ is Bakhmut before it is Kypuche.
const PRIORITY_CURRENT = 0;
const PRIORITY_FORMER = 1;
const PRIORITY_MINOR = 2;

interface IndexEntry {
  readonly id: string;
  readonly priority: number;
}

const PLACE_INDEX: ReadonlyMap<string, readonly IndexEntry[]> = (() => {
  const index = new Map<string, IndexEntry[]>();
  const add = (name: string, id: string, priority: number) => {
    const key = crossScriptKey(name);
    if (key === "") return;
    const list = index.get(key) ?? [];
    const existing = list.find((e) => e.id === id);
    if (existing === undefined) list.push({ id, priority });
    else if (existing.priority > priority) list[list.indexOf(existing)] = { id, priority };
    index.set(key, list);
  };
  for (const p of PLACES) {
    for (const name of [p.ukrainian, p.russian, p.latin]) add(name, p.id, PRIORITY_CURRENT);
    for (const name of p.formerMinor) add(name, p.id, PRIORITY_MINOR);
    for (const name of p.former) add(name, p.id, PRIORITY_FORMER);
  }
  for (const list of index.values()) list.sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id));
  return index;
})();

// Oblast names are adjectives (Донецька, Донецкая, Donetska): the surname fold brings the
// feminine adjective to one key in both languages.
function oblastKeys(name: string): string[] {
  const k = crossScriptKey(name);
  if (k === "") return [];
  const folded = foldSurnameKey(k).key;
  return folded === k ? [k] : [k, folded];
}

const OBLAST_INDEX: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const o of OBLASTS) {
    for (const name of [o.ukrainian, o.russian, o.english, ukrainianToLatin(o.ukrainian), ...o.other]) {
      for (const k of oblastKeys(name)) addTo(index, k, o.code);
    }
  }
  return index;
})();

const OBLAST_WORDS = /(?:^|[\s.,])(?:область|обл|oblast|obl|region|reg|регіон|регион|край|raion|район|р-н)(?:[\s.,]|$)/giu;
const REPUBLIC_WORDS = /(?:^|[\s.,])(?:автономна|автономная|autonomous|республіка|республика|republic|of|ар|ar)(?=[\s.,]|$)/giu;

/**
 * ISO 3166-2 code of an oblast named in any script or form ("Донецька обл.", "Донецкая
 * область", "Donetsk Oblast", "Donetska"), of Kyiv or Sevastopol city, or of Crimea; null when
 * unknown.
 */
export function oblastCode(text: string): string | null {
  const hasOblastWord = new RegExp(OBLAST_WORDS.source, "iu").test(text);
  const stripped = text.normalize("NFC").replace(OBLAST_WORDS, " ").replace(REPUBLIC_WORDS, " ");
  for (const k of oblastKeys(stripped)) {
    const codes = OBLAST_INDEX.get(k);
    if (codes === undefined) continue;
    if (codes.length === 1) return codes[0]!;
    // Only "Kyiv" is both a city and an oblast: the word "oblast" decides.
    const preferred = codes.find((c) => (hasOblastWord ? c !== "UA-30" : c === "UA-30"));
    return preferred ?? codes[0]!;
  }
  return null;
}

const PLACE_TYPE_WORDS = /^(?:(?:м|г|с|смт|пгт|сел|пос|с-ще|m|g)\.\s*|(?:м|г|с|смт|пгт|місто|город|село|селище|посёлок|поселок|city of|city|town of|town|village of|village)\s+)/iu;
const COUNTRY_WORDS = /^(?:україна|украина|ukraine|ua)$/iu;

function splitPlaceText(text: string): { name: string; hints: string[] } {
  const parts = text
    .normalize("NFC")
    .split(/[,;()[\]/]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !COUNTRY_WORDS.test(s));
  const first = (parts[0] ?? "").replace(PLACE_TYPE_WORDS, "").trim();
  return { name: first, hints: parts.slice(1) };
}

/** All places a name (in any script, current or former) can denote, most likely first. */
export function placeCandidates(name: string): Place[] {
  const { name: n } = splitPlaceText(name);
  const entries = PLACE_INDEX.get(crossScriptKey(n)) ?? [];
  return entries.map((e) => PLACE_BY_ID.get(e.id)!);
}

/**
 * Resolves a place written in any script, spelling or former name (Бахмут, Артёмовск,
 * Artemivsk, "м. Бахмут, Донецька обл.") to the id of one place. Text after a comma or in
 * brackets, or the oblastHint argument, chooses between places that share a name (Миколаїв in
 * Mykolaiv and Lviv oblasts); without a hint a current name outranks a former one. When the
 * name stays ambiguous the ids of all candidates are returned joined by "|" (sorted): equal
 * text still gives equal keys, and placesOverlap tells whether two keys can denote the same
 * place. Null when the place is unknown.
 */
export function placeKey(name: string, oblastHint?: string): string | null {
  const { name: n, hints } = splitPlaceText(name);
  const entries = PLACE_INDEX.get(crossScriptKey(n));
  if (entries === undefined || entries.length === 0) return null;
  if (entries.length === 1) return entries[0]!.id;
  const codes = [oblastHint, ...hints].filter((h): h is string => h !== undefined).map(oblastCode);
  for (const code of codes) {
    if (code === null) continue;
    const inOblast = entries.filter((e) => e.id.startsWith(`${code}:`));
    if (inOblast.length === 1) return inOblast[0]!.id;
  }
  const best = entries[0]!.priority;
  return entries
    .filter((e) => e.priority === best)
    .map((e) => e.id)
    .sort()
    .join("|");
}

/** The place of an id returned by placeKey (null for ambiguous keys). */
export function placeById(id: string): Place | null {
  return PLACE_BY_ID.get(id) ?? null;
}

/** Whether two place keys can denote the same place (equal, or ambiguous keys that share an id). */
export function placesOverlap(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  if (a === b) return true;
  const sa = new Set(a.split("|"));
  return b.split("|").some((id) => sa.has(id));
}

/** The oblast of a place key when every place it may denote lies in one oblast. */
export function placeOblast(key: string | null): string | null {
  if (key === null) return null;
  const oblasts = new Set(key.split("|").map((id) => id.slice(0, id.indexOf(":"))));
  return oblasts.size === 1 ? [...oblasts][0]! : null;
}

/**
 * Agreement of two birth places, strongest first: the same place; the same name of a place the
 * gazetteer does not hold (villages), compared by cross-script key; different places in the
 * same oblast; different places; unknown when either is missing, or neither is in the gazetteer
 * and the names differ.
 */
export const PLACE_LEVELS = ["same-place", "same-name", "same-oblast", "different", "unknown"] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export function comparePlaces(a: string | null | undefined, b: string | null | undefined): PlaceLevel {
  if (!a || !b) return "unknown";
  const ka = placeKey(a);
  const kb = placeKey(b);
  if (ka === null || kb === null) {
    // A name the gazetteer lacks may be a misspelling of the other: no evidence either way.
    if (ka !== null || kb !== null) return "unknown";
    const na = crossScriptKey(splitPlaceText(a).name);
    return na !== "" && na === crossScriptKey(splitPlaceText(b).name) ? "same-name" : "unknown";
  }
  if (placesOverlap(ka, kb)) return "same-place";
  const oa = placeOblast(ka);
  if (oa !== null && oa === placeOblast(kb)) return "same-oblast";
  return "different";
}
