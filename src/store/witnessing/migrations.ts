import type { Migration } from "../migration.ts";

export const WITNESSING_MIGRATIONS: readonly Migration[] = [
  {
    id: "1801-log-notes",
    statements: [
      // The log's own checkpoint key: the one key the server keeps (sealed with the data key).
      `create table log_note_key (
        id smallint primary key check (id = 1),
        origin text not null,
        public_key bytea not null,
        sealed_secret bytea not null
      )`,
      // Checkpoints as C2SP signed notes, signed by the log key; one per size published.
      `create table log_notes (
        size bigint primary key,
        root bytea not null,
        text text not null,
        log_signature text not null,
        created_at timestamptz not null default now()
      )`,
      // The witnesses whose co-signatures the log keeps (their verifier keys, type 0x04).
      `create table log_witnesses (
        vkey text primary key,
        name text not null,
        added_at timestamptz not null default now()
      )`,
      `create table log_cosignatures (
        size bigint not null references log_notes(size),
        vkey text not null references log_witnesses(vkey),
        line text not null,
        cosigned_at bigint not null,
        primary key (size, vkey)
      )`,
    ],
  },
];
