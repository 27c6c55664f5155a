import type { Migration } from "../migration.ts";

// Tables of matching in the registry (src/store/matching/). Append only, like every migration.
export const MATCH_MIGRATIONS: readonly Migration[] = [
  {
    id: "1101-matching",
    statements: [
      // Model settings and m/u parameters are data: the newest row is the one in use.
      `create table match_models (
        id bigserial primary key,
        source text not null,
        settings jsonb not null,
        params jsonb not null,
        report jsonb,
        created_at timestamptz not null default now()
      )`,
      // What the matcher compared for a case, at which case version: the record variants (one
      // per name) and their blocking keys, so a new record finds candidates by key lookups.
      `create table match_records (
        case_id uuid primary key references cases(id),
        party_id text not null,
        side text not null check (side in ('T', 'H')),
        case_version integer not null,
        record jsonb not null,
        keys text[] not null,
        updated_at timestamptz not null
      )`,
      `create table match_keys (
        side text not null,
        key text not null,
        case_id uuid not null references cases(id),
        primary key (side, key, case_id)
      )`,
      `create index match_keys_case_idx on match_keys (case_id)`,
      // Deferred work, so that any server process can pick it up: kind 'match' (ref = case id)
      // or 'agree' (ref = candidate id: record the agreement on both cases).
      `create table match_jobs (
        id bigserial primary key,
        kind text not null check (kind in ('match', 'agree')),
        ref text not null,
        enqueued_at timestamptz not null default now(),
        attempts integer not null default 0,
        last_error text
      )`,
      `create unique index match_jobs_kind_ref_idx on match_jobs (kind, ref)`,
      `create table match_candidates (
        id uuid primary key,
        tracing_case_id uuid not null references cases(id),
        holding_case_id uuid not null references cases(id),
        tracing_party_id text not null,
        holding_party_id text not null,
        probability double precision not null,
        weight double precision not null,
        explanation jsonb not null,
        model_id bigint not null,
        -- Set flags: several candidates compete for the tracing (holding) record, and two of
        -- them are of one family ('family_conflict') or not ('multiple').
        tracing_set text,
        holding_set text,
        status text not null check (status in ('pending', 'agreed', 'rejected')),
        tracing_decision text check (tracing_decision in ('accept', 'reject')),
        tracing_reason text,
        tracing_user_id text,
        tracing_role text,
        tracing_decided_at timestamptz,
        holding_decision text check (holding_decision in ('accept', 'reject')),
        holding_reason text,
        holding_user_id text,
        holding_role text,
        holding_decided_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (tracing_case_id, holding_case_id)
      )`,
      `create index match_candidates_tracing_idx on match_candidates (tracing_party_id, status, probability desc)`,
      `create index match_candidates_holding_idx on match_candidates (holding_party_id, status, probability desc)`,
      `create index match_candidates_holding_case_idx on match_candidates (holding_case_id)`,
      `create index match_candidates_status_idx on match_candidates (status, probability desc)`,
    ],
  },
  {
    id: "1102-match-keys-version",
    statements: [
      // Blocking keys depend on the normalisation (name groups, transliteration, places) and on
      // the settings; records keyed by an older version are found by the sweep and keyed again.
      `alter table match_records add column keys_version text not null default ''`,
    ],
  },
  {
    id: "1103-match-term-counts",
    statements: [
      // How many stored cases (both sides pooled) carry each value key of a term-frequency field
      // (see match-term-counts.ts), so that agreeing on a common surname counts for less than on
      // a rare one. The row with the empty key holds the field's total: the cases with any value
      // in it (no value's key is empty).
      `create table match_term_counts (
        field text not null,
        key text not null,
        count integer not null check (count >= 0),
        primary key (field, key)
      )`,
      // The keys a record was counted under, by field: what to take off when it changes. Null
      // until counted (records stored before this table, or written around the matcher); the
      // sweep matches those again, which counts them.
      `alter table match_records add column term_keys jsonb`,
    ],
  },
  {
    id: "1104-match-eligible",
    statements: [
      // Whether the case may be proposed to another party (its consent to sharing holds, or a
      // legal basis is recorded), as of its last matching. False until matched again: a record
      // stored before this column is shown to no one until the sweep has looked at its consent.
      `alter table match_records add column eligible boolean not null default false`,
    ],
  },
];
