import type { PartyKind, Role } from "../../domain/index.ts";
import { ConflictError, ForbiddenError, mayEnterCrossPartyMatching, NotFoundError, ValidationError } from "../../domain/index.ts";
import type { MatchCodec } from "./match-codec.ts";
import { checkOffset, clampLimit, isUuid, toIso } from "../errors-util.ts";
import type { MDb, MTx } from "./match-engine.ts";
import { verificationFields, sideOf, type VerificationFields } from "./match-records.ts";
import type { CandidateStatus, Decision, MatchCandidatesTable, SetFlag } from "./match-schema.ts";
import type { RequestContext } from "../types.ts";
import type { Selectable } from "kysely";

// The review queue: what each party may see of the candidates and how it decides on them.
// Access is decided here, in the data layer, from the request context.

// "awaiting-you": pending, and the caller's party has not decided yet.
export type QueueFilter = "pending" | "awaiting-you" | "agreed" | "rejected" | "decided";
export const QUEUE_FILTERS: readonly QueueFilter[] = ["pending", "awaiting-you", "agreed", "rejected", "decided"];

export interface FieldExplanation {
  field: string;
  label: string;
  left: string;
  right: string;
  level: string;
  weight: number;
}

export interface SideDecision {
  decision: Decision;
  at: string;
  // Only the deciding party sees its own reason.
  reason?: string;
}

export interface MatchCandidate {
  id: string;
  status: CandidateStatus;
  probability: number;
  weight: number;
  // Several candidates compete for one of the two records: review them as a set, never one alone.
  flag: SetFlag | null;
  // Which side the caller decides for; null for the mediator.
  yourSide: "tracing" | "holding" | null;
  decisions: { tracing: SideDecision | null; holding: SideDecision | null };
  // Each record as verification needs it: never contact details, notes, health or views.
  tracing: VerificationFields;
  holding: VerificationFields;
  // Field by field: "left" is the tracing record, "right" the holding record.
  explanation: { text: string; fields: FieldExplanation[] };
  createdAt: string;
  updatedAt: string;
}

export interface MatchGroup {
  flag: SetFlag;
  // The other candidates competing for the same record (only those the caller may see).
  members: MatchCandidate[];
}

// A party decides for the side its case takes in a candidate (which side is a property of the
// case, not of the party: a party may hold one child and trace another).
export interface Viewer {
  ctx: RequestContext;
  kind: PartyKind;
  mode: "party" | "mediator";
}

type Row = Selectable<MatchCandidatesTable>;

const DECIDERS: readonly Role[] = ["caseworker", "verifier"];

export async function viewerOf(db: MDb | MTx, ctx: RequestContext): Promise<Viewer> {
  const party = await db.selectFrom("parties").select("kind").where("id", "=", ctx.partyId).executeTakeFirst();
  if (!party) throw new ForbiddenError("unknown party");
  const kind = party.kind as PartyKind;
  if (kind === "mediator" && ctx.role === "mediator") return { ctx, kind, mode: "mediator" };
  if (sideOf(kind) !== null && DECIDERS.includes(ctx.role)) return { ctx, kind, mode: "party" };
  throw new ForbiddenError("match candidates are reviewed by the caseworkers and verifiers of the parties concerned, and seen by the mediator");
}

// The side the viewer's party takes in this candidate; null for the mediator and strangers.
function sideIn(row: Row, v: Viewer): "tracing" | "holding" | null {
  if (v.mode === "mediator") return null;
  if (row.tracing_party_id === v.ctx.partyId) return "tracing";
  if (row.holding_party_id === v.ctx.partyId) return "holding";
  return null;
}

function visible(row: Row, v: Viewer): boolean {
  if (v.mode === "mediator") return row.status !== "rejected";
  return sideIn(row, v) !== null;
}


function combinedFlag(row: Row): SetFlag | null {
  if (row.tracing_set === "family_conflict" || row.holding_set === "family_conflict") return "family_conflict";
  return row.tracing_set ?? row.holding_set ?? null;
}

function sideDecision(codec: MatchCodec, row: Row, side: "tracing" | "holding", v: Viewer): SideDecision | null {
  const decision = side === "tracing" ? row.tracing_decision : row.holding_decision;
  if (decision === null) return null;
  const at = side === "tracing" ? row.tracing_decided_at : row.holding_decided_at;
  const out: SideDecision = { decision, at: at ? toIso(at) : "" };
  const reason = side === "tracing" ? row.tracing_reason : row.holding_reason;
  if (sideIn(row, v) === side && reason !== null) out.reason = codec.reason(row.id, side, reason);
  return out;
}

async function loadFields(db: MDb | MTx, codec: MatchCodec, ids: readonly string[]): Promise<Map<string, VerificationFields>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("cases").select(["id", "summary"]).where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, verificationFields(codec.state(r.id, r.summary))]));
}

/**
 * A candidate is shown only while both its cases may enter cross-party matching: a consent to
 * sharing that holds today (not refused, withdrawn or expired) or a recorded legal basis. The
 * matcher proposes no other pair; this also hides pairs whose consent lapsed since.
 */
