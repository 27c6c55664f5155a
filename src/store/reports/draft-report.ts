import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/index.ts";
import { blindedCaseSubject, canonicalJson, caseCommitment, hashCanonical, reportDraftedBlinded } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { RequestContext } from "../types.ts";
import { caseOpening, mayWrite, reportAad, reportViewOf, type ReportRow } from "./report-rows.ts";
import { DraftReportSchema, type DraftReportInput, type ReportDocument, type ReportsDeps, type ReportView } from "./report-types.ts";

/**
 * Drafts a report on a case the caller may write about; its hash is a signed log entry, the
 * document stays sealed here. Returns the existing report's view on a repeated client id, else
 * the new report's id.
 */
export async function draftReport(
  deps: ReportsDeps,
  ctx: RequestContext,
  caseId: string,
  input: DraftReportInput,
  opts: { clientId: string },
): Promise<ReportView | string> {
  const { db, ledger } = deps;
  const parsed = DraftReportSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(issue.path.join(".") || "content", issue.message);
  }
  if (!["caseworker", "verifier", "mediator"].includes(ctx.role)) throw new ForbiddenError("this role may not draft reports");
  if (!(await deps.cases.get({ ...ctx, purpose: ctx.purpose ?? "report" }, caseId))) throw new NotFoundError("case");
  if (!(await mayWrite(deps, ctx, caseId))) throw new ForbiddenError("the case is shared with your party to view only: it may not draft reports on it");
  if (parsed.data.kind === "post-return" && !parsed.data.content.welfareCheck) {
    throw new ValidationError("content.welfareCheck", "a post-return report records the welfare check");
  }
  const existing = (await sql<ReportRow>`select * from ledger_reports where party_id = ${ctx.partyId} and client_id = ${opts.clientId}`.execute(db)).rows[0];
  if (existing) return reportViewOf(deps, db, existing);
  const id = randomUUID();
  const document: ReportDocument = {
    id,
    kind: parsed.data.kind,
    case: caseId,
    language: parsed.data.language,
    drafted: { party: ctx.partyId, at: deps.now().toISOString() },
    content: parsed.data.content,
    nonce: randomBytes(32).toString("hex"),
  };
  const hash = hashCanonical(document, nodeSha256);
  const opening = caseOpening(deps, caseId);
  await db.transaction().execute(async (tx) => {
    const { index } = await ledger.append(tx, {
      id: `report:${id}:drafted`,
      type: reportDraftedBlinded.type,
      typeVersion: reportDraftedBlinded.version,
      // The case by its commitment only (src/ledger/case-commitment.ts): the log is public.
      subject: blindedCaseSubject(opening, nodeSha256),
      party: ctx.partyId,
      time: document.drafted.at,
      payload: { report: id, reportHash: hash, kind: document.kind, case: caseCommitment(opening, nodeSha256) },
    }, { partyId: ctx.partyId });
    await sql`insert into ledger_reports (id, case_id, kind, party_id, client_id, language, sealed_document, document_hash, entry_idx)
      values (${id}, ${caseId}, ${document.kind}, ${ctx.partyId}, ${opts.clientId}, ${document.language},
        ${Buffer.from(deps.box.seal(canonicalJson(document), reportAad(id)))}, ${hash}, ${index})`.execute(tx);
  });
  return id;
}
