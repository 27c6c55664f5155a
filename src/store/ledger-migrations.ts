// The ledger's tables. The entries, checkpoints and their signatures are append-only at the
// database level: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks.

const appendOnly = (table: string): string[] => [
  `create trigger ${table}_no_update_delete before update or delete on ${table} for each row execute function ledger_refuse_change()`,
  `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function ledger_refuse_change()`,
];

// Typed structurally: migrations.ts imports this file, so it cannot import from there.
export const LEDGER_MIGRATIONS: readonly { id: string; statements: readonly string[] }[] = [
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
];

