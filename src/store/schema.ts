import type { ColumnType, Generated } from "kysely";

// Row types of the database, as Kysely sees them. Timestamps come back as Date.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PartiesTable {
  id: string;
  name: string;
  kind: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  party_id: string;
  role: string;
  display_name: string | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface FailedLoginsTable {
  id: Generated<string>;
  key: string;
  at: Timestamp;
}

export interface CasesTable {
  id: string;
  party_id: string;
  status: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  // The non-sensitive part of the derived state, as JSON.
  summary: ColumnType<unknown, string, string>;
  // AES-256-GCM of the sensitive part (contact details, notes, health).
  sensitive: Uint8Array;
  name_keys: ColumnType<string[], string[], string[]>;
  name_keys_version: number;
}

export interface CaseActionsTable {
  case_id: string;
  sequence: number;
  client_id: string;
  type: string;
  actor_user_id: string;
  actor_party_id: string;
  actor_role: string;
  at: Timestamp;
  // AES-256-GCM of the action as JSON.
  payload: Uint8Array;
}

export interface CaseSharesTable {
  case_id: string;
  party_id: string;
  scope: string;
  granted_at: Timestamp;
}

export interface AccessLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string;
  party_id: string;
  role: string;
  case_id: string;
  case_party_id: string;
  kind: string;
  purpose: string | null;
}

export interface AccessLogDigestsTable {
  party_id: string;
  first_id: string;
  last_id: string;
  row_count: number;
  digest: string;
  entry_index: string;
  sealed_at: Timestamp;
}

export interface MigrationsTable {
  id: string;
  applied_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface Database {
  homeward_migrations: MigrationsTable;
  parties: PartiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  failed_logins: FailedLoginsTable;
  cases: CasesTable;
  case_actions: CaseActionsTable;
  case_shares: CaseSharesTable;
  access_log: AccessLogTable;
  access_log_digests: AccessLogDigestsTable;
}
