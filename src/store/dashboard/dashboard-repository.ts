// The dashboard's figures in one read: what took one count query per lifecycle stage, one for
// the adult track and one for children turning 18 is now one grouped query over the cases the
// caller may see, plus the review queue's and the batches' own counts. Counts only: no child's
// record leaves the store, so nothing here is an access to a case.
import { sql } from "kysely";
import type { ShareScope } from "../../domain/index.ts";
import { TERMINAL_STATUSES, turning18Within, viewFor } from "../../domain/index.ts";
import type { BatchesApi } from "../batches/index.ts";
import type { MatchingService } from "../matching/index.ts";
import { actorOf, type StoreInternals } from "../store-internals.ts";
import { readSummary } from "../cases/index.ts";
import type { RequestContext } from "../types.ts";

export interface MonthCount {
  month: string;
  registered: number;
  returned: number;
}

export interface DashboardSummary {
  /** Cases the caller's party may see, by lifecycle state (states with none are left out). */
  byStatus: { status: string; count: number }[];
  total: number;
  adultTrack: number;
  turning18: { withinDays: number; count: number };
  reviewsWaiting: number;
  overduePostReturnChecks: number;
  /** Registrations (of the cases the caller may see) and returns (in its batches) per month, oldest first. */
  months: MonthCount[];
}

export interface DashboardApi {
  summary(ctx: RequestContext, opts?: { turning18Within?: number; months?: number }): Promise<DashboardSummary>;
}


function monthsBack(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

export function createDashboardRepository(
  s: StoreInternals,
  deps: { matching: () => MatchingService; batches: () => BatchesApi },
): DashboardApi {
  async function visibleCases(ctx: RequestContext) {
    const actor = await actorOf(s, ctx);
    const owner = viewFor("owner", actor.role, actor.partyKind) !== null;
    const scopes: ShareScope[] = [];
    if (viewFor("shared-view", actor.role, actor.partyKind)) scopes.push("view");
    if (viewFor("shared-participate", actor.role, actor.partyKind)) scopes.push("participate");
    if (!owner && scopes.length === 0) return null;
    // The same rule as the case list: the party's own cases and those shared with it in a scope its role may read.
    return s.db
      .selectFrom("cases as c")
      .leftJoin("case_shares as sh", (j) => j.onRef("sh.case_id", "=", "c.id").on("sh.party_id", "=", actor.partyId))
      .where((eb) => eb.or([...(owner ? [eb("c.party_id", "=", actor.partyId)] : []), ...(scopes.length > 0 ? [eb("sh.scope", "in", scopes)] : [])]));
  }

  return {
    async summary(ctx, opts = {}) {
      const days = opts.turning18Within ?? 90;
      const now = s.now();
      const months = monthsBack(now, opts.months ?? 12);
      const base = await visibleCases(ctx);
      const adultSql = sql<boolean>`(c.summary ->> 'adultTrackSince') is not null`;
      // The year of birth is the one part of a birth date kept readable (see cases/case-codec.ts).
      const birthSql = sql<string | null>`(c.summary ->> 'birthYear')`;
      // Only someone born in these years can turn 18 soon; the pure rule decides on the few left.
      const yearFrom = String(now.getUTCFullYear() - 19);
      const yearTo = String(now.getUTCFullYear() - 17 + Math.ceil(days / 365));
      const [groups, soon, registered, reviews, checks, batches] = await Promise.all([
        base === null ? [] : base
          .select((eb) => ["c.status", eb.fn.countAll<string | number | bigint>().as("n"), sql<string | number | bigint>`count(*) filter (where ${adultSql})`.as("adult")])
          .groupBy("c.status")
          .execute(),
        base === null ? [] : base
          .where("c.status", "not in", [...TERMINAL_STATUSES])
          .where(sql<boolean>`not ${adultSql}`)
          .where(birthSql, ">=", yearFrom)
          .where(birthSql, "<", yearTo)
          .select(["c.id", "c.summary"])
          .execute(),
        base === null ? [] : base
          .where("c.created_at", ">=", new Date(`${months[0]}-01T00:00:00Z`))
          .select([sql<string>`to_char(c.created_at at time zone 'UTC', 'YYYY-MM')`.as("month"), (eb) => eb.fn.countAll<string | number | bigint>().as("n")])
          .groupBy(sql`1`)
          .execute(),
        deps.matching().list(ctx, { status: "pending", limit: 1 }),
        deps.batches().postReturnChecks(ctx, { overdue: true }),
        deps.batches().list(ctx),
      ]);
      const byStatus = groups.map((g) => ({ status: g.status, count: Number(g.n) })).filter((g) => g.count > 0).sort((a, b) => a.status.localeCompare(b.status));
      const perMonth = new Map(months.map((m) => [m, { month: m, registered: 0, returned: 0 }]));
      for (const r of registered) {
        const m = perMonth.get(r.month);
        if (m) m.registered = Number(r.n);
      }
      for (const b of batches) {
        for (const child of b.children) {
          const m = child.reunitedAt === null ? undefined : perMonth.get(child.reunitedAt.slice(0, 7));
          if (m) m.returned++;
        }
      }
      return {
        byStatus,
        total: byStatus.reduce((sum, g) => sum + g.count, 0),
        adultTrack: groups.reduce((sum, g) => sum + Number(g.adult), 0),
        turning18: { withinDays: days, count: soon.filter((r) => turning18Within(readSummary(s.atRest, r.id, r.summary).details.birthDate, now, days)).length },
        reviewsWaiting: reviews.total,
        overduePostReturnChecks: checks.length,
        months: [...perMonth.values()],
      };
    },
  };
}

