import type { HealthConsent, HealthPurpose, HealthSummary } from "../../domain/index.ts";
import type { RequestContext } from "../types.ts";

export interface HealthSummaryRelease {
  summary: HealthSummary;
  version: number;
  recordedAt: string;
  // The party holding the child's record, who releases it.
  custodian: string;
  // The signed entry of this release (null when the custodian reads its own record).
  entryIndex: number | null;
}

export interface RecordedConsent {
  consent: HealthConsent;
  version: number;
  recordedAt: string;
}

export interface HealthSummariesApi {
  // The party holding the case records its summary (a new version, a signed entry holding its
  // hash); the same summary again changes nothing. ForbiddenError for others, NotFoundError
  // when the case is not visible to the caller.
  put(ctx: RequestContext, caseId: string, summary: HealthSummary): Promise<{ version: number; changed: boolean }>;
  // The summary for this purpose: to the custodian always; to another party only while the
  // latest consent names it and the purpose and is in force. Every release is a signed entry
  // and an access-log row. NotFoundError when the case is not visible or has no summary;
  // ForbiddenError (with the reason) when the consent does not permit.
  release(ctx: RequestContext, caseId: string, purpose: HealthPurpose): Promise<HealthSummaryRelease>;
  // The custodian records the consent (a new version, a signed entry holding its hash).
  putConsent(ctx: RequestContext, caseId: string, consent: HealthConsent): Promise<{ version: number; changed: boolean }>;
  // The latest consent, to the custodian only (null when none is recorded).
  getConsent(ctx: RequestContext, caseId: string): Promise<RecordedConsent | null>;
  // Records the latest consent as withdrawn (inactive); nothing is released under it after.
  withdrawConsent(ctx: RequestContext, caseId: string): Promise<{ version: number; changed: boolean }>;
}
