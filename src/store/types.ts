import type { Kysely, Transaction } from "kysely";
import type {
  ActionRecord,
  ActionType,
  CaseAction,
  CaseActionInput,
  CaseInput,
  CaseSide,
  CaseState,
  CaseStatus,
  CaseSummary,
  CaseView,
  HistoryEntry,
  Party,
  PartyKind,
  Role,
  ShareScope,
  DisclosureInput,
  DisclosureView,
  TracingRequestInput,
} from "../domain/index.ts";
import type { Database } from "./schema.ts";
import type { Migration } from "./migration.ts";

export type { Database } from "./schema.ts";
export type { Migration } from "./migration.ts";
export type Db = Kysely<Database>;
// The transaction handle given to action sinks and preconditions.
export type Tx = Transaction<Database>;

// Who is asking, resolved by the caller from the session. Passed to every case data method;
// access is decided in the store from it.
export interface RequestContext {
  partyId: string;
  userId: string;
  role: Role;
  // Why the data is read (recorded in the access log), e.g. "api", "import", "review".
  purpose?: string;
}

export interface OpenStoreOptions {
  // PostgreSQL connection string; without it an embedded PGlite database is used.
  databaseUrl?: string;
  // PGlite files go to dataDir/pgdata; without dataDir PGlite runs in memory.
  dataDir?: string;
  // The encryption key file. Default: dataDir/homeward.key; with databaseUrl and no dataDir,
  // $HOMEWARD_KEY_FILE or ./.homeward/homeward.key. In-memory stores without keyFile use a
  // random key that lives as long as the store.
  keyFile?: string;
  // Apply migrations at open (default true).
  migrate?: boolean;
  // Clock, for tests of age-dependent rules.
  now?: () => Date;
  // Pool size for PostgreSQL (default 10).
  poolSize?: number;
  // Further migrations (e.g. the ledger's tables), applied after the registry's own, under
  // the same lock. Ids must be unique across all migrations.
  migrations?: readonly Migration[];
  // Return batches: days from reunion to the post-return check (default 30).
  batches?: { postReturnCheckDays?: number };
  // The steps "identity verified", "confirmed by mediator" and "post-return verified" wait for
  // their signed reports (as `homeward serve` runs). Default false: a registry's own tests and
  // seeds walk the lifecycle without reports.
  signedReportsRequired?: boolean;
  // The origin line of the log's checkpoints (a schema-less URL naming this log, e.g.
  // `homeward.example.org/log`). Fixed when the log's checkpoint key is first made.
  logOrigin?: string;
}

export interface User {
  id: string;
  username: string;
  partyId: string;
  role: Role;
  displayName: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  partyId: string;
  role: Role;
  displayName?: string;
}

export interface Session {
  userId: string;
  user: User;
  createdAt: string;
  expiresAt: string;
}

export interface ActionEvent {
  caseId: string;
  action: CaseAction;
  actor: { userId: string; partyId: string; partyKind: PartyKind; role: Role };
  at: string;
  clientId: string;
  sequence: number;
  // State before and after this action.
  before: CaseState | null;
  after: CaseState;
}

// Runs inside the transaction that appends the action: throwing aborts the action. `batch`, when
// a sink has it, takes many actions of one transaction at once (bulk imports), in their order.
export type ActionSink = ((tx: Tx, event: ActionEvent) => Promise<void>) & {
  batch?: (tx: Tx, events: readonly ActionEvent[]) => Promise<void>;
};

// Returns null when satisfied, or the reason the step may not be taken yet.
export type Precondition = (
  tx: Tx,
  input: { caseId: string; action: CaseAction; actor: ActionEvent["actor"]; state: CaseState },
) => Promise<string | null>;

export interface ListCasesQuery {
  q?: string;
  status?: CaseStatus | CaseStatus[];
  // adult: cases on the adult track; child: the others.
  track?: "adult" | "child";
  // Open cases not on the adult track whose person certainly turns 18 within this many days.
  turning18Within?: number;
  limit?: number; // default 50, max 500
  offset?: number;
}

