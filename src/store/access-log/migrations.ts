import type { Migration } from "../migration.ts";

// The digests of the access log's runs of rows committed into the signed log: which rows each
// covered, so the next run starts after it.
export const ACCESS_LOG_MIGRATIONS: readonly Migration[] = [
  {
    id: "1401-access-log-digests",
    statements: [
      `create table access_log_digests (
        party_id text not null,
        first_id bigint not null,
        last_id bigint not null,
        row_count integer not null,
        digest text not null,
        entry_index bigint not null,
        sealed_at timestamptz not null,
        primary key (party_id, last_id)
      )`,
      `create index access_log_user_idx on access_log (user_id, at desc)`,
    ],
  },
];
