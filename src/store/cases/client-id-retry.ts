import { isUniqueViolation } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { Db, Tx } from "../types.ts";

const CLIENT_ID_INDEX = "case_actions_client_id_idx";

export async function findByClientId(db: Db | Tx, partyId: string, clientId: string) {
  return db
    .selectFrom("case_actions")
    .select(["case_id", "sequence", "type", "payload"])
    .where("actor_party_id", "=", partyId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
}

// Runs `attempt` in a transaction; when a concurrent request with the same client id won the
// race, runs it again so that it finds and returns the winner's result.
export async function withClientIdRetry<T>(s: StoreInternals, attempt: (tx: Tx) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await s.db.transaction().execute(attempt);
    } catch (e) {
      if (i < 3 && isUniqueViolation(e, CLIENT_ID_INDEX)) continue;
      throw e;
    }
  }
}
