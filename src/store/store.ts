import type { LedgerStore } from "./ledger/index.ts";
import type { MatchingService } from "./matching/index.ts";
import type { ReportsStore } from "./reports/index.ts";
import type { BatchesApi } from "./batches/index.ts";
import type { StatsApi } from "./stats/index.ts";
import type { HealthSummariesApi } from "./health-summaries/index.ts";
import type { PfifRecordsApi } from "./pfif-records/index.ts";
import type { DashboardApi } from "./dashboard/index.ts";
import type { AnnotationsApi, ThreadsApi } from "./threads/index.ts";
import type { WitnessingApi } from "./witnessing/index.ts";
import type {
  AccessLogApi,
  AdultTrackApi,
  CasesApi,
  DisclosuresApi,
  PartiesApi,
  PhotosApi,
  RateLimitApi,
  SessionsApi,
  SharesApi,
  TracingRequestsApi,
  UsersApi,
} from "./types.ts";

// The registry's store, assembled by openStore: one property per feature. There is no raw
// database handle here: every read of a case passes the access policy inside a feature.
export interface Store {
  readonly kind: "pglite" | "postgres";
  readonly cases: CasesApi;
  readonly shares: SharesApi;
  readonly parties: PartiesApi;
  readonly users: UsersApi;
  readonly sessions: SessionsApi;
  readonly rateLimit: RateLimitApi;
  readonly accessLog: AccessLogApi;
  // The signed log: every case action, decision and report is an entry (src/store/ledger/).
  readonly ledger: LedgerStore;
  // Verification reports, signed by both sides' verifiers and the mediator (src/store/reports/).
  readonly reports: ReportsStore;
  // Candidate pairs found as cases change, reviewed by both sides (src/store/matching/).
  readonly matching: MatchingService;
  // Return batches, handovers and post-return checks (src/store/batches/).
  readonly batches: BatchesApi;
  // Public statistics (src/store/stats/): counts suppressed below 10, no child.
  readonly stats: StatsApi;
  // The dashboard's counts for one party in one read (src/store/dashboard/).
  readonly dashboard: DashboardApi;
  // Children held, disclosed to the parties looking for them (src/store/disclosures/).
  readonly disclosures: DisclosuresApi;
  // Requests to trace a child, addressed to a party (src/store/tracing-requests/).
  readonly tracingRequests: TracingRequestsApi;
  // The daily switch of cases to the adult track (src/store/adult-track/).
  readonly adultTrack: AdultTrackApi;
  // Photos of a case: metadata stripped, sealed at rest, each view logged (src/store/photos/).
  readonly photos: PhotosApi;
  // The open channel: threads about cases and batches, messages, attachments, read receipts (src/store/threads/).
  readonly threads: ThreadsApi;
  // The mediator's own annotations of the cases it sees (src/store/threads/).
  readonly annotations: AnnotationsApi;
  // A child's health summary, released under a recorded consent (src/store/health-summaries/).
  readonly healthSummaries: HealthSummariesApi;
  // The PFIF person record each imported case came from, and its expiry (src/store/pfif-records/).
  readonly pfifRecords: PfifRecordsApi;
  // Checkpoints as C2SP signed notes under the log's own key, and witnesses' co-signatures (src/store/witnessing/).
  readonly witnessing: WitnessingApi;
  // Applies pending migrations (already done by openStore unless migrate: false).
  migrate(): Promise<string[]>;
  // Replaces the key file's master key with a new one and re-wraps the working keys under it in
  // one transaction (src/store/secrets/key-file.ts); the old key file opens nothing afterwards.
  rotateKey(): Promise<{ keyFile: string; rewrapped: number }>;
  close(): Promise<void>;
}