async function eligibleRows(db: MDb | MTx, codec: MatchCodec, rows: readonly Row[], now: Date): Promise<Row[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.tracing_case_id, r.holding_case_id]))];
  const states = await db.selectFrom("cases").select(["id", "summary"]).where("id", "in", ids).execute();
  const eligible = new Set(states.filter((c) => mayEnterCrossPartyMatching(codec.state(c.id, c.summary), now)).map((c) => c.id));
  return rows.filter((r) => eligible.has(r.tracing_case_id) && eligible.has(r.holding_case_id));
}

// Every read of another party's record through the queue is in the access log, like a case read.
async function logReads(db: MDb | MTx, v: Viewer, rows: readonly Row[], kind: "read" | "list", now: Date): Promise<void> {
  const entries = rows.flatMap((r) => {
    const side = sideIn(r, v);
    const cases =
      side === "tracing"
        ? [[r.holding_case_id, r.holding_party_id]]
        : side === "holding"
          ? [[r.tracing_case_id, r.tracing_party_id]]
          : [[r.tracing_case_id, r.tracing_party_id], [r.holding_case_id, r.holding_party_id]];
    return cases.map(([caseId, caseParty]) => ({
      at: now,
      user_id: v.ctx.userId,
      party_id: v.ctx.partyId,
      role: v.ctx.role,
      case_id: caseId!,
      case_party_id: caseParty!,
      kind,
      purpose: "match-review",
    }));
  });
  if (entries.length > 0) await db.insertInto("access_log").values(entries).execute();
}

async function present(db: MDb | MTx, codec: MatchCodec, v: Viewer, rows: readonly Row[]): Promise<MatchCandidate[]> {
  const fields = await loadFields(db, codec, rows.flatMap((r) => [r.tracing_case_id, r.holding_case_id]));
  return rows.map((r) => {
    const ex = codec.explanation<{ text: string; contributions: FieldExplanation[] }>(r.tracing_case_id, r.holding_case_id, r.explanation);
    return {
      id: r.id,
      status: r.status,
      probability: r.probability,
      weight: r.weight,
      flag: combinedFlag(r),
      yourSide: sideIn(r, v),
      decisions: { tracing: sideDecision(codec, r, "tracing", v), holding: sideDecision(codec, r, "holding", v) },
      tracing: fields.get(r.tracing_case_id)!,
      holding: fields.get(r.holding_case_id)!,
      explanation: { text: ex.text, fields: ex.contributions },
      createdAt: toIso(r.created_at),
      updatedAt: toIso(r.updated_at),
    };
  });
}

export interface ListQuery {
  status?: QueueFilter;
  limit?: number;
  offset?: number;
}

export async function listCandidates(db: MDb, codec: MatchCodec, ctx: RequestContext, query: ListQuery, now: Date): Promise<{ items: MatchCandidate[]; total: number }> {
  const v = await viewerOf(db, ctx);
  const limit = clampLimit(query.limit, 50, 500);
  const offset = checkOffset(query.offset);
  if (query.status !== undefined && !QUEUE_FILTERS.includes(query.status)) throw new ValidationError("status", `expected one of ${QUEUE_FILTERS.join(", ")}`);
  // Both cases marked eligible when last matched (eligibleRows then checks today's consent).
  let base = db.selectFrom("match_candidates as mc").where((eb) =>
    eb.and(
      (["tracing_case_id", "holding_case_id"] as const).map((col) =>
        eb.exists(eb.selectFrom("match_records as r").select("r.case_id").whereRef("r.case_id", "=", `mc.${col}`).where("r.eligible", "=", true)),
      ),
    ),
  );
  if (v.mode === "party") base = base.where((eb) => eb.or([eb("tracing_party_id", "=", ctx.partyId), eb("holding_party_id", "=", ctx.partyId)]));
  else base = base.where("status", "in", ["pending", "agreed"]);
  if (query.status === "decided") base = base.where("status", "in", ["agreed", "rejected"]);
  else if (query.status === "awaiting-you") {
    base = base.where("status", "=", "pending");
    if (v.mode === "party") {
      base = base.where((eb) =>
        eb.or([
          eb.and([eb("tracing_party_id", "=", ctx.partyId), eb("tracing_decision", "is", null)]),
          eb.and([eb("holding_party_id", "=", ctx.partyId), eb("holding_decision", "is", null)]),
        ]),
      );
    }
  }
  else if (query.status !== undefined) base = base.where("status", "=", query.status);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy("probability", "desc").orderBy("id").limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string | number | bigint>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const shown = await eligibleRows(db, codec, rows, now);
  const items = await present(db, codec, v, shown);
  await logReads(db, v, shown, "list", now);
  return { items, total: Number(count.n) };
}

