import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { CaseActionInput, CaseInput, CaseRelation, TracingRequestInput } from "../../domain/index.ts";
import { TracingRequestInputSchema, projectCase, summarise, viewFor } from "../../domain/index.ts";
import { channelCaseWriter, readSummary, sharesFor } from "../cases/index.ts";
import type { MatchTables } from "../matching/index.ts";
import { checkOffset, clampLimit, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { CandidateLink, CasesApi, Database, TracingRequestItem, TracingRequestsApi } from "../types.ts";

// Tracing requests: a child sought, reported by the tracing side of the case with a
// "request-tracing" action and shared (to work it) with the party believed to hold the child and
// the mediator, all in one transaction. The addressees see what identification needs and the
// match candidates the request is in; never the family's contact details or the notes.

interface Row {
  id: string;
  party_id: string;
  summary: unknown;
  scope: string | null;
}

function relationOf(row: Row, partyId: string): CaseRelation | null {
  if (row.party_id === partyId) return "owner";
  if (row.scope === "participate") return "shared-participate";
  if (row.scope === "view") return "shared-view";
  return null;
}

export function createTracingRequestRepository(s: StoreInternals, cases: CasesApi): TracingRequestsApi {
  const mdb = s.db as unknown as Kysely<Database & MatchTables>;

  async function candidatesOf(ids: readonly string[], partyId: string, mediator: boolean): Promise<Map<string, CandidateLink[]>> {
    const out = new Map<string, CandidateLink[]>();
    if (ids.length === 0) return out;
    const rows = await mdb
      .selectFrom("match_candidates")
      .select(["id", "status", "probability", "tracing_case_id", "holding_case_id", "tracing_party_id", "holding_party_id"])
      .where("tracing_case_id", "in", [...ids])
      .orderBy("probability", "desc")
      .execute();
    for (const r of rows) {
      const mine = r.tracing_party_id === partyId || r.holding_party_id === partyId;
      if (!(mine || (mediator && r.status !== "rejected"))) continue;
      const link: CandidateLink = { id: r.id, status: r.status, probability: r.probability };
      if (mediator || r.holding_party_id === partyId) link.holdingCase = r.holding_case_id;
      if (mediator || r.tracing_party_id === partyId) link.tracingCase = r.tracing_case_id;
      out.set(r.tracing_case_id, [...(out.get(r.tracing_case_id) ?? []), link]);
    }
    return out;
  }

  function prepare(input: TracingRequestInput, prefix = ""): { details: CaseInput; side: "tracing"; followUps: CaseActionInput[] } {
    const parsed = TracingRequestInputSchema.safeParse(input);
    if (!parsed.success) throw validationFromZod(parsed.error, prefix);
    const { to, mediator, ...details } = parsed.data;
    return { details, side: "tracing", followUps: [{ type: "request-tracing", to, ...(mediator ? { mediator } : {}) }, ...sharesFor(to, mediator)] };
  }

  return {
    ...channelCaseWriter(cases, prepare),

    async list(ctx, query = {}) {
      const actor = await actorOf(s, ctx);
      const limit = clampLimit(query.limit, 50, 500);
      const offset = checkOffset(query.offset);
      const me = actor.partyId;
      const base = s.db
        .selectFrom("cases as c")
        .leftJoin("case_shares as s", (j) => j.onRef("s.case_id", "=", "c.id").on("s.party_id", "=", me))
        .where(sql<boolean>`c.summary -> 'tracingRequest' is not null`)
        .where((eb) =>
          eb.or([
            eb("c.party_id", "=", me),
            eb.and([
              eb("s.scope", "is not", null),
              eb.or([eb(sql`c.summary -> 'tracingRequest' ->> 'to'`, "=", me), eb(sql`c.summary -> 'tracingRequest' ->> 'mediator'`, "=", me)]),
            ]),
          ]),
        );
      const [rows, count] = await Promise.all([
        base.select(["c.id", "c.party_id", "c.summary", "s.scope"]).orderBy("c.updated_at", "desc").orderBy("c.id").limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<string | number | bigint>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const now = s.now();
      const visible = rows.flatMap((row) => {
        const view = viewFor(relationOf(row, me), actor.role, actor.partyKind);
        return view === null ? [] : [{ row, state: readSummary(s.atRest, row.id, row.summary), view }];
      });
      const links = await candidatesOf(visible.map((v) => v.row.id), me, actor.partyKind === "mediator");
      const items: TracingRequestItem[] = visible.map(({ row, state, view }) => ({
        case: summarise(projectCase(state, view, now)),
        to: state.tracingRequest!.to,
        ...(state.tracingRequest!.mediator ? { mediator: state.tracingRequest!.mediator } : {}),
        requestedAt: state.tracingRequest!.at,
        candidates: links.get(row.id) ?? [],
      }));
      if (visible.length > 0) {
        await s.db
          .insertInto("access_log")
          .values(visible.map(({ row }) => ({ at: now, user_id: actor.userId, party_id: me, role: actor.role, case_id: row.id, case_party_id: row.party_id, kind: "list", purpose: ctx.purpose ?? "tracing-requests" })))
          .execute();
      }
      return { items, total: Number(count.n) };
    },
  };
}
