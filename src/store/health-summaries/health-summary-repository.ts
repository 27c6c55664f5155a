import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import {
  ForbiddenError, HealthConsentSchema, healthConsentPermits, HealthSummarySchema, NotFoundError,
  type HealthConsent, type HealthPurpose, type HealthSummary, type Role,
} from "../../domain/index.ts";
import { blindedCaseSubject, canonicalJson, caseCommitment, hashCanonical, healthConsentRecorded, healthSummaryRecorded, healthSummaryReleased } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import { isUuid } from "../errors-util.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { Database, RequestContext, Tx } from "../types.ts";
import type { HealthSummariesApi } from "./health-summary-types.ts";

// Health summaries and their release consents: sealed at rest, one version per change, each
// change and each release a signed entry. The consent is evaluated here, against the store's
// clock, on every read by another party than the custodian.

type Db = Kysely<Database>;
const WRITERS: readonly Role[] = ["caseworker", "verifier"];
const READERS: readonly Role[] = ["caseworker", "verifier", "mediator"];
const aad = (table: "summary" | "consent", caseId: string, version: number) => `homeward:health-${table}:${caseId}:${version}`;

interface Sealed { version: number; sealed: Uint8Array; hash: string; recorded_at: Date | string }

export function createHealthSummaryRepository(s: StoreInternals, deps: { ledger: LedgerStore }): HealthSummariesApi {
  const db = s.db as unknown as Db;
  const opening = (caseId: string) => ({ case: caseId, salt: s.caseSalt(caseId) });
  const commitment = (caseId: string) => caseCommitment(opening(caseId), nodeSha256);

  // The case's owner, and whether the caller's party is it or has the case shared with it.
  async function relation(ctx: RequestContext, caseId: string, q: Db | Tx = db): Promise<{ custodian: string; own: boolean }> {
    if (!isUuid(caseId)) throw new NotFoundError("no such case");
    const row = (await sql<{ party_id: string; shared: boolean }>`select c.party_id,
        exists (select 1 from case_shares s where s.case_id = c.id and s.party_id = ${ctx.partyId}) as shared
      from cases c where c.id = ${caseId}`.execute(q)).rows[0];
    if (!row || (row.party_id !== ctx.partyId && !row.shared)) throw new NotFoundError("no such case");
    return { custodian: row.party_id, own: row.party_id === ctx.partyId };
  }

  async function latest(q: Db | Tx, table: "health_summaries" | "health_consents", caseId: string): Promise<Sealed | undefined> {
    const hashColumn = table === "health_summaries" ? sql.ref("summary_hash") : sql.ref("consent_hash");
    return (await sql<Sealed>`select version, sealed, ${hashColumn} as hash, recorded_at from ${sql.table(table)}
      where case_id = ${caseId} order by version desc limit 1`.execute(q)).rows[0];
  }

  const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
  const openConsent = (caseId: string, r: Sealed): HealthConsent => HealthConsentSchema.parse(JSON.parse(s.box.open(r.sealed, aad("consent", caseId, r.version))));

  async function writeConsent(ctx: RequestContext, caseId: string, make: (current: HealthConsent | null) => HealthConsent) {
    if (!WRITERS.includes(ctx.role)) throw new ForbiddenError("only the custodian's caseworkers and verifiers record consents");
    return db.transaction().execute(async (tx) => {
      const rel = await relation(ctx, caseId, tx);
      if (!rel.own) throw new ForbiddenError("only the party holding the child's record records the consent to release its health summary");
      await sql`select id from cases where id = ${caseId} for update`.execute(tx);
      const current = await latest(tx, "health_consents", caseId);
      const consent = HealthConsentSchema.parse(make(current ? openConsent(caseId, current) : null));
      const hash = hashCanonical(consent, nodeSha256);
      if (current && current.hash === hash) return { version: current.version, changed: false };
      const version = (current?.version ?? 0) + 1;
      const { index } = await deps.ledger.append(tx, {
        id: `health-consent:${commitment(caseId)}:${version}`,
        type: healthConsentRecorded.type, typeVersion: healthConsentRecorded.version,
        subject: blindedCaseSubject(opening(caseId), nodeSha256), party: ctx.partyId, time: s.now().toISOString(),
        payload: { case: commitment(caseId), version, consentHash: hash, status: consent.status },
      }, { partyId: ctx.partyId });
      await sql`insert into health_consents (case_id, version, party_id, sealed, consent_hash, entry_idx, recorded_at)
        values (${caseId}, ${version}, ${ctx.partyId}, ${Buffer.from(s.box.seal(canonicalJson(consent), aad("consent", caseId, version)))}, ${hash}, ${index}, ${s.now()})`.execute(tx);
      return { version, changed: true };
    });
  }

  return {
    async put(ctx, caseId, input) {
      if (!WRITERS.includes(ctx.role)) throw new ForbiddenError("only the custodian's caseworkers and verifiers record health summaries");
      const summary: HealthSummary = HealthSummarySchema.parse(input);
      return db.transaction().execute(async (tx) => {
        const rel = await relation(ctx, caseId, tx);
        if (!rel.own) throw new ForbiddenError("only the party holding the child's record records its health summary");
        await sql`select id from cases where id = ${caseId} for update`.execute(tx);
        const current = await latest(tx, "health_summaries", caseId);
        const hash = hashCanonical(summary, nodeSha256);
        if (current && current.hash === hash) return { version: current.version, changed: false };
        const version = (current?.version ?? 0) + 1;
        const { index } = await deps.ledger.append(tx, {
          id: `health-summary:${commitment(caseId)}:${version}`,
          type: healthSummaryRecorded.type, typeVersion: healthSummaryRecorded.version,
          subject: blindedCaseSubject(opening(caseId), nodeSha256), party: ctx.partyId, time: s.now().toISOString(),
          payload: { case: commitment(caseId), version, summaryHash: hash },
        }, { partyId: ctx.partyId });
        await sql`insert into health_summaries (case_id, version, party_id, sealed, summary_hash, entry_idx, recorded_at)
          values (${caseId}, ${version}, ${ctx.partyId}, ${Buffer.from(s.box.seal(canonicalJson(summary), aad("summary", caseId, version)))}, ${hash}, ${index}, ${s.now()})`.execute(tx);
        return { version, changed: true };
      });
    },

    async release(ctx, caseId, purpose: HealthPurpose) {
      if (!READERS.includes(ctx.role)) throw new ForbiddenError("health summaries are released to caseworkers, verifiers and mediators only");
      return db.transaction().execute(async (tx) => {
        const rel = await relation(ctx, caseId, tx);
        const row = await latest(tx, "health_summaries", caseId);
        if (!row) throw new NotFoundError("no health summary is recorded for this case");
        const now = s.now();
        let entryIndex: number | null = null;
        if (!rel.own) {
          const consentRow = await latest(tx, "health_consents", caseId);
          const decision = healthConsentPermits(consentRow ? openConsent(caseId, consentRow) : null, { party: ctx.partyId, purpose, now });
          if (!decision.permit) throw new ForbiddenError(decision.reason);
          const release = randomUUID();
          // The custodian's key signs: the registry releases on its behalf, under its consent.
          ({ index: entryIndex } = await deps.ledger.append(tx, {
            id: `health-release:${release}`,
            type: healthSummaryReleased.type, typeVersion: healthSummaryReleased.version,
            subject: blindedCaseSubject(opening(caseId), nodeSha256), party: rel.custodian, time: now.toISOString(),
            payload: { case: commitment(caseId), release, summaryVersion: row.version, summaryHash: row.hash, consentVersion: consentRow!.version, recipient: ctx.partyId, purpose },
          }, { partyId: rel.custodian }));
          await sql`insert into health_releases (id, case_id, summary_version, consent_version, recipient_party_id, user_id, purpose, entry_idx, released_at)
            values (${release}, ${caseId}, ${row.version}, ${consentRow!.version}, ${ctx.partyId}, ${ctx.userId}, ${purpose}, ${entryIndex}, ${now})`.execute(tx);
        }
        await tx.insertInto("access_log").values({
          at: now, user_id: ctx.userId, party_id: ctx.partyId, role: ctx.role, case_id: caseId, case_party_id: rel.custodian,
          kind: "read", purpose: `health-summary:${purpose}`,
        }).execute();
        const summary = HealthSummarySchema.parse(JSON.parse(s.box.open(row.sealed, aad("summary", caseId, row.version))));
        return { summary, version: row.version, recordedAt: iso(row.recorded_at), custodian: rel.custodian, entryIndex };
      });
    },

    putConsent: (ctx, caseId, consent) => writeConsent(ctx, caseId, () => consent),

    async getConsent(ctx, caseId) {
      const rel = await relation(ctx, caseId);
      if (!rel.own) throw new NotFoundError("no consent is recorded for this case");
      const row = await latest(db, "health_consents", caseId);
      return row ? { consent: openConsent(caseId, row), version: row.version, recordedAt: iso(row.recorded_at) } : null;
    },

    withdrawConsent: (ctx, caseId) =>
      writeConsent(ctx, caseId, (current) => {
        if (current === null) throw new NotFoundError("no consent is recorded for this case");
        return { ...current, status: "inactive" };
      }),
  };
}
