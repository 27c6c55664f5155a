import type { CaseState, ContactDetails, Note } from "../../domain/index.ts";
import { nameSearchKeys, namePrefixKeys, prefixQueryKeys, SEARCH_KEY_VERSION } from "../../matching/index.ts";
import type { PersonName } from "../../domain/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { AtRest } from "../at-rest.ts";

// A case's derived state is cached on its row in three parts: the public part as JSON (what
// lists, filters and counts read in SQL: status, shares, dates of steps), the child's identity
// sealed inside that JSON (names, birth, family, separation, location, views, consents, photos'
// captions: everything not named public below), and the owner-only part (contact details,
// notes, health) sealed in its own column. A new field of CaseState is sealed unless added to
// PUBLIC_FIELDS on purpose.

// The version of the stored name keys: the search-key function's, moved past every version of
// clear keys once they became keyed hashes of whole words and of their starts.
export const NAME_KEYS_VERSION = 1000 + SEARCH_KEY_VERSION;

interface SensitivePart {
  contacts: (ContactDetails | null)[];
  notes: Note[];
  health?: string;
}

/** The fields of a case's state stored readable: nothing in them names or dates a child. */
const PUBLIC_FIELDS = [
  "id", "partyId", "side", "status", "statusBeforeHold", "version", "createdAt", "updatedAt", "duplicateOf", "batchId",
  "reportRefs", "shares", "adultTrackSince", "disclosure", "tracingRequest",
] as const satisfies readonly (keyof CaseState)[];
const PUBLIC = new Set<string>(PUBLIC_FIELDS);

/**
 * The stored summary: the public fields, the year of birth (the dashboard counts who turns 18
 * soon in SQL; a year alone names no child among thousands) and the sealed rest.
 */
interface StoredSummary {
  identity: string;
  birthYear?: string;
  [field: string]: unknown;
}

export function splitState(state: CaseState): { summary: CaseState; sensitive: SensitivePart } {
  const contacts = state.details.family.map((m) => m.contact ?? null);
  const family = state.details.family.map(({ contact: _c, ...rest }) => rest);
  const { health, notes, ...rest } = state;
  const summary: CaseState = { ...rest, details: { ...state.details, family }, notes: [] };
  const sensitive: SensitivePart = { contacts, notes };
  if (health !== undefined) sensitive.health = health;
  return { summary, sensitive };
}

export function mergeState(summary: CaseState, sensitive: SensitivePart | null): CaseState {
  if (sensitive === null) return summary;
  const family = summary.details.family.map((m, i) => {
    const c = sensitive.contacts[i];
    return c ? { ...m, contact: c } : m;
  });
  const s: CaseState = { ...summary, details: { ...summary.details, family }, notes: sensitive.notes };
  if (sensitive.health !== undefined) s.health = sensitive.health;
  return s;
}

export function caseAad(caseId: string): string {
  return `homeward:case:${caseId}`;
}

function identityAad(caseId: string): string {
  return `homeward:case-identity:${caseId}`;
}

export function actionAad(caseId: string, sequence: number): string {
  return `homeward:action:${caseId}:${sequence}`;
}

function storedSummary(atRest: AtRest, state: CaseState): StoredSummary {
  const open: Record<string, unknown> = {};
  const sealed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) (PUBLIC.has(k) ? open : sealed)[k] = v;
  const out: StoredSummary = { ...open, identity: atRest.sealJson(sealed, identityAad(state.id)) };
  const year = /^~?(\d{4})/.exec(state.details.birthDate ?? "")?.[1];
  if (year !== undefined) out.birthYear = year;
  return out;
}

export function sealSensitive(atRest: AtRest, box: SealedBox, state: CaseState): { summary: string; sensitive: Uint8Array } {
  const parts = splitState(state);
  return { summary: JSON.stringify(storedSummary(atRest, parts.summary)), sensitive: box.seal(JSON.stringify(parts.sensitive), caseAad(state.id)) };
}

export function openSensitive(box: SealedBox, caseId: string, blob: Uint8Array): SensitivePart {
  return JSON.parse(box.open(blob, caseAad(caseId))) as SensitivePart;
}

/** Whether a stored summary still holds the identity in the clear (written before it was sealed). */
export function isLegacySummary(value: unknown): boolean {
  const v = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>;
  return typeof v["identity"] !== "string";
}

/** The readable fields of a stored summary (PUBLIC_FIELDS), without opening anything. */
export function readPublicSummary(value: unknown): Pick<CaseState, (typeof PUBLIC_FIELDS)[number]> {
  return (typeof value === "string" ? JSON.parse(value) : value) as CaseState;
}

/** The case's state (without the owner-only part) from its stored summary, identity opened. */
export function readSummary(atRest: AtRest, caseId: string, value: unknown): CaseState {
  const v = (typeof value === "string" ? JSON.parse(value) : value) as StoredSummary;
  if (typeof v.identity !== "string") return v as unknown as CaseState;
  const { identity, birthYear: _y, ...open } = v;
  return { ...open, ...atRest.openJson<Record<string, unknown>>(identity, identityAad(caseId)) } as unknown as CaseState;
}

/** The clear search keys of a case's names: one per word (any script), and the starts of words. */
export function nameKeysOf(names: readonly PersonName[]): string[] {
  const keys = new Set<string>();
  for (const n of names) {
    const text = [n.given, n.patronymic, n.family].filter(Boolean).join(" ");
    for (const k of nameSearchKeys(text)) keys.add(k);
    for (const k of namePrefixKeys(text)) keys.add(k);
  }
  return [...keys].sort();
}

/** What the cases' name_keys column holds: keyed hashes of nameKeysOf, never the keys themselves. */
export function storedNameKeys(atRest: AtRest, names: readonly PersonName[]): string[] {
  return atRest.lookupKeys("search", nameKeysOf(names)).sort();
}

/**
 * A query typed so far as keyed hashes: every word but the last must be among a case's keys
 * (`all`), and the last as a whole word or the start of one (`last`, one of them).
 */
export function storedQueryKeys(atRest: AtRest, q: string): { all: string[]; last: string[] } {
  const { all, last } = prefixQueryKeys(q);
  return { all: atRest.lookupKeys("search", all), last: atRest.lookupKeys("search", last) };
}
