import { createHash } from "node:crypto";

// Each record's secret key for the statistics' rounding (docs/statistics.md): derived from the
// case's salt, which only the store and those who may see the case hold, so that nobody outside
// can work out which way a cell was rounded. The same case always has the same key.
export function statsRecordKey(caseSalt: string): number {
  return createHash("sha256").update(`homeward:stats-record-key\n${caseSalt}`).digest().readUInt32BE(0);
}
