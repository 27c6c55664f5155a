import type { StoreInternals } from "../store-internals.ts";
import { isLegacySummary, mergeState, NAME_KEYS_VERSION, openSensitive, readSummary, sealSensitive, storedNameKeys } from "./case-codec.ts";

/**
 * Seals the identity of cases stored before it was sealed and re-keys name keys written by an
 * older key function (see NAME_KEYS_VERSION). The clear rows' old versions stay in the database
 * files until PostgreSQL reuses their space: VACUUM FULL (docs/encryption-at-rest.md) rewrites them.
 */
export async function sealLegacyCases(s: StoreInternals): Promise<number> {
  let total = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await s.db
      .selectFrom("cases")
      .select(["id", "summary", "sensitive", "name_keys_version"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(500)
      .execute();
    if (rows.length === 0) return total;
    after = rows.at(-1)!.id;
    for (const r of rows) {
      if (r.name_keys_version === NAME_KEYS_VERSION && !isLegacySummary(r.summary)) continue;
      const state = mergeState(readSummary(s.atRest, r.id, r.summary), openSensitive(s.box, r.id, r.sensitive));
      const sealed = sealSensitive(s.atRest, s.box, state);
      await s.db
        .updateTable("cases")
        .set({ summary: sealed.summary, name_keys: storedNameKeys(s.atRest, state.details.names), name_keys_version: NAME_KEYS_VERSION })
        .where("id", "=", r.id)
        .execute();
      total++;
    }
  }
}