export interface CreateResult {
  id: string;
  case: CaseView;
  // True when the clientId had been used before: nothing changed, the original case returns.
  replayed: boolean;
}

export interface ActionResult {
  case: CaseView;
  sequence: number;
  replayed: boolean;
}

export interface ImportRow {
  clientId: string;
  input: CaseInput;
  side?: CaseSide;
  // Taken in the same transaction (see CreateOptions.followUps).
  followUps?: readonly CaseActionInput[];
}

export interface CreateOptions {
  clientId: string;
  // The side the owner works the case from (default: its kind's usual side).
  side?: CaseSide;
  // Actions taken on the new case in the transaction that creates it, with client ids
  // `${clientId}#1`, `#2`…: a disclosure or a tracing request never exists half-written.
  followUps?: readonly CaseActionInput[];
}

export interface ImportResult {
  created: number;
  // Rows whose clientId had been imported before (nothing changed for them).
  existing: number;
  ids: string[];
}

export interface AccessLogEntry {
  id: string;
  at: string;
  userId: string;
  partyId: string;
  role: string;
  caseId: string;
  kind: "read" | "list" | "history" | "write";
  purpose: string | null;
}

export interface Share {
  caseId: string;
  partyId: string;
  scope: ShareScope;
  grantedAt: string;
}

export interface CasesApi {
  create(ctx: RequestContext, input: CaseInput, opts: CreateOptions): Promise<CreateResult>;
  // null when the caller may not see the case (never "forbidden": existence is sensitive).
  get(ctx: RequestContext, id: string): Promise<CaseView | null>;
  list(ctx: RequestContext, query?: ListCasesQuery): Promise<{ items: CaseSummary[]; total: number }>;
  appendAction(
    ctx: RequestContext,
    caseId: string,
    action: CaseActionInput,
    // `alongside`: a feature's own rows written in the action's transaction once the action is
    // allowed (a photo's image beside its add-photo action); not run on a replay.
    opts: { clientId: string; expectedVersion?: number; alongside?: (tx: Tx) => Promise<void> },
  ): Promise<ActionResult>;
  // NotFoundError when the caller may not see the case.
  history(ctx: RequestContext, caseId: string): Promise<HistoryEntry[]>;
  // All rows or none, in one transaction.
  importBatch(ctx: RequestContext, rows: readonly ImportRow[]): Promise<ImportResult>;
}

export interface SharesApi {
  // Records a "share" action on the case; owner caseworker/verifier only.
  grant(ctx: RequestContext, caseId: string, toPartyId: string, scope: ShareScope, opts?: { clientId?: string }): Promise<Share>;
  revoke(ctx: RequestContext, caseId: string, toPartyId: string, opts?: { clientId?: string }): Promise<void>;
  list(ctx: RequestContext, caseId: string): Promise<Share[]>;
}

export interface PartiesApi {
  list(): Promise<Party[]>;
  get(id: string): Promise<Party | null>;
  // Idempotent on id.
  ensure(party: Party): Promise<Party>;
}

export interface UsersApi {
  // ConflictError when the username exists.
  create(user: NewUser): Promise<User>;
  findByUsername(username: string): Promise<UserWithHash | null>;
  get(id: string): Promise<User | null>;
  list(): Promise<User[]>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  setDisabled(userId: string, disabled: boolean): Promise<void>;
}

export interface SessionsApi {
  // The token is random; only its SHA-256 is stored.
  create(userId: string, ttlMs: number): Promise<{ token: string; expiresAt: string }>;
  // null when unknown, expired, revoked, or the user is disabled.
  get(token: string): Promise<Session | null>;
  revoke(token: string): Promise<void>;
  revokeAllForUser(userId: string): Promise<void>;
  deleteExpired(): Promise<number>;
}

