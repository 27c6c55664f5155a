import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type MatchModelsTable = {
  id: Generated<string>;
  source: string;
  settings: Json;
  params: Json;
  report: Json | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
};

export type MatchRecordsTable = {
  case_id: string;
  party_id: string;
  side: "T" | "H";
  case_version: number;
  record: Json;
  keys: ColumnType<string[], string[], string[]>;
  /** Which key functions made `keys` (see matchKeysVersion); others are recomputed by a sweep. */
  keys_version: ColumnType<string, string | undefined, string>;
  /** The term-frequency keys the record is counted under, by field (see match-term-counts.ts); null: not counted. */
  term_keys: ColumnType<unknown, string | null | undefined, string | null>;
  /** Whether the case may enter cross-party matching (consent to sharing or a legal basis) when last matched. */
  eligible: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
};

export type MatchTermCountsTable = {
  field: string;
  /** A field's value key, or "" for the field's total (cases with any value in it). */
  key: string;
  count: number;
};

export type MatchKeysTable = {
  side: "T" | "H";
  key: string;
  case_id: string;
};

export type MatchJobsTable = {
  id: Generated<string>;
  kind: "match" | "agree";
  ref: string;
  enqueued_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
};

export type Decision = "accept" | "reject";
export type CandidateStatus = "pending" | "agreed" | "rejected";
export type SetFlag = "family_conflict" | "multiple";

export type MatchCandidatesTable = {
  id: string;
  tracing_case_id: string;
  holding_case_id: string;
  tracing_party_id: string;
  holding_party_id: string;
  probability: number;
  weight: number;
  explanation: Json;
  model_id: string;
  tracing_set: SetFlag | null;
  holding_set: SetFlag | null;
  status: CandidateStatus;
  tracing_decision: Decision | null;
  tracing_reason: string | null;
  tracing_user_id: string | null;
  tracing_role: string | null;
  tracing_decided_at: Timestamp | null;
  holding_decision: Decision | null;
  holding_reason: string | null;
  holding_user_id: string | null;
  holding_role: string | null;
  holding_decided_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MatchTables = {
  match_models: MatchModelsTable;
  match_records: MatchRecordsTable;
  match_keys: MatchKeysTable;
  match_jobs: MatchJobsTable;
  match_candidates: MatchCandidatesTable;
  match_term_counts: MatchTermCountsTable;
};
