// Writing one action to a case: the action row (its payload sealed), the case's cached state,
// the shares it grants or revokes, and the sinks every action passes (the signed log first).
// Used by the repository for people's actions and by the store for the steps it writes itself.
import type { ActionRecord, Actor, CaseAction, CaseState } from "../../domain/index.ts";
import { applyAction, ConflictError, isTerminal } from "../../domain/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { Tx } from "../types.ts";
import { mergeState, NAME_KEYS_VERSION, openSensitive, readSummary, sealSensitive, storedNameKeys } from "./case-codec.ts";
import { actionRow } from "./prepare-new-case.ts";
import { runSinks } from "./run-sinks.ts";

// Appends `record` (already decided) to the case whose state is `before`, inside `tx`.
export async function writeAction(s: StoreInternals, tx: Tx, actor: Actor, before: CaseState, record: ActionRecord, now: Date): Promise<CaseState> {
  const { action, caseId } = record;
  const after = applyAction(before, record);
  const sealed = sealSensitive(s.atRest, s.box, after);
  const res = await tx
    .updateTable("cases")
    .set({
      status: after.status,
      version: after.version,
      updated_at: now,
      summary: sealed.summary,
      sensitive: sealed.sensitive,
      name_keys: storedNameKeys(s.atRest, after.details.names),
      name_keys_version: NAME_KEYS_VERSION,
    })
    .where("id", "=", caseId)
    .where("version", "=", before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new ConflictError("the case changed meanwhile", before.version);
  await tx.insertInto("case_actions").values(actionRow(s.box, actor, record, now)).execute();
  if (action.type === "share") {
    await tx
      .insertInto("case_shares")
      .values({ case_id: caseId, party_id: action.partyId, scope: action.scope, granted_at: now })
      .onConflict((oc) => oc.columns(["case_id", "party_id"]).doUpdateSet({ scope: action.scope, granted_at: now }))
      .execute();
  } else if (action.type === "unshare") {
    await tx.deleteFrom("case_shares").where("case_id", "=", caseId).where("party_id", "=", action.partyId).execute();
  }
  await runSinks(s, tx, { caseId, action, actor, at: record.at, clientId: record.clientId, sequence: record.sequence, before, after });
  return after;
}

/**
 * A step the store itself writes on a case (a link between two parties' cases, a step the
 * linked case took), in the caller's transaction, in the name of the person whose action caused
 * it. No policy row lets a person send these: the caller has decided. Skipped (null) when the
 * case is closed for good, and a no-op when `clientId` was already used by that party.
 */
export async function appendStoreAction(
  s: StoreInternals,
  tx: Tx,
  input: { caseId: string; action: CaseAction; actor: Actor; clientId: string },
): Promise<CaseState | null> {
  const row = await tx.selectFrom("cases").select(["id", "version", "summary", "sensitive"]).where("id", "=", input.caseId).forUpdate().executeTakeFirst();
  if (!row) return null;
  const done = await tx
    .selectFrom("case_actions")
    .select("case_id")
    .where("actor_party_id", "=", input.actor.partyId)
    .where("client_id", "=", input.clientId)
    .executeTakeFirst();
  if (done) return null;
  const before = mergeState(readSummary(s.atRest, row.id, row.summary), openSensitive(s.box, row.id, row.sensitive));
  if (isTerminal(before.status)) return null;
  const now = s.now();
  const { userId, partyId, role } = input.actor;
  const record: ActionRecord = { caseId: input.caseId, sequence: before.version + 1, clientId: input.clientId, action: input.action, actor: { userId, partyId, role }, at: now.toISOString() };
  return writeAction(s, tx, input.actor, before, record, now);
}
