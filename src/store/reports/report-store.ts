// Verification reports: drafted by one party, signed by the tracing side's verifier and the
// holding side's verifier (either order), then confirmed by the mediator. Each step is a signed
// log entry naming the report's hash; the document itself (personal data) stays sealed here.
// The lifecycle steps "identity verified", "confirmed by mediator" and "post-return verified"
// are refused until the matching report carries the signatures they need (report-preconditions.ts).
import { sql } from "kysely";
import { NotFoundError } from "../../domain/index.ts";
import { draftReport } from "./draft-report.ts";
import { reportViewOf, visibleReport, type ReportRow } from "./report-rows.ts";
import type { ReportsDeps, ReportsStore } from "./report-types.ts";
import { signReport } from "./sign-report.ts";
import { signedReport } from "./signed-report.ts";

export function createReportsStore(deps: ReportsDeps): ReportsStore {
  const { db } = deps;
  const reports: ReportsStore = {
    async draft(ctx, caseId, input, opts) {
      const drafted = await draftReport(deps, ctx, caseId, input, opts);
      return typeof drafted === "string" ? (await reports.get(ctx, drafted))! : drafted;
    },
    async get(ctx, id) {
      const row = await visibleReport(deps, ctx, id);
      return row ? reportViewOf(deps, db, row) : null;
    },
    async list(ctx, caseId) {
      if (!(await deps.cases.get({ ...ctx, purpose: ctx.purpose ?? "report" }, caseId))) throw new NotFoundError("case");
      const rows = await sql<ReportRow>`select * from ledger_reports where case_id = ${caseId} order by created_at, id`.execute(db);
      return Promise.all(rows.rows.map((r) => reportViewOf(deps, db, r)));
    },
    async sign(ctx, id) {
      await signReport(deps, ctx, id);
      return (await reports.get(ctx, id))!;
    },
    async signed(ctx, id) {
      const view = await reports.get(ctx, id);
      if (!view) throw new NotFoundError("report");
      return signedReport(deps, id, view);
    },
  };
  return reports;
}
