import type { CasesApi, RequestContext } from "../types.ts";
import type { CaseLinks } from "../case-links/index.ts";
import { matchCases, type MatchEngineOptions, type MatchRunStats, type MDb } from "./match-engine.ts";
import { loadModel } from "./match-model.ts";
import type { MatchCodec } from "./match-codec.ts";

// The tables are the queue: any process drains them, rows locked so two never take one job.

/** Matches the queued cases in batches of `batch`, adding to `total`; returns the jobs done. */
export async function drainMatches(db: MDb, codec: MatchCodec, batch: number, total: MatchRunStats, now: () => Date, options: MatchEngineOptions): Promise<number> {
  let matched = 0;
  for (;;) {
    const model = await loadModel(db);
    const n = await db.transaction().execute(async (tx) => {
      const jobs = await tx
        .selectFrom("match_jobs")
        .select(["id", "ref"])
        .where("kind", "=", "match")
        .orderBy("id")
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      if (jobs.length === 0) return 0;
      const stats = await matchCases(tx, codec, jobs.map((j) => j.ref), model, now(), options);
      total.cases += stats.cases;
      total.candidatePairsCompared += stats.candidatePairsCompared;
      total.stored += stats.stored;
      total.skippedKeys += stats.skippedKeys;
      await tx.deleteFrom("match_jobs").where("id", "in", jobs.map((j) => j.id)).execute();
      return jobs.length;
    });
    matched += n;
    if (n < batch) return matched;
  }
}

// The agreement is written on both cases as an action of the party's own deciding user, so it
// is in each case's history and in the signed log. The client id makes a repeat a no-op.
// Both cases are linked first (case-links/), in one transaction, so that they move together.
export async function drainAgreements(db: MDb, cases: CasesApi, links?: CaseLinks): Promise<number> {
  const jobs = await db.selectFrom("match_jobs").select(["id", "ref", "attempts"]).where("kind", "=", "agree").orderBy("id").limit(100).execute();
  let done = 0;
  for (const job of jobs) {
    try {
      const row = await db.selectFrom("match_candidates").selectAll().where("id", "=", job.ref).executeTakeFirst();
      if (row && row.status === "agreed") {
        const sides = [
          { party: row.tracing_party_id, user: row.tracing_user_id!, role: row.tracing_role!, own: row.tracing_case_id, other: row.holding_case_id, otherParty: row.holding_party_id },
          { party: row.holding_party_id, user: row.holding_user_id!, role: row.holding_role!, own: row.holding_case_id, other: row.tracing_case_id, otherParty: row.tracing_party_id },
        ];
        const linked = await links?.link({
          candidate: row.id,
          tracing: { caseId: row.tracing_case_id, partyId: row.tracing_party_id, userId: row.tracing_user_id!, role: row.tracing_role as RequestContext["role"] },
          holding: { caseId: row.holding_case_id, partyId: row.holding_party_id, userId: row.holding_user_id!, role: row.holding_role as RequestContext["role"] },
        });
        for (const s of sides) {
          await cases.appendAction(
            { partyId: s.party, userId: s.user, role: s.role as RequestContext["role"], purpose: "match-agreement" },
            s.own,
            {
              type: "add-note",
              text: `Identity agreed by both parties: this case and ${s.otherParty}'s case ${s.other} are one child (match candidate ${row.id}, estimated probability ${(row.probability * 100).toFixed(1)}%). ${linked ? "The two cases now move together from the joint verification on." : "A flag for people: the cases could not be linked (one is closed or linked to another case)."}`,
            },
            { clientId: `match-agreed:${row.id}` },
          );
        }
      }
      await db.deleteFrom("match_jobs").where("id", "=", job.id).execute();
      done++;
    } catch (e) {
      await db
        .updateTable("match_jobs")
        .set({ attempts: job.attempts + 1, last_error: String(e instanceof Error ? e.message : e).slice(0, 500) })
        .where("id", "=", job.id)
        .execute();
    }
  }
  return done;
}
