// Cross-script normalisation for matching (pure; runs in the browser too).
// - crossScriptKey / looseKey: one key for a name in Ukrainian, Russian or any Latin rendering.
// - nameSearchKeys + SEARCH_KEY_VERSION: stored search keys (re-index when the version changes).
// - givenNameGroup, givenNameKey, familyNameKey, patronymicKey, foldSurnameKey, parseFullName,
//   detectSwappedNames, inferSex: name fields.
// - detectScript, fixHomoglyphs; ukrainianToLatin (KMU 2010), russianToLatin (passport systems,
//   ISO 9, BGN/PCGN).
// - placeKey, oblastCode, comparePlaces: the gazetteer. parseDate, compareDates: dates of birth.
export { crossScriptKey } from "./cross-script-key.ts";
export { nameSearchKeys, nameTokens, tokenSearchKey, SEARCH_KEY_VERSION } from "./name-search-keys.ts";
export { namePrefixKeys, prefixQueryKeys, MIN_PREFIX, MAX_PREFIX } from "./name-prefix-keys.ts";
export { givenNameGroup, GIVEN_NAME_GROUPS } from "./given-names.ts";
export type { GivenNameGroup, GivenNameMatch } from "./given-names.ts";
export { foldSurnameKey, foldSurnameVowels } from "./surname-key.ts";
export type { FoldedSurname, SurnameSex } from "./surname-key.ts";
export { patronymicKey } from "./patronymic-key.ts";
export type { PatronymicKey } from "./patronymic-key.ts";
export { detectScript, detectScriptInfo, fixHomoglyphs } from "./script.ts";
export type { Script, ScriptInfo } from "./script.ts";
export { ukrainianToLatin } from "./transliterate/ukrainian-kmu-2010.ts";
export { russianToLatin, RUSSIAN_SCHEMES } from "./transliterate/russian-schemes.ts";
export type { RussianScheme } from "./transliterate/russian-schemes.ts";
export { parseDate, formatDate, compareDates, DATE_LEVELS, NEAR_DAYS, ESTIMATE_YEARS } from "./dates.ts";
export type { PartialDate, DateLevel } from "./dates.ts";
export { placeKey, placeCandidates, placeById, placeNames, placesOverlap, placeOblast, oblastCode, comparePlaces, PLACES, OBLASTS, PLACE_LEVELS } from "./places.ts";
export type { Place, PlaceKind, Oblast, PlaceLevel } from "./places.ts";
export { looseKey } from "./cross-script-key.ts";
export { givenNameKey, familyNameKey, looseNameKey, parseFullName, detectSwappedNames, inferSex } from "./person-name.ts";
export type { GivenNameKey, FamilyNameKey, ParsedName, FieldOrder, Sex } from "./person-name.ts";
export { givenNameGroupOfKey } from "./given-names.ts";
