import { crossScriptKey } from "./cross-script-key.ts";
import { GIVEN_NAME_DATA } from "./given-name-data.ts";

export interface GivenNameGroup {
  /** Stable id: the cross-script key of the group's first Ukrainian form. */
  readonly id: string;
  readonly ukrainian: readonly string[];
  readonly russian: readonly string[];
  readonly other: readonly string[];
  readonly diminutives: readonly string[];
}

function splitList(s: string | undefined): string[] {
  return (s ?? "").split(",").map((x) => x.trim()).filter((x) => x.length > 0);
}

function parseGroups(data: string): GivenNameGroup[] {
  const groups: GivenNameGroup[] = [];
  for (const line of data.split("\n")) {
    if (line.trim() === "") continue;
    const [uk, ru, other, dim] = line.split("|");
    const ukrainian = splitList(uk);
    const first = ukrainian[0];
    if (first === undefined) continue;
    groups.push({
      id: crossScriptKey(first),
      ukrainian,
      russian: splitList(ru),
      other: splitList(other),
      diminutives: splitList(dim),
    });
  }
  return groups;
}

export const GIVEN_NAME_GROUPS: readonly GivenNameGroup[] = parseGroups(GIVEN_NAME_DATA);

interface Index {
  /** key of a full form (any script) → group id */
  readonly full: ReadonlyMap<string, string>;
  /** key of a diminutive → group id, only when the diminutive belongs to one group */
  readonly diminutive: ReadonlyMap<string, string>;
  /** keys that are full forms of more than one group (a data error; tests keep it empty) */
  readonly conflicts: readonly string[];
}

function buildIndex(groups: readonly GivenNameGroup[]): Index {
  const full = new Map<string, string>();
  const conflicts: string[] = [];
  for (const g of groups) {
    for (const name of [...g.ukrainian, ...g.russian, ...g.other]) {
      const k = crossScriptKey(name);
      const prev = full.get(k);
      if (prev !== undefined && prev !== g.id) conflicts.push(k);
      else full.set(k, g.id);
    }
  }
  // A diminutive shared by several groups (Слава: Ростислав, Вячеслав…) identifies none.
  const dimOwners = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const name of g.diminutives) {
      const k = crossScriptKey(name);
      if (full.has(k)) continue;
      const owners = dimOwners.get(k) ?? new Set<string>();
      owners.add(g.id);
      dimOwners.set(k, owners);
    }
  }
  const diminutive = new Map<string, string>();
  for (const [k, owners] of dimOwners) {
    if (owners.size === 1) diminutive.set(k, [...owners][0]!);
  }
  return { full, diminutive, conflicts };
}

const INDEX = buildIndex(GIVEN_NAME_GROUPS);

/** Full-form keys claimed by two groups; exported for the data-consistency test. */
export const GIVEN_NAME_CONFLICTS: readonly string[] = INDEX.conflicts;

export interface GivenNameMatch {
  readonly groupId: string;
  readonly viaDiminutive: boolean;
}

/** The equivalence group of a given name written in any script, or null when unknown. */
export function givenNameGroup(name: string): GivenNameMatch | null {
  const k = crossScriptKey(name);
  if (k === "") return null;
  const full = INDEX.full.get(k);
  if (full !== undefined) return { groupId: full, viaDiminutive: false };
  const dim = INDEX.diminutive.get(k);
  if (dim !== undefined) return { groupId: dim, viaDiminutive: true };
  return null;
}

/** Group id of an already computed cross-script key (full forms and diminutives). */
export function givenNameGroupOfKey(key: string): string | null {
  return INDEX.full.get(key) ?? INDEX.diminutive.get(key) ?? null;
}
