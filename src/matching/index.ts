// The matching engine's public face, one export per line so that the normalisation and the
// model sides can add theirs without touching each other's lines.
export { nameSearchKeys } from "./normalise/index.ts";
export { SEARCH_KEY_VERSION } from "./normalise/index.ts";
export { crossScriptKey } from "./normalise/index.ts";
export { nameTokens } from "./normalise/index.ts";
export { tokenSearchKey } from "./normalise/index.ts";
export { givenNameGroup } from "./normalise/index.ts";
export { GIVEN_NAME_GROUPS } from "./normalise/index.ts";
export { foldSurnameKey } from "./normalise/index.ts";
export { patronymicKey } from "./normalise/index.ts";
export type { GivenNameGroup } from "./normalise/index.ts";
export type { GivenNameMatch } from "./normalise/index.ts";
export type { FoldedSurname } from "./normalise/index.ts";
export type { SurnameSex } from "./normalise/index.ts";
export type { PatronymicKey } from "./normalise/index.ts";
