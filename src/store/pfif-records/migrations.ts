import type { Migration } from "../migration.ts";

// The PFIF person record a case was imported from, with the record's expiry_date: after it the
// record is no longer exported (PFIF asks that expired records be deleted, never passed on).
export const PFIF_RECORD_MIGRATIONS: readonly Migration[] = [
  {
    id: "1602-pfif-records",
    statements: [
      `create table pfif_records (
        case_id uuid primary key references cases(id),
        record_id text not null,
        expiry_date timestamptz,
        imported_at timestamptz not null
      )`,
    ],
  },
];
