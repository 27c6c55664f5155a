// Every migration of the store, in the order they apply (see migration.ts).
import type { Migration } from "./migration.ts";
import { PHOTO_MIGRATIONS } from "./photos/index.ts";
import { DASHBOARD_MIGRATIONS } from "./dashboard/index.ts";
import { LEDGER_MIGRATIONS } from "./ledger/index.ts";
import { MATCH_MIGRATIONS } from "./matching/index.ts";
import { BATCH_MIGRATIONS } from "./batches/index.ts";
import { ACCESS_LOG_MIGRATIONS } from "./access-log/index.ts";
import { SECRETS_MIGRATIONS } from "./secrets/index.ts";
import { THREAD_MIGRATIONS } from "./threads/index.ts";
import { HEALTH_SUMMARY_MIGRATIONS } from "./health-summaries/index.ts";
import { PFIF_RECORD_MIGRATIONS } from "./pfif-records/index.ts";
import { WITNESSING_MIGRATIONS } from "./witnessing/index.ts";

export const MIGRATIONS: readonly Migration[] = [
  {
    id: "0001-registry",
    statements: [
      `create table parties (
        id text primary key,
        name text not null,
        kind text not null check (kind in ('tracing-authority', 'holding-authority', 'mediator', 'ngo')),
        created_at timestamptz not null default now()
      )`,
      `create table users (
        id uuid primary key,
        username text not null unique,
        password_hash text not null,
        party_id text not null references parties(id),
        role text not null check (role in ('caseworker', 'verifier', 'mediator', 'auditor', 'admin')),
        display_name text,
        disabled boolean not null default false,
        created_at timestamptz not null default now()
      )`,
      `create table sessions (
        token_hash text primary key,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz
      )`,
      `create index sessions_user_idx on sessions (user_id)`,
      `create index sessions_expires_idx on sessions (expires_at)`,
      `create table rate_limits (
        key text not null,
        window_start timestamptz not null,
        count integer not null,
        primary key (key, window_start)
      )`,
      `create table failed_logins (
        id bigserial primary key,
        key text not null,
        at timestamptz not null
      )`,
      `create index failed_logins_key_at_idx on failed_logins (key, at)`,
      `create table cases (
        id uuid primary key,
        party_id text not null references parties(id),
        status text not null,
        version integer not null check (version >= 1),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        summary jsonb not null,
        sensitive bytea not null,
        name_keys text[] not null default '{}',
        name_keys_version integer not null default 0
      )`,
      `create index cases_party_updated_idx on cases (party_id, updated_at desc, id)`,
      `create index cases_status_idx on cases (status)`,
      `create index cases_name_keys_idx on cases using gin (name_keys)`,
      `create table case_actions (
        case_id uuid not null references cases(id),
        sequence integer not null check (sequence >= 1),
        client_id text not null,
        type text not null,
        actor_user_id text not null,
        actor_party_id text not null,
        actor_role text not null,
        at timestamptz not null,
        payload bytea not null,
        primary key (case_id, sequence)
      )`,
      // A client id is unique per party: repeating it is how a retry is recognised.
      `create unique index case_actions_client_id_idx on case_actions (actor_party_id, client_id)`,
      `create table case_shares (
        case_id uuid not null references cases(id),
        party_id text not null references parties(id),
        scope text not null check (scope in ('view', 'participate')),
        granted_at timestamptz not null,
        primary key (case_id, party_id)
      )`,
      `create index case_shares_party_idx on case_shares (party_id, case_id)`,
      `create table access_log (
        id bigserial primary key,
        at timestamptz not null,
        user_id text not null,
        party_id text not null,
        role text not null,
        case_id uuid not null,
        case_party_id text not null,
        kind text not null,
        purpose text
      )`,
      `create index access_log_case_idx on access_log (case_id, at desc)`,
      `create index access_log_case_party_idx on access_log (case_party_id, at desc)`,
      `create index access_log_party_idx on access_log (party_id, at desc)`,
    ],
  },
  // The store's working keys, wrapped by the key file's master key (src/store/secrets/).
  ...SECRETS_MIGRATIONS,
  // The signed log (src/store/ledger/).
  ...LEDGER_MIGRATIONS,
  // Matching in the registry (src/store/matching/).
  ...MATCH_MIGRATIONS,
  // Return batches, handovers and post-return checks (src/store/batches/).
  ...BATCH_MIGRATIONS,
  // A child's photographs (src/store/photos/).
  ...PHOTO_MIGRATIONS,
  // Digests of the access log in the signed log (src/store/access-log/).
  ...ACCESS_LOG_MIGRATIONS,
  // The open channel: threads, messages, attachments, read receipts, annotations (src/store/threads/).
  ...THREAD_MIGRATIONS,
  // Health summaries, their release consents and releases (src/store/health-summaries/).
  ...HEALTH_SUMMARY_MIGRATIONS,
  // The PFIF records cases were imported from, with their expiry (src/store/pfif-records/).
  ...PFIF_RECORD_MIGRATIONS,
  // Indexes for the dashboard's counts (src/store/dashboard/).
  ...DASHBOARD_MIGRATIONS,
  // Checkpoints as signed notes and witnesses' co-signatures (src/store/witnessing/).
  ...WITNESSING_MIGRATIONS,
];
