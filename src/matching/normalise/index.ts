export { crossScriptKey } from "./cross-script-key.ts";
export { nameSearchKeys, nameTokens, tokenSearchKey, SEARCH_KEY_VERSION } from "./name-search-keys.ts";
export { givenNameGroup, GIVEN_NAME_GROUPS } from "./given-names.ts";
export type { GivenNameGroup, GivenNameMatch } from "./given-names.ts";
export { foldSurnameKey } from "./surname-key.ts";
export type { FoldedSurname, SurnameSex } from "./surname-key.ts";
export { patronymicKey } from "./patronymic-key.ts";
export type { PatronymicKey } from "./patronymic-key.ts";
