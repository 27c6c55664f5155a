import type { Migration } from "../migration.ts";

// The open channel: threads about a case or a batch, their parties, messages with attachments,
// read receipts, and the mediator's annotations of cases. Everything people wrote (titles,
// texts, file names, files) is sealed (AES-256-GCM); the signed log holds each message's hash.
export const THREAD_MIGRATIONS: readonly Migration[] = [
  {
    id: "1501-threads",
    statements: [
      `create table threads (
        id uuid primary key,
        subject_kind text not null check (subject_kind in ('case', 'batch')),
        subject_id uuid not null,
        mediator_party_id text not null references parties(id),
        title bytea not null,
        opened_by_party text not null references parties(id),
        opened_by_user text not null,
        client_id text not null,
        request_hash text not null,
        created_at timestamptz not null,
        last_message_at timestamptz
      )`,
      `create unique index threads_client_id_idx on threads (opened_by_party, client_id)`,
      `create index threads_subject_idx on threads (subject_kind, subject_id)`,
      `create table thread_parties (
        thread_id uuid not null references threads(id),
        party_id text not null references parties(id),
        primary key (thread_id, party_id)
      )`,
      `create index thread_parties_party_idx on thread_parties (party_id, thread_id)`,
      `create table thread_messages (
        id uuid primary key,
        thread_id uuid not null references threads(id),
        seq integer not null check (seq >= 1),
        party_id text not null references parties(id),
        user_id text not null,
        role text not null,
        client_id text not null,
        request_hash text not null,
        body bytea not null,
        message_hash text not null,
        entry_idx bigint not null,
        created_at timestamptz not null,
        unique (thread_id, seq)
      )`,
      `create unique index thread_messages_client_id_idx on thread_messages (party_id, client_id)`,
      `create table thread_attachments (
        id uuid primary key,
        message_id uuid not null references thread_messages(id),
        thread_id uuid not null references threads(id),
        position integer not null,
        content_type text not null,
        size integer not null,
        sha256 text not null,
        filename bytea not null,
        data bytea not null
      )`,
      `create index thread_attachments_message_idx on thread_attachments (message_id, position)`,
      `create table thread_reads (
        message_id uuid not null references thread_messages(id),
        user_id text not null,
        party_id text not null references parties(id),
        read_at timestamptz not null,
        primary key (message_id, user_id)
      )`,
      `create table case_annotations (
        id uuid primary key,
        case_id uuid not null references cases(id),
        party_id text not null references parties(id),
        user_id text not null,
        client_id text not null,
        request_hash text not null,
        body bytea not null,
        annotation_hash text not null,
        entry_idx bigint not null,
        created_at timestamptz not null
      )`,
      `create unique index case_annotations_client_id_idx on case_annotations (party_id, client_id)`,
      `create index case_annotations_case_idx on case_annotations (case_id, created_at)`,
    ],
  },
];
