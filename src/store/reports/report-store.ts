// Verification reports: drafted by one party, signed by the tracing side's verifier and the
// holding side's verifier (either order), then confirmed by the mediator. Each step is a signed
// log entry naming the report's hash; the document itself (personal data) stays sealed here.
// The lifecycle steps "identity verified", "confirmed by mediator" and "post-return verified"
// are refused until the matching report carries the signatures they need.
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../domain/index.ts";
import type { PreconditionName } from "../../domain/index.ts";
import {
  blindedCaseSubject,
  canonicalJson,
  caseCommitment,
  hashCanonical,
  leafHash,
  REPORT_FORMAT,
  reportDraftedBlinded,
  reportSigned,
  toHex,
  utf8,
  verificationCode,
  type ReportRole,
  type SignedReport,
} from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import type { CasesApi, Db, Precondition, RequestContext, Tx } from "../types.ts";
import { callerOnCase, signingRoleFor } from "./signing-role.ts";

export const REPORT_KINDS = ["identity", "post-return"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const SIGNING_ROLES = ["tracing-verifier", "holding-verifier", "mediator"] as const satisfies readonly ReportRole[];
type SigningRole = (typeof SIGNING_ROLES)[number];

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

const REQUIRED: Record<PreconditionName, { kind: ReportKind; roles: readonly SigningRole[] }> = {
  "joint-verification-report": { kind: "identity", roles: ["tracing-verifier", "holding-verifier"] },
  "mediator-confirmation": { kind: "identity", roles: ["tracing-verifier", "holding-verifier", "mediator"] },
  "post-return-report": { kind: "post-return", roles: ["tracing-verifier", "holding-verifier", "mediator"] },
};

function stageOf(roles: ReadonlySet<string>): ReportView["stage"] {
  if (roles.has("mediator")) return "confirmed";
  if (roles.has("tracing-verifier") && roles.has("holding-verifier")) return "jointly-signed";
  return roles.size > 0 ? "signed" : "drafted";
}

interface ReportRow {
  id: string;
  case_id: string;
  kind: ReportKind;
  party_id: string;
  language: string;
  sealed_document: Uint8Array;
  document_hash: string;
  entry_idx: string;
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

export function createReportsStore(deps: ReportsDeps): ReportsStore {
  const { db, ledger } = deps;
  const store = { cases: deps.cases };
  const aad = (id: string): string => `ledger-report:${id}`;
  const opening = (caseId: string) => ({ case: caseId, salt: deps.caseSalt(caseId) });

  async function viewOf(q: typeof db | Tx, row: ReportRow): Promise<ReportView> {
    const document = JSON.parse(deps.box.open(new Uint8Array(row.sealed_document), aad(row.id))) as ReportDocument;
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
  async function visible(ctx: RequestContext, id: string): Promise<ReportRow | null> {
    if (!z.uuid().safeParse(id).success) return null;
    const row = (await sql<ReportRow>`select * from ledger_reports where id = ${id}`.execute(db)).rows[0];
    if (!row) return null;
    return (await store.cases.get({ ...ctx, purpose: ctx.purpose ?? "report" }, row.case_id)) ? row : null;
  }

  /**
   * Drafting and signing are writes: the case's own party, or one it shared the case with to
   * take part ("participate"). A view-only share reads the case but writes nothing about it.
   */
  async function mayWrite(ctx: RequestContext, caseId: string): Promise<boolean> {
    const row = (await sql<{ party_id: string; scope: string | null }>`select c.party_id, s.scope from cases c
      left join case_shares s on s.case_id = c.id and s.party_id = ${ctx.partyId} where c.id = ${caseId}`.execute(db)).rows[0];
    return row !== undefined && (row.party_id === ctx.partyId || row.scope === "participate");
  }

  const reports: ReportsStore = {
    async draft(ctx, caseId, input, opts) {
      const parsed = DraftReportSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ValidationError(issue.path.join(".") || "content", issue.message);
      }
      if (!["caseworker", "verifier", "mediator"].includes(ctx.role)) throw new ForbiddenError("this role may not draft reports");
      if (!(await store.cases.get({ ...ctx, purpose: ctx.purpose ?? "report" }, caseId))) throw new NotFoundError("case");
      if (!(await mayWrite(ctx, caseId))) throw new ForbiddenError("the case is shared with your party to view only: it may not draft reports on it");
      if (parsed.data.kind === "post-return" && !parsed.data.content.welfareCheck) {
        throw new ValidationError("content.welfareCheck", "a post-return report records the welfare check");
      }
      const existing = (await sql<ReportRow>`select * from ledger_reports where party_id = ${ctx.partyId} and client_id = ${opts.clientId}`.execute(db)).rows[0];
      if (existing) return viewOf(db, existing);
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
      await db.transaction().execute(async (tx) => {
        const { index } = await ledger.append(tx, {
          id: `report:${id}:drafted`,
          type: reportDraftedBlinded.type,
          typeVersion: reportDraftedBlinded.version,
          // The case by its commitment only (src/ledger/case-commitment.ts): the log is public.
          subject: blindedCaseSubject(opening(caseId), nodeSha256),
          party: ctx.partyId,
          time: document.drafted.at,
          payload: { report: id, reportHash: hash, kind: document.kind, case: caseCommitment(opening(caseId), nodeSha256) },
        }, { partyId: ctx.partyId });
        await sql`insert into ledger_reports (id, case_id, kind, party_id, client_id, language, sealed_document, document_hash, entry_idx)
          values (${id}, ${caseId}, ${document.kind}, ${ctx.partyId}, ${opts.clientId}, ${document.language},
            ${Buffer.from(deps.box.seal(canonicalJson(document), aad(id)))}, ${hash}, ${index})`.execute(tx);
      });
      return (await reports.get(ctx, id))!;
    },

    async get(ctx, id) {
      const row = await visible(ctx, id);
      return row ? viewOf(db, row) : null;
    },

    async list(ctx, caseId) {
      if (!(await store.cases.get({ ...ctx, purpose: ctx.purpose ?? "report" }, caseId))) throw new NotFoundError("case");
      const rows = await sql<ReportRow>`select * from ledger_reports where case_id = ${caseId} order by created_at, id`.execute(db);
      return Promise.all(rows.rows.map((r) => viewOf(db, r)));
    },

    async sign(ctx, id) {
      const row = await visible(ctx, id);
      if (!row) throw new NotFoundError("report");
      if (!(await mayWrite(ctx, row.case_id))) throw new ForbiddenError("the case is shared with your party to view only: it may not sign its reports");
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
          subject: blindedCaseSubject(opening(row.case_id), nodeSha256),
          party: ctx.partyId,
          user: ctx.userId,
          time: deps.now().toISOString(),
          payload: { report: id, reportHash: row.document_hash, role },
        }, { partyId: ctx.partyId, userId: ctx.userId });
        await sql`insert into ledger_report_signatures (report_id, role, party_id, user_id, entry_idx)
          values (${id}, ${role}, ${ctx.partyId}, ${ctx.userId}, ${index})`.execute(tx);
      });
      return (await reports.get(ctx, id))!;
    },

    async signed(ctx, id) {
      const view = await reports.get(ctx, id);
      if (!view) throw new NotFoundError("report");
      if (view.signatures.length === 0) throw new ConflictError("the report has no signatures yet");
      const last = Math.max(...view.signatures.map((s) => s.entryIndex));
      let cp = await ledger.latestCheckpoint();
      if (!cp || cp.checkpoint.size <= last) {
        const parties = (await sql<{ party_id: string }>`select distinct party_id from ledger_keys
          where user_id is null and retired_at is null order by party_id`.execute(db)).rows.map((r) => r.party_id);
        cp = await ledger.checkpoint(parties);
      }
      const size = cp.checkpoint.size;
      const signatures: SignedReport["signatures"] = [];
      for (const s of view.signatures) {
        const entry = (await ledger.entry(s.entryIndex))!;
        const proof = await ledger.inclusionProof(s.entryIndex, size);
        if (proof.leafHash !== toHex(leafHash(utf8(canonicalJson(entry)), nodeSha256))) throw new Error(`log entry ${s.entryIndex} does not match its leaf`);
        signatures.push({ entry, proof: proof.proof });
      }
      const needed = new Set([...signatures.flatMap((s) => s.entry.sigs.map((x) => x.key)), ...cp.sigs.map((x) => x.key)]);
      const keys = (await ledger.keys()).filter((k) => needed.has(k.id)).map(({ anchor: _a, retired: _r, ...k }) => k);
      return {
        kind: "signed-report",
        format: REPORT_FORMAT,
        log: await ledger.logId(),
        id,
        report: view.document as unknown as Record<string, unknown>,
        signatures,
        checkpoint: cp,
        keys,
      };
    },
  };

  return reports;
}

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
