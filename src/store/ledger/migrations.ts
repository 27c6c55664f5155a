import type { Migration } from "../migration.ts";

// The ledger's tables. The entries, checkpoints and their signatures are append-only at the
// database level: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks.

const appendOnly = (table: string): string[] => [
  `create trigger ${table}_no_update_delete before update or delete on ${table} for each row execute function ledger_refuse_change()`,
  `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function ledger_refuse_change()`,
];

export const LEDGER_MIGRATIONS: readonly Migration[] = [
  {
    id: "1001-ledger",
    statements: [
      `create table ledger_meta (
        id integer primary key check (id = 1),
        log_id text not null,
        created_at timestamptz not null default now()
      )`,
      `create table ledger_keys (
        id text primary key,
        party_id text not null references parties(id),
        user_id text,
        public_key text not null,
        sealed_secret bytea not null,
        anchor boolean not null,
        created_at timestamptz not null default now(),
        retired_at timestamptz
      )`,
      `create unique index ledger_keys_current_idx on ledger_keys (party_id, coalesce(user_id, '')) where retired_at is null`,
      `create table ledger_entries (
        idx bigint primary key check (idx >= 0),
        entry_id text not null unique,
        line text not null,
        leaf_hash bytea not null,
        payload_salt bytea,
        created_at timestamptz not null default now()
      )`,
      `create table ledger_checkpoints (
        size bigint primary key check (size >= 0),
        root text not null,
        time text not null,
        created_at timestamptz not null default now()
      )`,
      `create table ledger_checkpoint_signatures (
        size bigint not null references ledger_checkpoints(size),
        key_id text not null references ledger_keys(id),
        sig text not null,
        created_at timestamptz not null default now(),
        primary key (size, key_id)
      )`,
      `create function ledger_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'the signed log is append-only: % on % is refused', tg_op, tg_table_name
            using errcode = 'insufficient_privilege';
        end
      $$`,
      ...appendOnly("ledger_entries"),
      ...appendOnly("ledger_checkpoints"),
      ...appendOnly("ledger_checkpoint_signatures"),
    ],
  },
  {
    id: "1002-ledger-reports",
    statements: [
      // A report's document never changes once drafted: a correction is a new report.
      `create table ledger_reports (
        id uuid primary key,
        case_id uuid not null references cases(id),
        kind text not null check (kind in ('identity', 'post-return')),
        party_id text not null references parties(id),
        client_id text not null,
        language text not null,
        sealed_document bytea not null,
        document_hash text not null,
        entry_idx bigint not null,
        created_at timestamptz not null default now(),
        unique (party_id, client_id)
      )`,
      `create index ledger_reports_case_idx on ledger_reports (case_id, created_at)`,
      `create table ledger_report_signatures (
        report_id uuid not null references ledger_reports(id),
        role text not null check (role in ('tracing-verifier', 'holding-verifier', 'mediator')),
        party_id text not null,
        user_id text not null,
        entry_idx bigint not null,
        created_at timestamptz not null default now(),
        primary key (report_id, role)
      )`,
      ...appendOnly("ledger_reports"),
      ...appendOnly("ledger_report_signatures"),
    ],
  },
];
