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
  // The cases the caller may see: the same rule as the case list (the party's own and those
  // shared with it in a scope its role may read), as a condition on `c` joined with `sh`.
  async function visibility(ctx: RequestContext) {
    const actor = await actorOf(s, ctx);
    const owner = viewFor("owner", actor.role, actor.partyKind) !== null;
    const scopes: ShareScope[] = [];
    if (viewFor("shared-view", actor.role, actor.partyKind)) scopes.push("view");
    if (viewFor("shared-participate", actor.role, actor.partyKind)) scopes.push("participate");
    if (!owner && scopes.length === 0) return null;
    const visible = sql.join([
      ...(owner ? [sql`c.party_id = ${actor.partyId}`] : []),
      ...(scopes.length > 0 ? [sql`sh.scope in (${sql.join(scopes)})`] : []),
    ], sql` or `);
    return { from: sql`cases c left join case_shares sh on sh.case_id = c.id and sh.party_id = ${actor.partyId}`, visible };
  }

  // Three reads, none of which unpacks every case's summary: counts by state and month from the
  // columns, the adult track and the birth dates near 18 through their partial indexes.
  async function counts(ctx: RequestContext, since: Date, births: [string, string]) {
    const v = await visibility(ctx);
    if (v === null) return { groups: [], adult: 0, births: [] as (string | undefined)[] };
    // The year of birth is the one part of a birth date kept readable (see cases/case-codec.ts):
    // only the cases born in the years that can turn 18 soon are opened for the full date.
    const birth = sql`(c.summary ->> 'birthYear')`;
    const adultTrack = sql`(c.summary ->> 'adultTrackSince')`;
    const groups = await sql<{ status: string; month: string | null; n: string | number }>`
      select c.status, case when c.created_at >= ${since} then to_char(c.created_at at time zone 'UTC', 'YYYY-MM') end as month, count(*) as n
      from ${v.from} where (${v.visible}) group by 1, 2`.execute(s.db);
    const adult = await sql<{ n: string | number }>`select count(*) as n from ${v.from} where (${v.visible}) and ${adultTrack} is not null`.execute(s.db);
    const near = await sql<{ id: string; summary: unknown }>`
      select c.id, c.summary from ${v.from}
      where (${v.visible}) and ${adultTrack} is null and ${birth} >= ${births[0]} and ${birth} < ${births[1]}
        and c.status not in (${sql.join([...TERMINAL_STATUSES])})`.execute(s.db);
    return { groups: groups.rows, adult: Number(adult.rows[0]?.n ?? 0), births: near.rows.map((r) => readSummary(s.atRest, r.id, r.summary).details.birthDate) };
  }

  return {
    async summary(ctx, opts = {}) {
      const days = opts.turning18Within ?? 90;
      const now = s.now();
      const months = monthsBack(now, opts.months ?? 12);
      // Born from the start of the year 18 years ago to the end of the year 18 years before the
      // window's end; the pure rule decides on each full (or partial) date.
      const eighteenAgo = new Date(Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth(), now.getUTCDate()));
      const until = String(new Date(eighteenAgo.getTime() + days * 86_400_000).getUTCFullYear() + 1);
      const [found, reviews, checks, batches] = await Promise.all([
        counts(ctx, new Date(`${months[0]}-01T00:00:00Z`), [String(eighteenAgo.getUTCFullYear()), until]),
        deps.matching().list(ctx, { status: "pending", limit: 1 }),
        deps.batches().postReturnChecks(ctx, { overdue: true }),
        deps.batches().list(ctx),
      ]);
      const perStatus = new Map<string, number>();
      const perMonth = new Map(months.map((m) => [m, { month: m, registered: 0, returned: 0 }]));
      for (const r of found.groups) {
        const n = Number(r.n);
        perStatus.set(r.status, (perStatus.get(r.status) ?? 0) + n);
        const m = r.month === null ? undefined : perMonth.get(r.month);
        if (m) m.registered += n;
      }
      const adultTrack = found.adult;
      const turning18 = found.births.filter((b) => turning18Within(b, now, days)).length;
      const byStatus = [...perStatus].map(([status, count]) => ({ status, count })).filter((g) => g.count > 0).sort((a, b) => a.status.localeCompare(b.status));
      for (const b of batches) {
        for (const child of b.children) {
          const m = child.reunitedAt === null ? undefined : perMonth.get(child.reunitedAt.slice(0, 7));
          if (m) m.returned++;
        }
      }
      return {
        byStatus,
        total: byStatus.reduce((sum, g) => sum + g.count, 0),
        adultTrack,
        turning18: { withinDays: days, count: turning18 },
        reviewsWaiting: reviews.total,
        overduePostReturnChecks: checks.length,
        months: [...perMonth.values()],
      };
    },
  };
}

