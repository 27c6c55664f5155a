import { sql } from "kysely";
import { stringify } from "csv-stringify/sync";
import { ACCESS_LOG_READERS, ForbiddenError, ValidationError } from "../../domain/index.ts";
import { accessLogDigest, digestRows } from "../../ledger/index.ts";
import type { AccessLogRow } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { checkOffset, clampLimit, isUuid, toIso } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { AccessLogApi, AccessLogEntry, AccessLogQuery, Db, RequestContext, Tx } from "../types.ts";

// Who read which child's record. Admins and auditors read it for their party: the reads of
// its cases, whoever made them, and the reads its own people made. Runs of rows are committed
// into the signed log as digests (src/ledger/access-log-digest.ts), grouped by the party whose
// cases were read, so that a deleted or altered row is detected from an export.

export const ACCESS_LOG_CSV_COLUMNS = ["id", "at", "user_id", "party_id", "role", "case_id", "case_party_id", "kind", "purpose"] as const;

// Rows younger than this are left for the next run: a row that took an id earlier but commits
// later must not fall between two digests.
const SETTLE_MS = 10_000;
const RUN_MAX = 10_000;
const SEAL_LOCK = 7_305_514_024;

interface Row {
  id: string;
  at: Date | string;
  user_id: string;
  party_id: string;
  role: string;
  case_id: string;
  case_party_id: string;
  kind: string;
  purpose: string | null;
}

function toRow(r: Row): AccessLogRow {
  return {
    id: String(r.id), at: toIso(r.at), userId: r.user_id, partyId: r.party_id, role: r.role, caseId: r.case_id,
    caseParty: r.case_party_id, kind: r.kind, purpose: r.purpose,
  };
}

function checkQuery(ctx: RequestContext, query: AccessLogQuery): void {
  if (!ACCESS_LOG_READERS.includes(ctx.role)) throw new ForbiddenError("only admins and auditors read the access log");
  if (query.caseId !== undefined && !isUuid(query.caseId)) throw new ValidationError("caseId", "a case id (UUID)");
  for (const key of ["from", "to"] as const) {
    const v = query[key];
    if (v !== undefined && Number.isNaN(Date.parse(v))) throw new ValidationError(key, "a date and time (ISO 8601)");
  }
}

function filtered(db: Db, ctx: RequestContext, query: AccessLogQuery) {
  let base = db
    .selectFrom("access_log")
    .where((eb) => eb.or([eb("case_party_id", "=", ctx.partyId), eb("party_id", "=", ctx.partyId)]));
  if (query.caseId !== undefined) base = base.where("case_id", "=", query.caseId);
  if (query.partyId !== undefined) base = base.where("party_id", "=", query.partyId);
  if (query.userId !== undefined) base = base.where("user_id", "=", query.userId);
  if (query.from !== undefined) base = base.where("at", ">=", new Date(query.from));
  if (query.to !== undefined) base = base.where("at", "<", new Date(query.to));
  return base;
}

const COLUMNS = ["id", "at", "user_id", "party_id", "role", "case_id", "case_party_id", "kind", "purpose"] as const;

export function createAccessLogRepository(s: StoreInternals, ledger: () => LedgerStore): AccessLogApi {
  async function sealParty(tx: Tx, party: string, before: Date): Promise<number> {
    const last = await tx
      .selectFrom("access_log_digests")
      .select((eb) => eb.fn.max("last_id").as("last"))
      .where("party_id", "=", party)
      .executeTakeFirst();
    const rows = await tx
      .selectFrom("access_log")
      .select(COLUMNS)
      .where("case_party_id", "=", party)
      .where("id", ">", String(last?.last ?? 0))
      .where("at", "<", before)
      .orderBy("id")
      .limit(RUN_MAX)
      .execute();
    if (rows.length === 0) return 0;
    const run = rows.map((r) => toRow(r as Row));
    const payload = { party, from: run[0]!.id, to: run.at(-1)!.id, count: run.length, digest: digestRows(run, nodeSha256) };
    const appended = await ledger().append(tx, {
      id: `access-log:${party}:${payload.to}`,
      type: accessLogDigest.type,
      typeVersion: accessLogDigest.version,
      subject: `access-log:${party}`,
      party,
      time: s.now().toISOString(),
      payload,
    }, { partyId: party });
    await tx.insertInto("access_log_digests").values({
      party_id: party, first_id: payload.from, last_id: payload.to, row_count: payload.count, digest: payload.digest,
      entry_index: String(appended.index), sealed_at: s.now(),
    }).execute();
    return run.length;
  }

  const api: AccessLogApi = {
    async list(ctx, query = {}) {
      checkQuery(ctx, query);
      const limit = clampLimit(query.limit, 100, 1000);
      const offset = checkOffset(query.offset);
      const base = filtered(s.db, ctx, query);
      const [rows, count] = await Promise.all([
        base.select(COLUMNS).orderBy("at", "desc").orderBy("id", "desc").limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<string | number | bigint>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const items: AccessLogEntry[] = rows.map((r) => ({
        id: String(r.id), at: toIso(r.at), userId: r.user_id, partyId: r.party_id, role: r.role, caseId: r.case_id,
        kind: r.kind as AccessLogEntry["kind"], purpose: r.purpose,
      }));
      return { items, total: Number(count.n) };
    },

    async *exportCsv(ctx, query = {}) {
      checkQuery(ctx, query);
      // Everything settled is committed first, so the export can be checked as far as possible.
      await api.seal();
      yield stringify([[...ACCESS_LOG_CSV_COLUMNS]]);
      let after = "0";
      for (;;) {
        const rows = await filtered(s.db, ctx, query).select(COLUMNS).where("id", ">", after).orderBy("id").limit(5000).execute();
        if (rows.length === 0) return;
        yield stringify(rows.map((r) => {
          const row = toRow(r as Row);
          return [row.id, row.at, row.userId, row.partyId, row.role, row.caseId, row.caseParty, row.kind, row.purpose ?? ""];
        }));
        after = String(rows.at(-1)!.id);
      }
    },

    async seal() {
      const before = new Date(s.now().getTime() - SETTLE_MS);
      return s.db.transaction().execute(async (tx) => {
        // One sealer at a time, whichever server process runs it.
        await sqlLock(tx);
        const parties = await tx.selectFrom("access_log").select("case_party_id").distinct().execute();
        let sealed = 0;
        for (const p of parties) {
          for (;;) {
            const n = await sealParty(tx, p.case_party_id, before);
            sealed += n;
            if (n < RUN_MAX) break;
          }
        }
        return sealed;
      });
    },
  };
  return api;
}

async function sqlLock(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SEAL_LOCK})`.execute(tx);
}
