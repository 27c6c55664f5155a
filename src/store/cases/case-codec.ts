import type { CaseState, ContactDetails, Note } from "../../domain/index.ts";
import { nameSearchKeys } from "../../matching/index.ts";
import type { PersonName } from "../../domain/index.ts";
import type { SealedBox } from "../sealed-box.ts";

// A case's derived state is cached on its row in two parts: the public part as JSON (lists and
// filters read it without decrypting anything) and the sensitive part sealed.

interface SensitivePart {
  contacts: (ContactDetails | null)[];
  notes: Note[];
  health?: string;
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

export function actionAad(caseId: string, sequence: number): string {
  return `homeward:action:${caseId}:${sequence}`;
}

export function sealSensitive(box: SealedBox, state: CaseState): { summary: string; sensitive: Uint8Array } {
  const parts = splitState(state);
  return { summary: JSON.stringify(parts.summary), sensitive: box.seal(JSON.stringify(parts.sensitive), caseAad(state.id)) };
}

export function openSensitive(box: SealedBox, caseId: string, blob: Uint8Array): SensitivePart {
  return JSON.parse(box.open(blob, caseAad(caseId))) as SensitivePart;
}

export function parseSummary(value: unknown): CaseState {
  return (typeof value === "string" ? JSON.parse(value) : value) as CaseState;
}

export function nameKeysOf(names: readonly PersonName[]): string[] {
  const keys = new Set<string>();
  for (const n of names) {
    for (const k of nameSearchKeys([n.given, n.patronymic, n.family].filter(Boolean).join(" "))) keys.add(k);
  }
  return [...keys].sort();
}
