import type { Migration } from "../migration.ts";

// The dashboard counts children on the adult track and finds those turning 18 soon by fields of
// the cases' public summary; these indexes let it read only those few rows instead of unpacking
// every summary (src/store/dashboard/).
export const DASHBOARD_MIGRATIONS: readonly Migration[] = [
  {
    id: "1751-dashboard-indexes",
    statements: [
      `create index cases_child_birth_year_idx on cases ((summary ->> 'birthYear')) where (summary ->> 'adultTrackSince') is null`,
      `create index cases_adult_track_idx on cases (party_id) where (summary ->> 'adultTrackSince') is not null`,
    ],
  },
];
