// The public statistics' input: every case reduced to what the tables count (no id, no name),
// and every child returned in a completed batch. Read across all parties, published only
// through the suppression in src/domain/stats/.
import type { StatsCase } from "../../domain/index.ts";
import { publishStats } from "../../domain/index.ts";
import { mergeState, openSensitive, readSummary } from "../cases/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { BatchesApi } from "../batches/index.ts";
import type { PublicStats } from "../../domain/index.ts";
import { statsRecordKey } from "./stats-record-key.ts";

export interface StatsApi {
  publicStats(): Promise<PublicStats>;
}

const PAGE = 1000;

// Two linked cases are one child (both parties accepted the match): counted once, as the case
// registered first (the lower id on a tie), which is when the child entered the registry.
export function oneCasePerChild<T extends StatsCase & { id: string; linkedCase?: string | undefined }>(cases: readonly T[]): StatsCase[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const first = (a: T, b: T): boolean => a.registeredAt < b.registeredAt || (a.registeredAt === b.registeredAt && a.id < b.id);
  return cases
    .filter((c) => {
      const other = c.linkedCase === undefined ? undefined : byId.get(c.linkedCase);
      return other === undefined || other.linkedCase !== c.id || first(c, other);
    })
    .map(({ id: _id, linkedCase: _l, ...rest }) => rest);
}

export function createStatsRepository(s: StoreInternals, deps: { batches: () => BatchesApi }): StatsApi {
  async function statsCases(): Promise<StatsCase[]> {
    const out: (StatsCase & { id: string; linkedCase?: string | undefined })[] = [];
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
          key: statsRecordKey(s.caseSalt(r.id)),
          id: r.id,
          linkedCase: st.linkedCase,
        });
      }
      if (rows.length < PAGE) return oneCasePerChild(out);
      after = rows[rows.length - 1]!.id;
    }
  }

  return {
    async publicStats() {
      const [cases, returns] = await Promise.all([statsCases(), deps.batches().returns()]);
      const keyed = returns.map(({ caseId, ...r }) => ({ ...r, key: statsRecordKey(s.caseSalt(caseId)) }));
      return publishStats({ cases, returns: keyed, now: s.now() });
    },
  };
}
