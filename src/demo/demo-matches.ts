// Demo histories of the review queue: a few identity matches agreed by both parties (each writes
// a note on both cases, and so a signed log entry), and a sibling proposed in a child's place and
// rejected with a reason. Which pairs are one child comes from the generator's own ground truth
// (a holding record's `sameChildAs`), never from the score.
import type { MatchCandidate } from "../store/matching/index.ts";
import type { CaseStatus } from "../domain/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import type { DemoCase } from "./generate-demo-cases.ts";

export interface SeededCase {
  readonly demo: DemoCase;
  readonly id: string;
}

// Identity is agreed before it is verified: cases that got as far as being located.
const AGREED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  "located", "identity-verified", "confirmed-by-mediator", "scheduled", "reunited", "post-return-verified", "closed",
]);
const AGREEMENTS = 15;
const REJECTIONS = 2;
const SIBLING_REASON = "Not this child: the record is of a sibling from the same family (another given name).";
const OTHER_FAMILY_REASON = "Not this child: the record is of a child of another family (mother and birth details differ).";

/**
 * Matches the seeded cases and records the demo decisions; returns, per case id, the identity
 * evidence its verification report cites. Idempotent: once decisions exist, matching is not run
 * again and repeated decisions are replays.
 */
export async function seedDemoMatches(
  store: Store,
  seeded: readonly SeededCase[],
  deciders: { tracing: RequestContext; holding: RequestContext },
): Promise<Map<string, string>> {
  const matching = store.matching;
  // Read through the review queue as the tracing side's caseworker sees it (reads are logged as
  // any other): every candidate of the tracing authority's cases.
  const reader = { ...deciders.tracing, purpose: "demo-seed" };
  const listed = async (): Promise<MatchCandidate[]> => {
    const out: MatchCandidate[] = [];
    for (;;) {
      const page = await matching.list(reader, { limit: 500, offset: out.length });
      out.push(...page.items);
      if (page.items.length === 0 || out.length >= page.total) return out;
    }
  };
  // Decisions are made once: a later run (matching may since have proposed more) only reads them back.
  const fresh = !(await listed()).some((c) => c.decisions.tracing !== null || c.decisions.holding !== null);
  if (fresh) {
    await matching.enqueueStale();
    await matching.runPending();
  }

  const byId = new Map(seeded.map((s, order) => [s.id, { demo: s.demo, order }]));
  const rows = (await listed()).map((c) => ({
    id: c.id,
    status: c.status,
    tracing_case_id: c.tracing.caseId,
    holding_case_id: c.holding.caseId,
    tracing_party_id: deciders.tracing.partyId,
    holding_party_id: deciders.holding.partyId,
  }));
  const pairs = rows
    .flatMap((row) => {
      const t = byId.get(row.tracing_case_id);
      const h = byId.get(row.holding_case_id);
      return t && h ? [{ row, t, h }] : [];
    })
    .sort((a, b) => a.t.order - b.t.order || a.h.order - b.h.order);

  if (!fresh) return evidenceOf(pairs.filter((p) => p.row.status === "agreed").map((p) => p.row));

  const sameChild = pairs.filter((p) => p.h.demo.sameChildAs === p.t.demo.clientId && AGREED_STATUSES.has(p.t.demo.status) && p.row.status === "pending");
  const agreed = sameChild.slice(0, AGREEMENTS);
  for (const { row } of agreed) {
    await matching.decide(deciders.tracing, row.id, { decision: "accept" });
    await matching.decide(deciders.holding, row.id, { decision: "accept" });
  }

  // A sibling competing with an agreed child is the case the engine flags for people to decide;
  // failing a sibling, any candidate from another family.
  const agreedTracing = new Set(agreed.map((p) => p.row.tracing_case_id));
  const wrong = pairs
    .filter((p) => p.h.demo.sameChildAs !== p.t.demo.clientId && p.row.status === "pending")
    .map((p) => ({ ...p, sibling: p.t.demo.familyKey === p.h.demo.familyKey }))
    .sort((a, b) => Number(b.sibling) - Number(a.sibling) || Number(agreedTracing.has(b.row.tracing_case_id)) - Number(agreedTracing.has(a.row.tracing_case_id)));
  for (const { row, sibling } of wrong.slice(0, REJECTIONS)) {
    await matching.decide(deciders.tracing, row.id, { decision: "reject", reason: sibling ? SIBLING_REASON : OTHER_FAMILY_REASON });
  }

  return evidenceOf(agreed.map((p) => p.row));
}

interface CandidateRow {
  readonly id: string;
  readonly tracing_case_id: string;
  readonly holding_case_id: string;
  readonly tracing_party_id: string;
  readonly holding_party_id: string;
}

function evidenceOf(rows: readonly CandidateRow[]): Map<string, string> {
  const evidence = new Map<string, string>();
  for (const row of rows) {
    const text =
      `Match candidate ${row.id}, accepted by both parties: ${row.tracing_party_id}'s case ${row.tracing_case_id} and ` +
      `${row.holding_party_id}'s case ${row.holding_case_id} are one child (synthetic demo records agreeing on names, date and place of birth).`;
    evidence.set(row.tracing_case_id, text);
    evidence.set(row.holding_case_id, text);
  }
  return evidence;
}
