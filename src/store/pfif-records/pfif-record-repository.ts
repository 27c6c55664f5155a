import { sql, type Kysely } from "kysely";
import type { StoreInternals } from "../store-internals.ts";
import type { Database, RequestContext } from "../types.ts";

export interface PfifRecordsApi {
  // Remembers the PFIF record each of the caller's party's cases was imported from, and its
  // expiry; cases of other parties are passed over. Idempotent (the latest import wins).
  remember(ctx: RequestContext, items: readonly { caseId: string; recordId: string; expiryDate?: string }[]): Promise<number>;
  // The expiry (ISO 8601 UTC) of each of these cases that has one.
  expiries(caseIds: readonly string[]): Promise<Map<string, string>>;
}

export function createPfifRecordRepository(s: StoreInternals): PfifRecordsApi {
  const db = s.db as unknown as Kysely<Database>;
  return {
    async remember(ctx, items) {
      if (items.length === 0) return 0;
      const ids = items.map((i) => i.caseId);
      const own = new Set((await sql<{ id: string }>`select id from cases where id = any(${ids}::uuid[]) and party_id = ${ctx.partyId}`.execute(db)).rows.map((r) => r.id));
      let n = 0;
      for (const i of items) {
        if (!own.has(i.caseId)) continue;
        await sql`insert into pfif_records (case_id, record_id, expiry_date, imported_at) values (${i.caseId}, ${i.recordId}, ${i.expiryDate ?? null}, ${s.now()})
          on conflict (case_id) do update set record_id = excluded.record_id, expiry_date = excluded.expiry_date, imported_at = excluded.imported_at`.execute(db);
        n++;
      }
      return n;
    },
    async expiries(caseIds) {
      if (caseIds.length === 0) return new Map();
      const rows = (await sql<{ case_id: string; expiry_date: Date | string }>`select case_id, expiry_date from pfif_records
        where case_id = any(${[...caseIds]}::uuid[]) and expiry_date is not null`.execute(db)).rows;
      return new Map(rows.map((r) => [r.case_id, new Date(r.expiry_date).toISOString()]));
    },
  };
}