async function visibleRow(db: MDb | MTx, codec: MatchCodec, v: Viewer, id: string, now: Date, lock = false): Promise<Row> {
  if (!isUuid(id)) throw new NotFoundError("match candidate not found");
  let q = db.selectFrom("match_candidates").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  // Existence is itself sensitive: a candidate the caller may not see is "not found".
  if (!row || !visible(row, v) || (await eligibleRows(db, codec, [row], now)).length === 0) throw new NotFoundError("match candidate not found");
  return row;
}

export async function getCandidate(db: MDb, codec: MatchCodec, ctx: RequestContext, id: string, now: Date): Promise<MatchCandidate & { group: MatchGroup | null }> {
  const v = await viewerOf(db, ctx);
  const row = await visibleRow(db, codec, v, id, now);
  let group: MatchGroup | null = null;
  const flag = combinedFlag(row);
  if (flag !== null) {
    let q = db.selectFrom("match_candidates").selectAll().where("id", "<>", row.id);
    q = q.where((eb) => {
      const ors = [];
      if (row.tracing_set !== null) ors.push(eb("tracing_case_id", "=", row.tracing_case_id));
      if (row.holding_set !== null) ors.push(eb("holding_case_id", "=", row.holding_case_id));
      return eb.or(ors);
    });
    const others = await eligibleRows(db, codec, (await q.orderBy("probability", "desc").limit(50).execute()).filter((r) => r.status !== "rejected" && visible(r, v)), now);
    group = { flag, members: await present(db, codec, v, others) };
    await logReads(db, v, others, "read", now);
  }
  const [item] = await present(db, codec, v, [row]);
  await logReads(db, v, [row], "read", now);
  return { ...item!, group };
}

export interface DecisionInput {
  decision: Decision;
  reason?: string;
}

export interface DecisionResult {
  candidate: MatchCandidate;
  replayed: boolean;
  // True when this decision made the identity agreed by both parties.
  agreedNow: boolean;
}

/**
 * Records the caller's party's decision. A decision is kept: repeating it changes nothing, a
 * different one is a conflict. Identity counts as agreed only when both parties accept; one
 * rejection ends the pair for good (re-matching never proposes it again).
 */
/** What a decision tells the signed log, written in the decision's own transaction. */
export interface DecisionRecord {
  candidate: string;
  side: "tracing" | "holding";
  decision: Decision;
  tracingCase: string;
  holdingCase: string;
  status: "pending" | "agreed" | "rejected";
}

export async function decideCandidate(
  db: MDb,
  codec: MatchCodec,
  ctx: RequestContext,
  id: string,
  input: DecisionInput,
  now: Date,
  record?: (tx: MTx, decision: DecisionRecord) => Promise<void>,
): Promise<DecisionResult> {
  if (input.decision !== "accept" && input.decision !== "reject") throw new ValidationError("decision", 'expected "accept" or "reject"');
  const reason = input.reason?.trim();
  if (input.decision === "reject" && !reason) throw new ValidationError("reason", "a rejection needs a reason");
  if (reason !== undefined && reason.length > 2000) throw new ValidationError("reason", "at most 2000 characters");
  return db.transaction().execute(async (tx) => {
    const v = await viewerOf(tx, ctx);
    const row = await visibleRow(tx, codec, v, id, now, true);
    const side = sideIn(row, v);
    if (side === null) throw new ForbiddenError("only the parties whose records these are decide on a candidate");
    const mine = side === "tracing" ? row.tracing_decision : row.holding_decision;
    if (mine !== null) {
      if (mine !== input.decision) throw new ConflictError(`your party already decided "${mine}" on this candidate; a decision is kept`);
      const [candidate] = await present(tx, codec, v, [row]);
      return { candidate: candidate!, replayed: true, agreedNow: false };
    }
    if (row.status !== "pending") throw new ConflictError(`this candidate is already ${row.status}`);
    const other = side === "tracing" ? row.holding_decision : row.tracing_decision;
    const status: CandidateStatus = input.decision === "reject" || other === "reject" ? "rejected" : other === "accept" ? "agreed" : "pending";
    const prefix = side === "tracing" ? "tracing" : "holding";
    const updated = await tx
      .updateTable("match_candidates")
      .set({
        [`${prefix}_decision`]: input.decision,
        [`${prefix}_reason`]: reason === undefined || reason === "" ? null : codec.sealReason(id, side, reason),
        [`${prefix}_user_id`]: ctx.userId,
        [`${prefix}_role`]: ctx.role,
        [`${prefix}_decided_at`]: now,
        status,
        updated_at: now,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await record?.(tx, {
      candidate: id,
      side,
      decision: input.decision,
      tracingCase: updated.tracing_case_id,
      holdingCase: updated.holding_case_id,
      status,
    });
    if (status === "agreed") {
      // Recording the agreement on both cases is deferred work: persisted, done after commit.
      await tx.insertInto("match_jobs").values({ kind: "agree", ref: id }).onConflict((oc) => oc.columns(["kind", "ref"]).doNothing()).execute();
    }
    const [candidate] = await present(tx, codec, v, [updated]);
    return { candidate: candidate!, replayed: false, agreedNow: status === "agreed" };
  });
}
