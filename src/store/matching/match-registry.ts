import { sql } from "kysely";
import type { AtRest } from "../at-rest.ts";
import { matchCodec } from "./match-codec.ts";
import type { LinkSettings } from "../../matching/index.ts";
import { lockMatching, matchCases, matchKeysVersion, type MatchEngineOptions, type MatchRunStats, type MDb } from "./match-engine.ts";
import { drainAgreements, drainMatches } from "./drain-jobs.ts";
import { startMatchWorker, type WorkerOptions } from "./match-worker.ts";
import { trainModel } from "./train-model.ts";
import { recountTermCounts } from "./term-counts.ts";
import { loadModel, type MatchModel, type TrainedModel } from "./match-model.ts";
import {
  decideCandidate,
  getCandidate,
  listCandidates,
  type DecisionInput,
  type DecisionResult,
  type ListQuery,
  type MatchCandidate,
  type MatchGroup,
} from "./match-review.ts";
import type { MatchTables } from "./match-schema.ts";
import type { ActionEvent, ActionSink, CasesApi, Db, RequestContext, Tx } from "../types.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { CaseLinks } from "../case-links/index.ts";
import { caseCommitment, matchDecidedBlinded } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";

// Matching in the registry: records are matched as they arrive. An action that creates a case
// or changes its details enqueues a job in its own transaction; any server process drains the
// jobs (the tables are the queue, nothing waits in memory), matching each case against the
// other side's stored blocking keys under a system context. Results are exposed only through
// the access-checked review queue.

export interface MatchingService {
  /** Drains pending jobs in batches; returns what was done. */
  runPending(options?: { batch?: number }): Promise<{ matched: number; agreements: number; stats: MatchRunStats }>;
  /** Enqueues every case whose stored match record is missing or older than the case (e.g. created by a process without matching). */
  enqueueStale(): Promise<number>;
  /** Matches these cases now, in one transaction (re-matching is idempotent; decisions are kept). */
  rematch(caseIds: readonly string[]): Promise<MatchRunStats>;
  model(): Promise<MatchModel>;
  /**
   * Counts the term-frequency keys of every stored record again from scratch (under the matching
   * lock); returns the records counted. For repair, or after a bulk load written around the matcher.
   */
  recountTerms(): Promise<number>;
  /**
   * Learns m/u from the stored records and stores them as the model in use. With `by`, a new
   * model is a signed log entry of that party's, appended with it (every entry point names one:
   * an admin over HTTP, a party on the command line).
   */
  train(settings?: LinkSettings, by?: { partyId: string; userId?: string }): Promise<TrainedModel & { logIndex: number | null }>;
  list(ctx: RequestContext, query?: ListQuery): Promise<{ items: MatchCandidate[]; total: number }>;
  get(ctx: RequestContext, id: string): Promise<MatchCandidate & { group: MatchGroup | null }>;
  decide(ctx: RequestContext, id: string, input: DecisionInput): Promise<DecisionResult>;
  /** Polls for jobs (and now and then for stale cases) until stopped. */
  startWorker(options?: WorkerOptions): () => Promise<void>;
}

export interface MatchingDeps extends MatchEngineOptions {
  db: Db;
  now: () => Date;
  // Every decision and every trained model is a signed log entry.
  ledger: LedgerStore;
  // An agreement is written on both cases as an ordinary action.
  cases: CasesApi;
  // And links the two cases, so that they move together from the joint verification on.
  links?: CaseLinks;
  // The case's salt for its log commitments: decisions name cases by commitment.
  caseSalt: (caseId: string) => string;
  // Records and explanations sealed, keys hashed (match-codec.ts).
  atRest: AtRest;
}

const MATCHED_KINDS = ["tracing-authority", "ngo", "holding-authority"];
// Actions after which a case is matched again.
// Consent and the adult track decide whether a case may be proposed to another party at all.
const MATCH_ON = new Set(["report", "update-details", "withdraw", "mark-duplicate", "record-consent", "consent-decision", "switch-to-adult-track"]);

/**
 * The matching service and the action sink that queues new and changed cases for it. openStore
 * registers the sink; the service is the store's `matching` property.
 */
