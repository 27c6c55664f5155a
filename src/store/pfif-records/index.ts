// The PFIF record a case was imported from and its expiry, honoured on export.
export { createPfifRecordRepository, type PfifRecordsApi } from "./pfif-record-repository.ts";
export { PFIF_RECORD_MIGRATIONS } from "./migrations.ts";
