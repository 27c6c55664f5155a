import type { Actor, CaseRelation, CaseState, ViewKind } from "../../domain/index.ts";
import { viewFor } from "../../domain/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import { isUuid } from "../errors-util.ts";
import type { Db, Tx } from "../types.ts";
import { mergeState, openSensitive, readSummary } from "./case-codec.ts";
import type { AtRest } from "../at-rest.ts";

/** What reading a case's row takes: the owner-only part's box and the identity's sealing. */
export interface CaseKeys {
  box: SealedBox;
  atRest: AtRest;
}

// A case's row as every read and write of the case loads it, with the caller's share (if any).
export interface CaseRow {
  id: string;
  party_id: string;
  version: number;
  summary: unknown;
  sensitive: Uint8Array;
  scope: string | null;
}

export function relationOf(row: { party_id: string; scope: string | null }, partyId: string): CaseRelation | null {
  if (row.party_id === partyId) return "owner";
  if (row.scope === "participate") return "shared-participate";
  if (row.scope === "view") return "shared-view";
  return null;
}

export async function loadCase(db: Db | Tx, caseId: string, partyId: string, lock: boolean): Promise<CaseRow | undefined> {
  if (!isUuid(caseId)) return undefined;
  let q = db
    .selectFrom("cases as c")
    .leftJoin("case_shares as s", (j) => j.onRef("s.case_id", "=", "c.id").on("s.party_id", "=", partyId))
    .select(["c.id", "c.party_id", "c.version", "c.summary", "c.sensitive", "s.scope"])
    .where("c.id", "=", caseId);
  if (lock) q = q.forUpdate("c");
  return q.executeTakeFirst();
}

export function fullState(keys: CaseKeys, row: CaseRow): CaseState {
  return mergeState(readSummary(keys.atRest, row.id, row.summary), openSensitive(keys.box, row.id, row.sensitive));
}

export function stateFor(keys: CaseKeys, row: CaseRow, view: ViewKind): CaseState {
  // Only the owning party's full view needs the sensitive part: others never decrypt it.
  return view === "full" ? fullState(keys, row) : readSummary(keys.atRest, row.id, row.summary);
}

// The case and how the actor may see it; null when the actor may not see it at all.
export async function viewOf(db: Db | Tx, actor: Actor, caseId: string): Promise<{ row: CaseRow; view: ViewKind } | null> {
  const row = await loadCase(db, caseId, actor.partyId, false);
  if (!row) return null;
  const view = viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind);
  if (view === null) return null;
  return { row, view };
}
