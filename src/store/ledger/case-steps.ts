// A case's steps in the signed log, with the opening that finds them (src/ledger/case-commitment.ts).
import { sql } from "kysely";
import { blindedCaseSubject, blindedEntryId, type CaseStepPayload } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import { actionAad } from "../cases/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { Db } from "../types.ts";
import type { LedgerStore } from "./ledger-store-types.ts";

export async function caseStepsOf(db: Db, deps: { box: SealedBox; caseSalt: (caseId: string) => string }, caseId: string): ReturnType<LedgerStore["caseSteps"]> {
  const opening = { case: caseId, salt: deps.caseSalt(caseId) };
  const actions = await db
    .selectFrom("case_actions")
    .select(["sequence", "actor_user_id", "actor_role", "payload"])
    .where("case_id", "=", caseId)
    .orderBy("sequence")
    .execute();
  const ids = actions.map((a) => blindedEntryId(opening, `step:${a.sequence}`, nodeSha256));
  const entries = ids.length === 0 ? [] : (await sql<{ idx: string; entry_id: string; payload_salt: Uint8Array | null }>`select idx, entry_id, payload_salt
    from ledger_entries where entry_id in (${sql.join(ids)})`.execute(db)).rows;
  const byId = new Map(entries.map((e) => [e.entry_id, e]));
  const steps: { index: number; payload: CaseStepPayload }[] = [];
  for (const [i, a] of actions.entries()) {
    const e = byId.get(ids[i]!);
    // Steps logged before entries were blinded are not openable this way.
    if (!e || e.payload_salt === null) continue;
    const action = JSON.parse(deps.box.open(new Uint8Array(a.payload), actionAad(caseId, a.sequence))) as CaseStepPayload["action"];
    const salt = deps.box.open(new Uint8Array(e.payload_salt), `ledger-salt:${ids[i]!}`);
    steps.push({ index: Number(e.idx), payload: { case: caseId, sequence: a.sequence, action, actor: { user: a.actor_user_id, role: a.actor_role }, salt } });
  }
  return { opening, subject: blindedCaseSubject(opening, nodeSha256), steps };
}
