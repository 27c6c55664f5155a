import { SEARCH_KEY_VERSION } from "../../matching/index.ts";
import type { Db } from "../types.ts";
import { nameKeysOf, parseSummary } from "./case-codec.ts";

// Recomputes stored name keys written by an older key function (see SEARCH_KEY_VERSION).
export async function reindexNameKeys(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom("cases")
      .select(["id", "summary"])
      .where("name_keys_version", "<>", SEARCH_KEY_VERSION)
      .limit(500)
      .execute();
    if (rows.length === 0) return total;
    for (const r of rows) {
      const state = parseSummary(r.summary);
      await db
        .updateTable("cases")
        .set({ name_keys: nameKeysOf(state.details.names), name_keys_version: SEARCH_KEY_VERSION })
        .where("id", "=", r.id)
        .execute();
    }
    total += rows.length;
  }
}