export interface RateLimitApi {
  // Counts one hit in the current fixed window; allowed while count <= max.
  hit(key: string, windowMs: number, max: number): Promise<{ allowed: boolean; count: number; retryAfterMs: number }>;
  reset(key: string): Promise<void>;
  recordFailedLogin(key: string): Promise<void>;
  failedLoginsSince(key: string, since: Date): Promise<number>;
  // How many failures since `since`, and when the latest was.
  failedLoginStats(key: string, since: Date): Promise<{ count: number; last: Date | null }>;
  clearFailedLogins(key: string): Promise<void>;
}

export interface AccessLogQuery {
  caseId?: string;
  // The party and the user who read.
  partyId?: string;
  userId?: string;
  // ISO 8601: from (inclusive) and to (exclusive).
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AccessLogApi {
  // Admins and auditors (ForbiddenError otherwise): reads of their party's cases and reads by their party's users.
  list(ctx: RequestContext, query?: AccessLogQuery): Promise<{ items: AccessLogEntry[]; total: number }>;
  // The same rows (limit and offset aside), oldest first, as CSV text chunks: header first. Seals first.
  exportCsv(ctx: RequestContext, query?: AccessLogQuery): AsyncGenerator<string>;
  // Commits the settled rows not yet committed into the signed log as digests; how many rows.
  seal(): Promise<number>;
}

export type { ActionRecord, ActionType };
export interface DisclosuresApi {
  // A child held: a case of the caller's party (side "holding") with its disclosure, shared with
  // the addressees, in one transaction; idempotent by client id like case creation.
  create(ctx: RequestContext, input: DisclosureInput, opts: { clientId: string }): Promise<{ id: string; replayed: boolean }>;
  // Many at once, all or none (a field's path starts with rows.N).
  createMany(ctx: RequestContext, items: readonly { clientId: string; input: DisclosureInput }[]): Promise<ImportResult>;
  // The latest disclosure of a case as the caller may see it; NotFoundError when the caller may
  // not see the case or nothing was disclosed.
  get(ctx: RequestContext, caseId: string): Promise<DisclosureView>;
}

export interface CandidateLink {
  id: string;
  status: string;
  probability: number;
  // The records of the pair the caller may see (its own; the mediator both).
  holdingCase?: string;
  tracingCase?: string;
}

export interface TracingRequestItem {
  case: CaseSummary;
  to: string;
  mediator?: string;
  requestedAt: string;
  candidates: CandidateLink[];
}

export interface TracingRequestsApi {
  create(ctx: RequestContext, input: TracingRequestInput, opts: { clientId: string }): Promise<{ id: string; replayed: boolean }>;
  createMany(ctx: RequestContext, items: readonly { clientId: string; input: TracingRequestInput }[]): Promise<ImportResult>;
  // The requests the caller's party made or that are addressed to it (the mediator: those naming it).
  list(ctx: RequestContext, query?: { limit?: number; offset?: number }): Promise<{ items: TracingRequestItem[]; total: number }>;
}

export interface AdultTrackApi {
  // Switches every open case whose person is certainly 18 now; idempotent.
  runDue(): Promise<{ switched: string[]; failed: { caseId: string; error: string }[] }>;
}

export type PhotoSize = "full" | "thumb";

export interface PhotoFile {
  bytes: Buffer;
  contentType: string;
}

export interface PhotosApi {
  // Strips every metadata field, makes a thumbnail and stores both sealed beside an add-photo
  // action (its hash in the log); idempotent by client id. PhotoError (413/415/422) for bad files.
  add(ctx: RequestContext, caseId: string, file: { bytes: Uint8Array; contentType: string | undefined; caption?: string }, opts: { clientId: string }): Promise<{ id: string; replayed: boolean }>;
  // Only to parties entitled to the case's photos; each view is in the access log. NotFoundError otherwise.
  get(ctx: RequestContext, photoId: string, size: PhotoSize): Promise<PhotoFile>;
}
