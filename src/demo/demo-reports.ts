// Demo histories for the signed log: before a demo case is verified (before or after return),
// its verification report is drafted, signed by both sides' verifiers and confirmed by the
// mediator, as the real workflow requires.
import { ConflictError } from "../domain/index.ts";
import type { ActionType } from "../domain/index.ts";
import type { ReportKind } from "../store/reports/index.ts";
import type { RequestContext, Store } from "../store/index.ts";

const REPORT_BEFORE: Partial<Record<ActionType, ReportKind>> = {
  "verify-identity": "identity",
  "verify-post-return": "post-return",
};

const SIGNERS = ["tracing-verifier", "holding-verifier", "mediator"] as const;

async function contextOf(store: Store, username: string): Promise<RequestContext | null> {
  const user = await store.users.findByUsername(username);
  return user && !user.disabled ? { partyId: user.partyId, userId: user.id, role: user.role, purpose: "demo-seed" } : null;
}

/**
 * Drafts and signs the report a step needs; idempotent (fixed client ids, repeated signatures ignored).
 * `identityEvidence` names the agreed match decision where the demo made one.
 */
export async function seedDemoReport(
  store: Store, step: ActionType, caseId: string, clientId: string, drafter: RequestContext, identityEvidence?: string,
): Promise<void> {
  const kind = REPORT_BEFORE[step];
  if (!kind) return;
  const reports = store.reports;
  const report = await reports.draft(drafter, caseId, {
    kind,
    language: "en",
    content: {
      identityEvidence: identityEvidence ?? "Synthetic demo: the registered record and the disclosed record agree on names, date and place of birth.",
      viewsAndConsent: "Synthetic demo: the child's views were heard; consent recorded on the case.",
      ...(kind === "post-return" ? { welfareCheck: "Synthetic demo: welfare check after return found the child safe with the family." } : {}),
    },
  }, { clientId: `${clientId}/report-${kind}` });
  for (const username of SIGNERS) {
    const ctx = await contextOf(store, username);
    if (!ctx || report.signatures.some((s) => s.role === username)) continue;
    // A side that may not see the case (an NGO's case is shared with one authority only) cannot sign.
    if (!(await store.cases.get(ctx, caseId))) continue;
    await reports.sign(ctx, report.id).catch((e: unknown) => {
      if (!(e instanceof ConflictError)) throw e;
    });
  }
}
