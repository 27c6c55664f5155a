import type { Migration } from "../migration.ts";

// A child's photographs: the image and its thumbnail, each sealed (AES-256-GCM), beside the
// add-photo action that names them by id and hash.
export const PHOTO_MIGRATIONS: readonly Migration[] = [
  {
    id: "1301-photos",
    statements: [
      `create table photos (
        id uuid primary key,
        case_id uuid not null references cases(id),
        party_id text not null references parties(id),
        sha256 text not null,
        content_type text not null,
        width integer not null,
        height integer not null,
        image bytea not null,
        thumb bytea not null,
        created_at timestamptz not null
      )`,
      `create index photos_case_idx on photos (case_id)`,
    ],
  },
];