export function createMatchingService(deps: MatchingDeps): { matching: MatchingService; enqueueOnAction: ActionSink } {
  const { now, ledger, db: _db, cases: _cases, links: _links, caseSalt, atRest, ...options } = deps;
  const codec = matchCodec(atRest);
  const commit = (caseId: string): string => caseCommitment({ case: caseId, salt: caseSalt(caseId) }, nodeSha256);
  const db = deps.db.withTables<MatchTables>() as MDb;
  const store = { cases: deps.cases };

  // A withdrawn or duplicate case leaves the queue (and the term counts) at once, not at the next sweep.
  async function enqueue(tx: Tx, events: readonly ActionEvent[]): Promise<void> {
    const refs = [...new Set(events.filter((e) => MATCH_ON.has(e.action.type)).map((e) => e.caseId))];
    if (refs.length === 0) return;
    for (let i = 0; i < refs.length; i += 1000) {
      await tx
        .withTables<MatchTables>()
        .insertInto("match_jobs")
        .values(refs.slice(i, i + 1000).map((ref) => ({ kind: "match", ref })))
        .onConflict((oc) => oc.columns(["kind", "ref"]).doNothing())
        .execute();
    }
    wake?.();
  }
  const enqueueOnAction: ActionSink = Object.assign((tx: Tx, event: ActionEvent) => enqueue(tx, [event]), { batch: enqueue });

  let wake: (() => void) | null = null;
  // One drain at a time per process; other processes are kept apart by row locks.
  let running: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = running.then(fn, fn);
    running = next.catch(() => undefined);
    return next;
  };

  const drainAgreementsNow = () => drainAgreements(db, store.cases, deps.links);

  const service: MatchingService = {
    runPending(opts = {}) {
      return serial(async () => {
        const stats: MatchRunStats = { cases: 0, candidatePairsCompared: 0, stored: 0, skippedKeys: 0 };
        const matched = await drainMatches(db, codec, opts.batch ?? 200, stats, now, options);
        const agreements = await drainAgreementsNow();
        return { matched, agreements, stats };
      });
    },
    async enqueueStale() {
      // New cases, changed cases, cases keyed by older key functions or blocking rules, and
      // records not yet counted for term frequencies (stored before the counts were kept).
      const keysVersion = matchKeysVersion((await loadModel(db)).settings);
      const res = await sql<{ n: number }>`
        insert into match_jobs (kind, ref)
        select 'match', c.id::text from cases c
          join parties p on p.id = c.party_id
          left join match_records r on r.case_id = c.id
        where p.kind in (${sql.join(MATCHED_KINDS)})
          and (r.case_id is null or r.case_version <> c.version or r.keys_version <> ${keysVersion} or r.term_keys is null)
        on conflict (kind, ref) do nothing`.execute(db);
      return Number(res.numAffectedRows ?? 0);
    },
    rematch(caseIds) {
      return serial(async () => {
        const model = await loadModel(db);
        return db.transaction().execute((tx) => matchCases(tx, codec, caseIds, model, now(), options));
      });
    },
    model: () => loadModel(db),
    recountTerms() {
      return serial(async () => {
        const { settings } = await loadModel(db);
        return db.transaction().execute(async (tx) => {
          await lockMatching(tx);
          return recountTermCounts(tx, codec, settings);
        });
      });
    },
    train: (settings, by) => serial(() => trainModel(db, codec, ledger, now, settings, by)),
    list: (ctx, query = {}) => listCandidates(db, codec, ctx, query, now()),
    get: (ctx, id) => getCandidate(db, codec, ctx, id, now()),
    async decide(ctx, id, input) {
      // Every decision, one side's accept or a rejection as much as an agreement, is a signed
      // entry appended with it: the log must show who matched whom.
      const result = await decideCandidate(db, codec, ctx, id, input, now(), async (tx, d) => {
        await ledger.append(tx as unknown as Tx, {
          id: `match:${d.candidate}:${d.side}`,
          type: matchDecidedBlinded.type,
          typeVersion: matchDecidedBlinded.version,
          subject: `match:${d.candidate}`,
          // Signed by the party; the person who decided stays in the registry, the cases are
          // named by their commitments (their openings go to those entitled to each case).
          party: ctx.partyId,
          time: now().toISOString(),
          payload: { ...d, tracingCase: commit(d.tracingCase), holdingCase: commit(d.holdingCase) },
        }, { partyId: ctx.partyId });
      });
      // Record the agreement at once; should that fail, the persisted job is retried by any worker.
      if (result.agreedNow) await serial(drainAgreementsNow).catch(() => undefined);
      return result;
    },
    startWorker: (opts = {}) =>
      startMatchWorker(service, opts, (w) => {
        wake = w;
      }),
  };
  return { matching: service, enqueueOnAction };
}

export type { MatchCandidate, MatchGroup, DecisionInput, DecisionResult, ListQuery, MatchModel, MatchRunStats, TrainedModel };
export { modelSummary, type ModelSummary } from "./match-model.ts";
export { MATCH_MIGRATIONS } from "./migrations.ts";
export { matchModelTrained } from "./train-model.ts";
export type { QueueFilter } from "./match-review.ts";
export { QUEUE_FILTERS } from "./match-review.ts";
export type { VerificationFields } from "./match-records.ts";
