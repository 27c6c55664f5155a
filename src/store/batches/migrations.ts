import type { Migration } from "../migration.ts";

// Tables of return batches (src/store/batches/). Append only, like every migration.
export const BATCH_MIGRATIONS: readonly Migration[] = [
  {
    id: "1201-batches",
    statements: [
      `create table batches (
        id uuid primary key,
        mediator_party_id text not null references parties(id),
        client_id text not null,
        name text not null,
        from_party_id text not null references parties(id),
        to_party_id text not null references parties(id),
        planned_date text not null,
        handover_point text not null,
        status text not null check (status in ('planned', 'confirmed', 'in-transit', 'completed', 'postponed', 'cancelled')),
        status_reason text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        completed_at timestamptz,
        unique (mediator_party_id, client_id)
      )`,
      `create table batch_transitions (
        batch_id uuid not null references batches(id),
        seq integer not null,
        client_id text not null,
        from_status text not null,
        to_status text not null,
        reason text,
        user_id uuid not null,
        at timestamptz not null,
        entry_idx bigint not null,
        primary key (batch_id, seq),
        unique (batch_id, client_id)
      )`,
      `create table batch_children (
        batch_id uuid not null references batches(id),
        case_id uuid not null references cases(id),
        added_at timestamptz not null,
        primary key (batch_id, case_id)
      )`,
      `create index batch_children_case_idx on batch_children (case_id)`,
      `create table batch_handovers (
        batch_id uuid not null references batches(id),
        case_id uuid not null references cases(id),
        party_id text not null references parties(id),
        user_id uuid not null,
        at timestamptz not null,
        primary key (batch_id, case_id, party_id)
      )`,
      `create table post_return_checks (
        batch_id uuid not null references batches(id),
        case_id uuid not null references cases(id),
        reunited_at timestamptz not null,
        due_date text not null,
        primary key (batch_id, case_id)
      )`,
      `create index post_return_checks_due_idx on post_return_checks (due_date)`,
    ],
  },
  {
    // The day the handover took place, when a party confirms it afterwards.
    id: "1202-batch-handover-day",
    statements: [`alter table batch_handovers add column handed_over_on text`],
  },
  {
    // A child released from a batch cancelled or postponed before its handover stays listed
    // (released_at), and may join again (joined counts its additions, keying each "schedule").
    id: "1203-batch-children-released",
    statements: [
      `alter table batch_children add column released_at timestamptz`,
      `alter table batch_children add column joined integer not null default 1`,
    ],
  },
];
