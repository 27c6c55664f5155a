import type { Migration } from "../migration.ts";

// A child's health summary and the consents releasing it, each version sealed (AES-256-GCM)
// beside the index of its signed log entry; every release is a row of its own too.
export const HEALTH_SUMMARY_MIGRATIONS: readonly Migration[] = [
  {
    id: "1601-health-summaries",
    statements: [
      `create table health_summaries (
        case_id uuid not null references cases(id),
        version integer not null check (version >= 1),
        party_id text not null references parties(id),
        sealed bytea not null,
        summary_hash text not null,
        entry_idx bigint not null,
        recorded_at timestamptz not null,
        primary key (case_id, version)
      )`,
      `create table health_consents (
        case_id uuid not null references cases(id),
        version integer not null check (version >= 1),
        party_id text not null references parties(id),
        sealed bytea not null,
        consent_hash text not null,
        entry_idx bigint not null,
        recorded_at timestamptz not null,
        primary key (case_id, version)
      )`,
      `create table health_releases (
        id uuid primary key,
        case_id uuid not null references cases(id),
        summary_version integer not null,
        consent_version integer not null,
        recipient_party_id text not null references parties(id),
        user_id text not null,
        purpose text not null,
        entry_idx bigint not null,
        released_at timestamptz not null
      )`,
      `create index health_releases_case_idx on health_releases (case_id, released_at desc)`,
    ],
  },
];
