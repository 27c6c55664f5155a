// Whether a child may join (or stay in) a return batch, and if not, the first step missing.
// Read inside the store from the case's full state: the verdict names a step, never a detail.
import { sql } from "kysely";
import type { CaseState } from "../../domain/index.ts";
import { caseConsent, ConflictError } from "../../domain/index.ts";
import { mergeState, openSensitive, readSummary } from "../cases/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { AtRest } from "../at-rest.ts";
import type { Db, Tx } from "../types.ts";

export const MISSING_STEPS = [
  "parties",
  "child-refused",
  "identity-report",
  "tracing-verifier-signature",
  "holding-verifier-signature",
  "mediator-confirmation",
  "return-consent",
  "lifecycle",
] as const;
export type MissingStep = (typeof MISSING_STEPS)[number];

// A step of the channel the case (or batch) has not taken yet: answered 409, naming it.
export class BatchStepError extends ConflictError {
  readonly missingStep: MissingStep | "handovers" | "children" | "status";
  readonly caseId: string | undefined;
  constructor(missingStep: BatchStepError["missingStep"], message: string, caseId?: string) {
    super(message);
    this.missingStep = missingStep;
    this.caseId = caseId;
  }
}

export interface Readiness {
  missingStep: MissingStep;
  detail: string;
}

export interface CaseFacts {
  state: CaseState;
  ownerPartyId: string;
  participants: string[];
  // The other party's case for the same child (linked once both accepted the match): a refusal
  // recorded there counts as much as one recorded here.
  linked?: CaseState;
}

export async function loadCaseFacts(db: Db | Tx, keys: { box: SealedBox; atRest: AtRest }, caseId: string): Promise<CaseFacts | null> {
  const row = await db.selectFrom("cases").select(["id", "party_id", "summary", "sensitive"]).where("id", "=", caseId).executeTakeFirst();
  if (!row) return null;
  const shares = await db.selectFrom("case_shares").select(["party_id", "scope"]).where("case_id", "=", caseId).execute();
  const state = mergeState(readSummary(keys.atRest, row.id, row.summary), openSensitive(keys.box, row.id, row.sensitive));
  const facts: CaseFacts = { state, ownerPartyId: row.party_id, participants: shares.filter((s) => s.scope === "participate").map((s) => s.party_id) };
  if (state.linkedCase !== undefined) {
    const other = await db.selectFrom("cases").select(["id", "summary", "sensitive"]).where("id", "=", state.linkedCase).executeTakeFirst();
    if (other) facts.linked = mergeState(readSummary(keys.atRest, other.id, other.summary), openSensitive(keys.box, other.id, other.sensitive));
  }
  return facts;
}

function refusalOf(facts: CaseFacts): string | null {
  const here = refusal(facts.state);
  if (here) return here;
  const there = facts.linked ? refusal(facts.linked) : null;
  return there ? `on the other party's case for the same child: ${there}` : null;
}

// The child's own or the guardian's recorded "no" to return.
export function refusal(state: CaseState): string | null {
  if (state.status.startsWith("declined-by-")) return `the case was closed as ${state.status}`;
  if (state.views?.stance === "refuses-return") return "the child's recorded view is a refusal to return";
  return null;
}

async function reportStep(db: Db | Tx, caseId: string): Promise<Readiness | null> {
  const rows = await sql<{ roles: string[] | null }>`select array_agg(s.role) as roles
    from ledger_reports r left join ledger_report_signatures s on s.report_id = r.id
    where r.case_id = ${caseId} and r.kind = 'identity' group by r.id`.execute(db);
  if (rows.rows.length === 0) return { missingStep: "identity-report", detail: "no identity verification report has been drafted for this case" };
  const sets = rows.rows.map((r) => new Set(r.roles ?? []));
  if (sets.some((s) => s.has("tracing-verifier") && s.has("holding-verifier") && s.has("mediator"))) return null;
  if (!sets.some((s) => s.has("tracing-verifier"))) {
    return { missingStep: "tracing-verifier-signature", detail: "the identity report is not signed by the tracing side's verifier" };
  }
  if (!sets.some((s) => s.has("tracing-verifier") && s.has("holding-verifier"))) {
    return { missingStep: "holding-verifier-signature", detail: "the identity report is not signed by the holding side's verifier" };
  }
  return { missingStep: "mediator-confirmation", detail: "the identity report signed by both verifiers is not confirmed by the mediator" };
}

// Null when the case may join a batch between `from` and `to` at `now`.
export async function readinessFor(db: Db | Tx, facts: CaseFacts, batch: { from: string; to: string }, now: Date): Promise<Readiness | null> {
  const sides = [facts.ownerPartyId, ...facts.participants];
  if (!sides.includes(batch.from) || !sides.includes(batch.to) || ![batch.from, batch.to].includes(facts.ownerPartyId)) {
    return { missingStep: "parties", detail: "the case is not worked by both parties of the batch (owned by one, shared to participate with the other)" };
  }
  const refused = refusalOf(facts);
  if (refused) return { missingStep: "child-refused", detail: refused };
  const report = await reportStep(db, facts.state.id);
  if (report) return report;
  const consent = caseConsent(facts.state, { purpose: "return", at: now });
  if (!consent.allowed) return { missingStep: "return-consent", detail: `return: ${consent.message}` };
  return null;
}

// Stay-in-batch check for later steps: refusal and consent are read again, at once.
export function stillWilling(facts: CaseFacts, now: Date): Readiness | null {
  const refused = refusalOf(facts);
  if (refused) return { missingStep: "child-refused", detail: refused };
  const consent = caseConsent(facts.state, { purpose: "return", at: now });
  if (!consent.allowed) return { missingStep: "return-consent", detail: `return: ${consent.message}` };
  return null;
}
