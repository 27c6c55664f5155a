import { z } from "zod";
import type { ReportRole, SignedReport } from "../../ledger/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { CasesApi, Db, RequestContext } from "../types.ts";

export const REPORT_KINDS = ["identity", "post-return"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const SIGNING_ROLES = ["tracing-verifier", "holding-verifier", "mediator"] as const satisfies readonly ReportRole[];
export type SigningRole = (typeof SIGNING_ROLES)[number];

const section = z.string().trim().min(1).max(20_000);
export const ReportContentSchema = z.strictObject({
  /** Which records and which match decision establish who the child is. */
  identityEvidence: section,
  familyEvidence: section.optional(),
  /** The child's own views and consent, or the adult's own decision. */
  viewsAndConsent: section.optional(),
  separation: section.optional(),
  /** A reference only: health details reach only those the consent names. */
  healthOverviewRef: z.string().trim().min(1).max(2000).optional(),
  /** The welfare check, for the post-return report. */
  welfareCheck: section.optional(),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

export const DraftReportSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag, e.g. uk, ru, en").default("en"),
  content: ReportContentSchema,
});
export type DraftReportInput = z.input<typeof DraftReportSchema>;

/** What is hashed and signed: the document with a random nonce, so its hash reveals nothing. */
export interface ReportDocument {
  id: string;
  kind: ReportKind;
  case: string;
  language: string;
  drafted: { party: string; at: string };
  content: ReportContent;
  nonce: string;
}

export interface ReportSignature {
  role: SigningRole;
  party: string;
  user: string;
  at: string;
  entryIndex: number;
}

export interface ReportView {
  id: string;
  case: string;
  kind: ReportKind;
  language: string;
  hash: string;
  verificationCode: string;
  document: ReportDocument;
  draftEntryIndex: number;
  signatures: ReportSignature[];
  /** drafted → signed (by one verifier) → jointly-signed (both) → confirmed (mediator). */
  stage: "drafted" | "signed" | "jointly-signed" | "confirmed";
}

export interface ReportsStore {
  draft(ctx: RequestContext, caseId: string, input: DraftReportInput, opts: { clientId: string }): Promise<ReportView>;
  get(ctx: RequestContext, id: string): Promise<ReportView | null>;
  list(ctx: RequestContext, caseId: string): Promise<ReportView[]>;
  /** Signs as the caller's party's verifier (or the mediator), whichever role the caller holds. */
  sign(ctx: RequestContext, id: string): Promise<ReportView>;
  /** The self-contained file `homeward report verify` checks. */
  signed(ctx: RequestContext, id: string): Promise<SignedReport>;
}

export interface ReportsDeps {
  db: Db;
  box: SealedBox;
  caseSalt: (caseId: string) => string;
  now: () => Date;
  // Reports are signed documents in the log.
  ledger: LedgerStore;
  // A report is seen only by those who may see its case.
  cases: CasesApi;
}

