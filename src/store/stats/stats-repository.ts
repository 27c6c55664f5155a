// The public statistics' input: every case reduced to what the tables count (no id, no name),
// and every child returned in a completed batch. Read across all parties, published only
// through the suppression in src/domain/stats/.
import type { StatsCase } from "../../domain/index.ts";
import { publishStats } from "../../domain/index.ts";
import { mergeState, openSensitive, readSummary } from "../cases/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { BatchesApi } from "../batches/index.ts";
import type { PublicStats } from "../../domain/index.ts";

export interface StatsApi {
  publicStats(): Promise<PublicStats>;
}

const PAGE = 1000;

export function createStatsRepository(s: StoreInternals, deps: { batches: () => BatchesApi }): StatsApi {
  async function statsCases(): Promise<StatsCase[]> {
    const out: StatsCase[] = [];
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await s.db.selectFrom("cases").select(["id", "summary", "sensitive", "created_at"]).where("id", ">", after).orderBy("id").limit(PAGE).execute();
      for (const r of rows) {
        const st = mergeState(readSummary(s.atRest, r.id, r.summary), openSensitive(s.box, r.id, r.sensitive));
        const d = st.details;
        out.push({
          status: st.status,
          separation: d.separation?.category,
          places: [d.birthPlace, d.separation?.place, d.separation?.lastKnownLocation],
          birthDate: d.birthDate,
          registeredAt: st.createdAt,
        });
      }
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1]!.id;
    }
  }

  return {
    async publicStats() {
      const [cases, returns] = await Promise.all([statsCases(), deps.batches().returns()]);
      return publishStats({ cases, returns, now: s.now() });
    },
  };
}
