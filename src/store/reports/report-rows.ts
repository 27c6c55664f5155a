import { sql } from "kysely";
import { z } from "zod";
import { verificationCode } from "../../ledger/index.ts";
import type { Db, RequestContext, Tx } from "../types.ts";
import type { ReportDocument, ReportKind, ReportsDeps, ReportView, SigningRole } from "./report-types.ts";

function stageOf(roles: ReadonlySet<string>): ReportView["stage"] {
  if (roles.has("mediator")) return "confirmed";
  if (roles.has("tracing-verifier") && roles.has("holding-verifier")) return "jointly-signed";
  return roles.size > 0 ? "signed" : "drafted";
}

export interface ReportRow {
  id: string;
  case_id: string;
  kind: ReportKind;
  party_id: string;
  language: string;
  sealed_document: Uint8Array;
  document_hash: string;
  entry_idx: string;
}

export const reportAad = (id: string): string => `ledger-report:${id}`;

export const caseOpening = (deps: ReportsDeps, caseId: string) => ({ case: caseId, salt: deps.caseSalt(caseId) });

export async function reportViewOf(deps: ReportsDeps, q: Db | Tx, row: ReportRow): Promise<ReportView> {
  const document = JSON.parse(deps.box.open(new Uint8Array(row.sealed_document), reportAad(row.id))) as ReportDocument;
  const sigs = await sql<{ role: SigningRole; party_id: string; user_id: string; created_at: Date; entry_idx: string }>`
    select role, party_id, user_id, created_at, entry_idx from ledger_report_signatures where report_id = ${row.id} order by entry_idx`.execute(q);
  const signatures = sigs.rows.map((s) => ({
    role: s.role,
    party: s.party_id,
    user: s.user_id,
    at: new Date(s.created_at).toISOString(),
    entryIndex: Number(s.entry_idx),
  }));
  return {
    id: row.id,
    case: row.case_id,
    kind: row.kind,
    language: row.language,
    hash: row.document_hash,
    verificationCode: verificationCode(row.document_hash),
    document,
    draftEntryIndex: Number(row.entry_idx),
    signatures,
    stage: stageOf(new Set(signatures.map((s) => s.role))),
  };
}

/** The report, if the caller's party may see its case (else nothing: existence is sensitive). */
export async function visibleReport(deps: ReportsDeps, ctx: RequestContext, id: string): Promise<ReportRow | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = (await sql<ReportRow>`select * from ledger_reports where id = ${id}`.execute(deps.db)).rows[0];
  if (!row) return null;
  return (await deps.cases.get({ ...ctx, purpose: ctx.purpose ?? "report" }, row.case_id)) ? row : null;
}

/**
 * Drafting and signing are writes: the case's own party, or one it shared the case with to
 * take part ("participate"). A view-only share reads the case but writes nothing about it.
 */
export async function mayWrite(deps: ReportsDeps, ctx: RequestContext, caseId: string): Promise<boolean> {
  const row = (await sql<{ party_id: string; scope: string | null }>`select c.party_id, s.scope from cases c
    left join case_shares s on s.case_id = c.id and s.party_id = ${ctx.partyId} where c.id = ${caseId}`.execute(deps.db)).rows[0];
  return row !== undefined && (row.party_id === ctx.partyId || row.scope === "participate");
}
