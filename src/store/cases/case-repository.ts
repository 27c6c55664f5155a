import { sql } from "kysely";
import type {
  ActionRecord,
  Actor,
  CaseAction,
  CaseInput,
  CaseRelation,
  CaseState,
  CaseStatus,
  CaseSummary,
  HistoryEntry,
  ShareScope,
  ViewKind,
} from "../../domain/index.ts";
import {
  CASE_STATUSES,
  TERMINAL_STATUSES,
  turning18Within,
  CaseActionSchema,
  CaseInputSchema,
  ConflictError,
  NotFoundError,
  ValidationError,
  applyAction,
  decideAction,
  defaultSide,
  projectCase,
  projectHistory,
  summarise,
  viewFor,
} from "../../domain/index.ts";
import { nameSearchKeys, SEARCH_KEY_VERSION } from "../../matching/index.ts";
import { actionAad, mergeState, nameKeysOf, openSensitive, parseSummary, sealSensitive } from "./case-codec.ts";
import { checkClientId, checkOffset, clampLimit, isUniqueViolation, isUuid, toIso, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import { assertSameRequest } from "./client-id-replay.ts";
import type {
  ActionEvent,
  ActionResult,
  CasesApi,
  CreateResult,
  ImportResult,
  ImportRow,
  ListCasesQuery,
  RequestContext,
  Tx,
  Db,
} from "../types.ts";

const CLIENT_ID_INDEX = "case_actions_client_id_idx";

interface CaseRow {
  id: string;
  party_id: string;
  version: number;
  summary: unknown;
  sensitive: Uint8Array;
  scope: string | null;
}

function relationOf(row: { party_id: string; scope: string | null }, partyId: string): CaseRelation | null {
  if (row.party_id === partyId) return "owner";
  if (row.scope === "participate") return "shared-participate";
  if (row.scope === "view") return "shared-view";
  return null;
}

function parseFollowUp(input: unknown, i: number): CaseAction {
  const r = CaseActionSchema.safeParse(input);
  if (!r.success) throw validationFromZod(r.error);
  if (r.data.type === "report") throw new ValidationError(`followUps.${i}.type`, '"report" only starts a case');
  return r.data;
}

function parseAction(input: unknown): CaseAction {
  const r = CaseActionSchema.safeParse(input);
  if (!r.success) throw validationFromZod(r.error);
  return r.data;
}

async function loadCase(db: Db | Tx, caseId: string, partyId: string, lock: boolean): Promise<CaseRow | undefined> {
  if (!isUuid(caseId)) return undefined;
  let q = db
    .selectFrom("cases as c")
    .leftJoin("case_shares as s", (j) => j.onRef("s.case_id", "=", "c.id").on("s.party_id", "=", partyId))
    .select(["c.id", "c.party_id", "c.version", "c.summary", "c.sensitive", "s.scope"])
    .where("c.id", "=", caseId);
  if (lock) q = q.forUpdate("c");
  return q.executeTakeFirst();
}

export function createCaseRepository(s: StoreInternals): CasesApi {
  function fullState(row: CaseRow): CaseState {
    return mergeState(parseSummary(row.summary), openSensitive(s.box, row.id, row.sensitive));
  }

  function stateFor(row: CaseRow, view: ViewKind): CaseState {
    // Only the owning party's full view needs the sensitive part: others never decrypt it.
    return view === "full" ? fullState(row) : parseSummary(row.summary);
  }

  async function logAccess(
    db: Db | Tx,
    actor: Actor,
    ctx: RequestContext,
    kind: "read" | "list" | "history" | "write",
    cases: readonly { id: string; party: string }[],
  ): Promise<void> {
    if (cases.length === 0) return;
    const at = s.now();
    await db
      .insertInto("access_log")
      .values(
        cases.map((c) => ({
          at,
          user_id: actor.userId,
          party_id: actor.partyId,
          role: actor.role,
          case_id: c.id,
          case_party_id: c.party,
          kind,
          purpose: ctx.purpose ?? null,
        })),
      )
      .execute();
  }

  // A new case's rows, built without touching the database (so an import can write many at once).
  function prepareNewCase(actor: Actor, caseId: string, reported: CaseAction, clientId: string, now: Date) {
    // Without a side, a party reports from its kind's usual side (see case-side.ts).
    const action = reported.type === "report" && reported.side === undefined ? { ...reported, side: defaultSide(actor.partyKind) } : reported;
    decideAction({ state: null, action, actor, relation: "owner", now });
    const record: ActionRecord = {
      caseId,
      sequence: 1,
      clientId,
      action,
      actor: { userId: actor.userId, partyId: actor.partyId, role: actor.role },
      at: now.toISOString(),
    };
    const after = applyAction(null, record);
    const sealed = sealSensitive(s.box, after);
    const caseRow = {
      id: caseId,
      party_id: actor.partyId,
      status: after.status,
      version: after.version,
      created_at: now,
      updated_at: now,
      summary: sealed.summary,
      sensitive: sealed.sensitive,
      name_keys: nameKeysOf(after.details.names),
      name_keys_version: SEARCH_KEY_VERSION,
    };
    const event: ActionEvent = { caseId, action, actor, at: record.at, clientId, sequence: 1, before: null, after };
    return { caseRow, actionRow: actionRow(actor, record, now), event };
  }

  function actionRow(actor: Actor, record: ActionRecord, now: Date) {
    return {
      case_id: record.caseId,
      sequence: record.sequence,
      client_id: record.clientId,
      type: record.action.type,
      actor_user_id: actor.userId,
      actor_party_id: actor.partyId,
      actor_role: actor.role,
      at: now,
      payload: s.box.seal(JSON.stringify(record.action), actionAad(record.caseId, record.sequence)),
    };
  }

  async function runSinks(tx: Tx, event: ActionEvent): Promise<void> {
    for (const sink of s.sinks) await sink(tx, event);
  }

  async function runSinksBatch(tx: Tx, events: readonly ActionEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const sink of s.sinks) {
      if (sink.batch !== undefined) await sink.batch(tx, events);
      else for (const event of events) await sink(tx, event);
    }
  }

  // Appends one validated action to an existing case inside `tx`, running policy,
  // preconditions and sinks.
  async function commit(tx: Tx, actor: Actor, relation: CaseRelation, before: CaseState, action: CaseAction, clientId: string): Promise<CaseState> {
    const now = s.now();
    const caseId = before.id;
    const decision = decideAction({ state: before, action, actor, relation, now });
    if (decision.requires) {
      const check = s.preconditions.get(decision.requires);
      if (check) {
        const reason = await check(tx, { caseId, action, actor, state: before });
        if (reason !== null) throw new ConflictError(`"${action.type}" requires ${decision.requires}: ${reason}`, before.version);
      }
    }
    if ((action.type === "share" || action.type === "unshare") && !(await partyExists(tx, action.partyId))) {
      throw new ValidationError("partyId", "no such party");
    }
    if (action.type === "mark-duplicate" && !(await canSee(tx, actor, action.duplicateOf))) {
      // The same answer whether the case does not exist or is another party's: existence is sensitive.
      throw new ValidationError("duplicateOf", "names no case you can see");
    }
    const record: ActionRecord = {
      caseId,
      sequence: before.version + 1,
      clientId,
      action,
      actor: { userId: actor.userId, partyId: actor.partyId, role: actor.role },
      at: now.toISOString(),
    };
    const after = applyAction(before, record);
    const sealed = sealSensitive(s.box, after);
    const res = await tx
      .updateTable("cases")
      .set({
        status: after.status,
        version: after.version,
        updated_at: now,
        summary: sealed.summary,
        sensitive: sealed.sensitive,
        name_keys: nameKeysOf(after.details.names),
        name_keys_version: SEARCH_KEY_VERSION,
      })
      .where("id", "=", caseId)
      .where("version", "=", before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ConflictError("the case changed meanwhile", before.version);
    await tx.insertInto("case_actions").values(actionRow(actor, record, now)).execute();
    if (action.type === "share") {
      await tx
        .insertInto("case_shares")
        .values({ case_id: caseId, party_id: action.partyId, scope: action.scope, granted_at: now })
        .onConflict((oc) => oc.columns(["case_id", "party_id"]).doUpdateSet({ scope: action.scope, granted_at: now }))
        .execute();
    } else if (action.type === "unshare") {
      await tx.deleteFrom("case_shares").where("case_id", "=", caseId).where("party_id", "=", action.partyId).execute();
    }
    await runSinks(tx, { caseId, action, actor, at: record.at, clientId, sequence: record.sequence, before, after });
    return after;
  }

  async function canSee(tx: Tx, actor: Actor, caseId: string): Promise<boolean> {
    const row = await loadCase(tx, caseId, actor.partyId, false);
    return row !== undefined && viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind) !== null;
  }

  // Actions taken on a new case in the transaction that creates it (a disclosure, a tracing
  // request and its shares): the case never exists without them. Their client ids derive from the case's.
  async function commitFollowUps(tx: Tx, actor: Actor, created: CaseState, actions: readonly CaseAction[], clientId: string): Promise<CaseState> {
    let state = created;
    for (const [i, action] of actions.entries()) state = await commit(tx, actor, "owner", state, action, `${clientId}#${i + 1}`);
    return state;
  }

  async function partyExists(tx: Tx, partyId: string): Promise<boolean> {
    return (await tx.selectFrom("parties").select("id").where("id", "=", partyId).executeTakeFirst()) !== undefined;
  }

  async function findByClientId(db: Db | Tx, partyId: string, clientId: string) {
    return db
      .selectFrom("case_actions")
      .select(["case_id", "sequence", "type", "payload"])
      .where("actor_party_id", "=", partyId)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
  }

  // Runs `attempt` in a transaction; when a concurrent request with the same client id won the
  // race, runs it again so that it finds and returns the winner's result.
  async function withClientIdRetry<T>(attempt: (tx: Tx) => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await s.db.transaction().execute(attempt);
      } catch (e) {
        if (i < 3 && isUniqueViolation(e, CLIENT_ID_INDEX)) continue;
        throw e;
      }
    }
  }

  async function viewOf(db: Db | Tx, actor: Actor, caseId: string) {
    const row = await loadCase(db, caseId, actor.partyId, false);
    if (!row) return null;
    const view = viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind);
    if (view === null) return null;
    return { row, view };
  }

  const api: CasesApi = {
    async create(ctx, input: CaseInput, opts) {
      const clientId = checkClientId(opts?.clientId);
      const parsed = CaseInputSchema.safeParse(input);
      if (!parsed.success) throw validationFromZod(parsed.error);
      const action: CaseAction = { type: "report", details: parsed.data, ...(opts.side ? { side: opts.side } : {}) };
      const followUps = (opts.followUps ?? []).map((a, i) => parseFollowUp(a, i));
      const actor = await actorOf(s, ctx);
      return withClientIdRetry(async (tx): Promise<CreateResult> => {
        const prior = await findByClientId(tx, actor.partyId, clientId);
        if (prior) {
          // The side is recorded as defaulted (see prepareNewCase): compare like with like.
          assertSameRequest(s.box, prior, null, action.side === undefined ? { ...action, side: defaultSide(actor.partyKind) } : action);
          const seen = await viewOf(tx, actor, prior.case_id);
          if (!seen) throw new ConflictError("this client id was already used for another request");
          await logAccess(tx, actor, ctx, "write", [{ id: prior.case_id, party: seen.row.party_id }]);
          return { id: prior.case_id, case: projectCase(stateFor(seen.row, seen.view), seen.view, s.now()), replayed: true };
        }
        const id = crypto.randomUUID();
        const prepared = prepareNewCase(actor, id, action, clientId, s.now());
        await tx.insertInto("cases").values(prepared.caseRow).execute();
        await tx.insertInto("case_actions").values(prepared.actionRow).execute();
        await runSinks(tx, prepared.event);
        const after = await commitFollowUps(tx, actor, prepared.event.after, followUps, clientId);
        const view = viewFor("owner", actor.role, actor.partyKind) ?? "full";
        await logAccess(tx, actor, ctx, "write", [{ id, party: actor.partyId }]);
        return { id, case: projectCase(after, view, s.now()), replayed: false };
      });
    },

    async get(ctx, id) {
      const actor = await actorOf(s, ctx);
      const seen = await viewOf(s.db, actor, id);
      if (!seen) return null;
      const view = projectCase(stateFor(seen.row, seen.view), seen.view, s.now());
      await logAccess(s.db, actor, ctx, "read", [{ id: seen.row.id, party: seen.row.party_id }]);
      return view;
    },

    async list(ctx, query: ListCasesQuery = {}) {
      const actor = await actorOf(s, ctx);
      const limit = clampLimit(query.limit, 50, 500);
      const offset = checkOffset(query.offset);
      const statuses = query.status === undefined ? [] : Array.isArray(query.status) ? query.status : [query.status];
      for (const st of statuses) {
        if (!CASE_STATUSES.includes(st as CaseStatus)) throw new ValidationError("status", `unknown status "${String(st)}"`);
      }
      const ownerView = viewFor("owner", actor.role, actor.partyKind);
      const scopes: ShareScope[] = [];
      if (viewFor("shared-view", actor.role, actor.partyKind)) scopes.push("view");
      if (viewFor("shared-participate", actor.role, actor.partyKind)) scopes.push("participate");
      if (!ownerView && scopes.length === 0) return { items: [], total: 0 };
      let keys: string[] = [];
      if (query.q !== undefined && query.q.trim() !== "") {
        keys = nameSearchKeys(query.q);
        if (keys.length === 0) return { items: [], total: 0 };
      }
      let base = s.db
        .selectFrom("cases as c")
        .leftJoin("case_shares as s", (j) => j.onRef("s.case_id", "=", "c.id").on("s.party_id", "=", actor.partyId))
        .where((eb) => {
          const visible = [];
          if (ownerView) visible.push(eb("c.party_id", "=", actor.partyId));
          if (scopes.length > 0) visible.push(eb("s.scope", "in", scopes));
          return eb.or(visible);
        });
      if (statuses.length > 0) base = base.where("c.status", "in", statuses);
      if (keys.length > 0) base = base.where(sql<boolean>`c.name_keys @> ${sql.val(keys)}::text[]`);
      if (query.track !== undefined) {
        base = base.where(query.track === "adult" ? sql<boolean>`(c.summary ->> 'adultTrackSince') is not null` : sql<boolean>`(c.summary ->> 'adultTrackSince') is null`);
      }
      if (query.turning18Within !== undefined) {
        // A partial birth date needs the pure rule, not SQL: filter the open child-track cases here.
        const days = query.turning18Within;
        const now = s.now();
        const open = await base
          .where("c.status", "not in", [...TERMINAL_STATUSES])
          .where(sql<boolean>`(c.summary ->> 'adultTrackSince') is null`)
          .select(["c.id", "c.party_id", "c.version", "c.summary", "c.sensitive", "s.scope"])
          .orderBy("c.id")
          .execute();
        const hits = open.filter((r) => turning18Within(fullState(r).details.birthDate, now, days));
        const items: CaseSummary[] = [];
        for (const row of hits.slice(offset, offset + limit)) {
          const view = viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind);
          if (view !== null) items.push(summarise(projectCase(parseSummary(row.summary), view, now)));
        }
        await logAccess(s.db, actor, ctx, "list", items);
        return { items, total: hits.length };
      }
      const [rows, count] = await Promise.all([
        base
          .select(["c.id", "c.party_id", "c.summary", "s.scope"])
          .orderBy("c.updated_at", "desc")
          .orderBy("c.id")
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<string | number | bigint>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const now = s.now();
      const items: CaseSummary[] = [];
      for (const row of rows) {
        const view = viewFor(relationOf(row, actor.partyId), actor.role, actor.partyKind);
        if (view === null) continue;
        items.push(summarise(projectCase(parseSummary(row.summary), view, now)));
      }
      await logAccess(s.db, actor, ctx, "list", items);
      return { items, total: Number(count.n) };
    },

    async appendAction(ctx, caseId, input, opts) {
      const clientId = checkClientId(opts?.clientId);
      const action = parseAction(input);
      if (action.type === "report") throw new ValidationError("type", '"report" only starts a case: create it instead');
      const actor = await actorOf(s, ctx);
      return withClientIdRetry(async (tx): Promise<ActionResult> => {
        // Lock first: a concurrent repeat of this request then finds the first one's action
        // below (and replays it) instead of failing on a version it already moved.
        const row = await loadCase(tx, caseId, actor.partyId, true);
        const prior = await findByClientId(tx, actor.partyId, clientId);
        if (prior) {
          assertSameRequest(s.box, prior, caseId, action);
          const seen = await viewOf(tx, actor, caseId);
          if (!seen) throw new NotFoundError("case not found");
          await logAccess(tx, actor, ctx, "write", [{ id: caseId, party: seen.row.party_id }]);
          return { case: projectCase(stateFor(seen.row, seen.view), seen.view, s.now()), sequence: prior.sequence, replayed: true };
        }
        const relation = row ? relationOf(row, actor.partyId) : null;
        if (!row || relation === null || viewFor(relation, actor.role, actor.partyKind) === null) {
          throw new NotFoundError("case not found");
        }
        if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
          throw new ConflictError(`the case is at version ${row.version}, not ${opts.expectedVersion}`, row.version);
        }
        const after = await commit(tx, actor, relation, fullState(row), action, clientId);
        if (opts.alongside) await opts.alongside(tx);
        // The caller's relation may have changed (an owner never loses it; a share can be revoked only by the owner).
        const view = viewFor(relation, actor.role, actor.partyKind) ?? "shared";
        await logAccess(tx, actor, ctx, "write", [{ id: caseId, party: row.party_id }]);
        return { case: projectCase(after, view, s.now()), sequence: after.version, replayed: false };
      });
    },

    async history(ctx, caseId) {
      const actor = await actorOf(s, ctx);
      const seen = await viewOf(s.db, actor, caseId);
      if (!seen) throw new NotFoundError("case not found");
      const rows = await s.db
        .selectFrom("case_actions")
        .select(["sequence", "client_id", "type", "actor_user_id", "actor_party_id", "actor_role", "at", "payload"])
        .where("case_id", "=", caseId)
        .orderBy("sequence")
        .execute();
      let entries: HistoryEntry[];
      if (seen.view === "full" || seen.view === "auditor") {
        const records: ActionRecord[] = rows.map((r) => ({
          caseId,
          sequence: r.sequence,
          clientId: r.client_id,
          action: JSON.parse(s.box.open(r.payload, actionAad(caseId, r.sequence))) as CaseAction,
          actor: { userId: r.actor_user_id, partyId: r.actor_party_id, role: r.actor_role },
          at: toIso(r.at),
        }));
        entries = projectHistory(records, seen.view);
      } else {
        // Other views see which step happened, when and by which party: no payload is decrypted.
        entries = rows.map((r) => ({
          caseId,
          sequence: r.sequence,
          type: r.type as CaseAction["type"],
          at: toIso(r.at),
          actor: { partyId: r.actor_party_id, role: r.actor_role },
        }));
      }
      await logAccess(s.db, actor, ctx, "history", [{ id: caseId, party: seen.row.party_id }]);
      return entries;
    },

    async importBatch(ctx, rows: readonly ImportRow[]) {
      const actor = await actorOf(s, ctx);
      const parsed = rows.map((row, i) => {
        const clientId = checkClientId(row.clientId, `rows.${i}.clientId`);
        const r = CaseInputSchema.safeParse(row.input);
        if (!r.success) throw validationFromZod(r.error, `rows.${i}`);
        const action: CaseAction = { type: "report", details: r.data, ...(row.side ? { side: row.side } : {}) };
        return { clientId, action, followUps: (row.followUps ?? []).map((a, j) => parseFollowUp(a, j)), index: i };
      });
      const seenIds = new Set<string>();
      for (const [i, p] of parsed.entries()) {
        if (seenIds.has(p.clientId)) throw new ValidationError(`rows.${i}.clientId`, "repeated within the batch");
        seenIds.add(p.clientId);
      }
      return withClientIdRetry(async (tx): Promise<ImportResult> => {
        const existing = new Map<string, string>();
        for (let i = 0; i < parsed.length; i += 1000) {
          const chunk = parsed.slice(i, i + 1000).map((p) => p.clientId);
          const found = await tx
            .selectFrom("case_actions")
            .select(["client_id", "case_id", "type"])
            .where("actor_party_id", "=", actor.partyId)
            .where("client_id", "in", chunk)
            .execute();
          for (const f of found) {
            if (f.type !== "report") throw new ConflictError(`client id ${f.client_id} was already used for another request`);
            existing.set(f.client_id, f.case_id);
          }
        }
        const ids: string[] = [];
        const now = s.now();
        const fresh: (ReturnType<typeof prepareNewCase> & { followUps: CaseAction[]; index: number })[] = [];
        for (const [i, p] of parsed.entries()) {
          const prior = existing.get(p.clientId);
          if (prior !== undefined) {
            ids.push(prior);
            continue;
          }
          const id = crypto.randomUUID();
          try {
            fresh.push({ ...prepareNewCase(actor, id, p.action, p.clientId, now), followUps: p.followUps, index: p.index });
          } catch (e) {
            if (e instanceof ValidationError) throw new ValidationError(`rows.${i}.${e.path}`, e.message.replace(`${e.path}: `, ""));
            throw e;
          }
          ids.push(id);
        }
        // Multi-row inserts: one round trip per 500 cases instead of two per case.
        for (let i = 0; i < fresh.length; i += 500) {
          const chunk = fresh.slice(i, i + 500);
          await tx.insertInto("cases").values(chunk.map((f) => f.caseRow)).execute();
          await tx.insertInto("case_actions").values(chunk.map((f) => f.actionRow)).execute();
        }
        // Signed into the log in bulk: one lock, one signer lookup, multi-row inserts.
        await runSinksBatch(tx, fresh.map((f) => f.event));
        for (const f of fresh) {
          if (f.followUps.length === 0) continue;
          try {
            await commitFollowUps(tx, actor, f.event.after, f.followUps, f.event.clientId);
          } catch (e) {
            if (e instanceof ValidationError) throw new ValidationError(`rows.${f.index}.${e.path}`, e.message.replace(`${e.path}: `, ""));
            throw e;
          }
        }
        const created = fresh.length;
        return { created, existing: parsed.length - created, ids };
      });
    },
  };
  return api;
}

// Recomputes stored name keys written by an older key function (see SEARCH_KEY_VERSION).
export async function reindexNameKeys(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom("cases")
      .select(["id", "summary"])
      .where("name_keys_version", "<>", SEARCH_KEY_VERSION)
      .limit(500)
      .execute();
    if (rows.length === 0) return total;
    for (const r of rows) {
      const state = parseSummary(r.summary);
      await db
        .updateTable("cases")
        .set({ name_keys: nameKeysOf(state.details.names), name_keys_version: SEARCH_KEY_VERSION })
        .where("id", "=", r.id)
        .execute();
    }
    total += rows.length;
  }
}
