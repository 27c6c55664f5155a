// The daily switch to the adult track: every open case whose person is certainly 18 by now and
// is not on the adult track yet gets a signed switch-to-adult-track step in its owner party's
// name. Safe to run at once in several server processes: the step's client id is fixed per
// case, so a second process finds the first one's step (or the case already switched).
import { sql } from "kysely";
import { dueForAdultTrack, TERMINAL_STATUSES } from "../../domain/index.ts";
import { mergeState, openSensitive, readSummary } from "../cases/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { AdultTrackApi, CasesApi } from "../types.ts";

// The job's user id on the steps it takes: no person acts, the owner party's key signs.
export const ADULT_TRACK_JOB_USER = "00000000-0000-4000-8000-000000000018";
const PAGE = 500;

export function createAdultTrackJob(s: StoreInternals, deps: { cases: CasesApi }): AdultTrackApi {
  async function dueCases(now: Date): Promise<{ id: string; partyId: string }[]> {
    const due: { id: string; partyId: string }[] = [];
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await s.db
        .selectFrom("cases")
        .select(["id", "party_id", "summary", "sensitive"])
        .where("status", "not in", [...TERMINAL_STATUSES])
        .where(sql<boolean>`(summary::jsonb ->> 'adultTrackSince') is null`)
        .where("id", ">", after)
        .orderBy("id")
        .limit(PAGE)
        .execute();
      for (const r of rows) {
        const state = mergeState(readSummary(s.atRest, r.id, r.summary), openSensitive(s.box, r.id, r.sensitive));
        if (dueForAdultTrack(state, now)) due.push({ id: r.id, partyId: r.party_id });
      }
      if (rows.length < PAGE) return due;
      after = rows[rows.length - 1]!.id;
    }
  }

  return {
    async runDue() {
      const now = s.now();
      const switched: string[] = [];
      const failed: { caseId: string; error: string }[] = [];
      for (const c of await dueCases(now)) {
        try {
          const r = await deps.cases.appendAction(
            { partyId: c.partyId, userId: ADULT_TRACK_JOB_USER, role: "caseworker", purpose: "adult-track-job" },
            c.id,
            { type: "switch-to-adult-track", note: "18th birthday: from now on only the person's own consent counts" },
            { clientId: `adult-track:${c.id}` },
          );
          if (!r.replayed) switched.push(c.id);
        } catch (e) {
          // Another process may have switched it in between; the next run sees it settled.
          failed.push({ caseId: c.id, error: (e as Error).message });
        }
      }
      return { switched, failed };
    },
  };
}
