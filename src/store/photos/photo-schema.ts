import type { ColumnType } from "kysely";

export interface PhotosTable {
  id: string;
  case_id: string;
  party_id: string;
  sha256: string;
  content_type: string;
  width: number;
  height: number;
  // AES-256-GCM of the image (and the thumbnail) as base64: the bytes at rest are not the image.
  image: Uint8Array;
  thumb: Uint8Array;
  created_at: ColumnType<Date, Date | string, Date | string>;
}
