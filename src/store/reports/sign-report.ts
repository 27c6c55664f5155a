import { sql } from "kysely";
import { ConflictError, ForbiddenError, NotFoundError } from "../../domain/index.ts";
import { blindedCaseSubject, reportSigned } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { RequestContext } from "../types.ts";
import { caseOpening, mayWrite, visibleReport } from "./report-rows.ts";
import { callerOnCase, signingRoleFor } from "./signing-role.ts";
import type { ReportsDeps } from "./report-types.ts";

// Signs as the caller's party's verifier (or the mediator, after both verifiers), a signed log entry each.
export async function signReport(deps: ReportsDeps, ctx: RequestContext, id: string): Promise<void> {
  const { db, ledger } = deps;
  const row = await visibleReport(deps, ctx, id);
  if (!row) throw new NotFoundError("report");
  if (!(await mayWrite(deps, ctx, row.case_id))) throw new ForbiddenError("the case is shared with your party to view only: it may not sign its reports");
  const on = await callerOnCase(db, ctx, row.case_id);
  const role = signingRoleFor(on.kind, ctx.role, on.side);
  if (!role) throw new ForbiddenError("only a verifier of an authority working the case from its tracing or holding side, or the mediator, signs reports");
  await db.transaction().execute(async (tx) => {
    const signed = new Set(
      (await sql<{ role: string }>`select role from ledger_report_signatures where report_id = ${id}`.execute(tx)).rows.map((r) => r.role),
    );
    if (signed.has(role)) throw new ConflictError(`the report is already signed as ${role}`);
    if (role === "mediator" && !(signed.has("tracing-verifier") && signed.has("holding-verifier"))) {
      throw new ConflictError("the mediator confirms a report after both verifiers have signed it");
    }
    const { index } = await ledger.append(tx, {
      id: `report:${id}:${role}`,
      type: reportSigned.type,
      typeVersion: reportSigned.version,
      subject: blindedCaseSubject(caseOpening(deps, row.case_id), nodeSha256),
      party: ctx.partyId,
      user: ctx.userId,
      time: deps.now().toISOString(),
      payload: { report: id, reportHash: row.document_hash, role },
    }, { partyId: ctx.partyId, userId: ctx.userId });
    await sql`insert into ledger_report_signatures (report_id, role, party_id, user_id, entry_idx)
      values (${id}, ${role}, ${ctx.partyId}, ${ctx.userId}, ${index})`.execute(tx);
  });
}
