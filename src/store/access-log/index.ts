// The access log: who read which child's record, readable by admins and auditors, committed
// into the signed log as digests of runs of rows.
export { ACCESS_LOG_CSV_COLUMNS, createAccessLogRepository } from "./access-log-repository.ts";
export { ACCESS_LOG_MIGRATIONS } from "./migrations.ts";
