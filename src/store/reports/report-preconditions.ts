import { sql } from "kysely";
import type { PreconditionName } from "../../domain/index.ts";
import type { Precondition } from "../types.ts";
import type { ReportKind, SigningRole } from "./report-types.ts";

const REQUIRED: Record<PreconditionName, { kind: ReportKind; roles: readonly SigningRole[] }> = {
  "joint-verification-report": { kind: "identity", roles: ["tracing-verifier", "holding-verifier"] },
  "mediator-confirmation": { kind: "identity", roles: ["tracing-verifier", "holding-verifier", "mediator"] },
  "post-return-report": { kind: "post-return", roles: ["tracing-verifier", "holding-verifier", "mediator"] },
};

/**
 * Makes the steps "identity verified", "confirmed by mediator" and "post-return verified" wait
 * for the signed reports they stand on. openStore registers them when asked to
 * (`signedReportsRequired`): a registry without reports (its own tests, a demo seed that does
 * not draft reports) walks the lifecycle without them.
 */
export function signedReportPreconditions(): [PreconditionName, Precondition][] {
  return (Object.entries(REQUIRED) as [PreconditionName, (typeof REQUIRED)[PreconditionName]][]).map(([name, rule]): [PreconditionName, Precondition] => [
    name,
    async (tx, { caseId, action }) => {
      const ref = "reportRef" in action ? action.reportRef : undefined;
      const rows = await sql<{ id: string; roles: string[] | null }>`select r.id, array_agg(s.role) as roles
        from ledger_reports r left join ledger_report_signatures s on s.report_id = r.id
        where r.case_id = ${caseId} and r.kind = ${rule.kind} group by r.id`.execute(tx);
      const candidates = rows.rows.filter((r) => ref === undefined || r.id === ref);
      const complete = candidates.some((r) => rule.roles.every((role) => (r.roles ?? []).includes(role)));
      if (complete) return null;
      const what = ref === undefined ? `an ${rule.kind} report of this case` : `report ${ref}`;
      return `${what} signed as ${rule.roles.join(", ")}`;
    },
  ]);
}
