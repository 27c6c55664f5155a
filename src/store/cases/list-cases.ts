import { sql } from "kysely";
import type { Actor, CaseStatus, CaseSummary, ShareScope } from "../../domain/index.ts";
import {
  CASE_STATUSES,
  TERMINAL_STATUSES,
  ValidationError,
  projectCase,
  summarise,
  turning18Within,
  viewFor,
} from "../../domain/index.ts";
import { checkOffset, clampLimit } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { ListCasesQuery, RequestContext } from "../types.ts";
import { readSummary, storedQueryKeys } from "./case-codec.ts";
import { fullState, relationOf } from "./case-rows.ts";
import { logAccess } from "./log-access.ts";

type Page = { items: CaseSummary[]; total: number };

// The cases the caller may see, filtered by status, name, track or an 18th birthday coming up.
export async function listCases(s: StoreInternals, ctx: RequestContext, query: ListCasesQuery = {}): Promise<Page> {
  const actor = await actorOf(s, ctx);
  const limit = clampLimit(query.limit, 50, 500);
  const offset = checkOffset(query.offset);
  const statuses = query.status === undefined ? [] : Array.isArray(query.status) ? query.status : [query.status];
  for (const st of statuses) {
    if (!CASE_STATUSES.includes(st as CaseStatus)) throw new ValidationError("status", `unknown status "${String(st)}"`);
  }
  const ownerView = viewFor("owner", actor.role, actor.partyKind) !== null;
  const scopes: ShareScope[] = [];
  if (viewFor("shared-view", actor.role, actor.partyKind)) scopes.push("view");
  if (viewFor("shared-participate", actor.role, actor.partyKind)) scopes.push("participate");
  if (!ownerView && scopes.length === 0) return { items: [], total: 0 };
  let keys: { all: string[]; last: string[] } | null = null;
  if (query.q !== undefined && query.q.trim() !== "") {
    keys = storedQueryKeys(s.atRest, query.q);
    if (keys.last.length === 0) return { items: [], total: 0 };
  }
  let base = visibleCases(s, actor, ownerView, scopes);
  if (statuses.length > 0) base = base.where("c.status", "in", statuses);
  if (keys !== null) {
    // Every word but the last whole; the last whole or the start of a word (keyed hashes both).
    if (keys.all.length > 0) base = base.where(sql<boolean>`c.name_keys @> ${sql.val(keys.all)}::text[]`);
    base = base.where(sql<boolean>`c.name_keys && ${sql.val(keys.last)}::text[]`);
  }
  if (query.track !== undefined) {
    base = base.where(query.track === "adult" ? sql<boolean>`(c.summary ->> 'adultTrackSince') is not null` : sql<boolean>`(c.summary ->> 'adultTrackSince') is null`);
  }
  const page =
    query.turning18Within !== undefined
      ? await turning18Page(s, actor, base, query.turning18Within, limit, offset)
      : await updatedPage(s, actor, base, limit, offset);
  await logAccess(s, s.db, actor, ctx, "list", page.items);
  return page;
}

function visibleCases(s: StoreInternals, actor: Actor, ownerView: boolean, scopes: ShareScope[]) {
  return s.db
    .selectFrom("cases as c")
    .leftJoin("case_shares as s", (j) => j.onRef("s.case_id", "=", "c.id").on("s.party_id", "=", actor.partyId))
    .where((eb) => {
      const visible = [];
      if (ownerView) visible.push(eb("c.party_id", "=", actor.partyId));
      if (scopes.length > 0) visible.push(eb("s.scope", "in", scopes));
      return eb.or(visible);
    });
}

type VisibleCases = ReturnType<typeof visibleCases>;

function summariesFor(s: StoreInternals, actor: Actor, rows: readonly { id: string; party_id: string; scope: string | null; summary: unknown }[], now: Date): CaseSummary[] {
  const items: CaseSummary[] = [];
  for (const row of rows) {
    const view = viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind);
    if (view !== null) items.push(summarise(projectCase(readSummary(s.atRest, row.id, row.summary), view, now)));
  }
  return items;
}

// Newest first, counted in SQL.
async function updatedPage(s: StoreInternals, actor: Actor, base: VisibleCases, limit: number, offset: number): Promise<Page> {
  const [rows, count] = await Promise.all([
    base
      .select(["c.id", "c.party_id", "c.summary", "s.scope"])
      .orderBy("c.updated_at", "desc")
      .orderBy("c.id")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number | bigint>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: summariesFor(s, actor, rows, s.now()), total: Number(count.n) };
}

// A partial birth date needs the pure rule, not SQL: filter the open child-track cases here.
async function turning18Page(s: StoreInternals, actor: Actor, base: VisibleCases, days: number, limit: number, offset: number): Promise<Page> {
  const now = s.now();
  const open = await base
    .where("c.status", "not in", [...TERMINAL_STATUSES])
    .where(sql<boolean>`(c.summary ->> 'adultTrackSince') is null`)
    .select(["c.id", "c.party_id", "c.version", "c.summary", "c.sensitive", "s.scope"])
    .orderBy("c.id")
    .execute();
  const hits = open.filter((r) => turning18Within(fullState(s, r).details.birthDate, now, days));
  return { items: summariesFor(s, actor, hits.slice(offset, offset + limit), now), total: hits.length };
}
