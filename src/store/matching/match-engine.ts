import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Kysely, Transaction } from "kysely";
import type { PartyKind } from "../../domain/index.ts";
import { mayEnterCrossPartyMatching } from "../../domain/index.ts";
import { crossScriptNormaliser, linkTables, recordBlockingKeys, scoreRecordPair, SEARCH_KEY_VERSION } from "../../matching/index.ts";
import type { LinkSettings, ModelParams, PairScore } from "../../matching/index.ts";
import type { FieldNormaliser } from "../../matching/index.ts";
import type { MatchCodec } from "./match-codec.ts";
import type { Database } from "../schema.ts";
import type { MatchTables, SetFlag } from "./match-schema.ts";
import type { MatchModel } from "./match-model.ts";
import { caseIdOfRecord, caseSideOf, matchRecordsOf, type MatchRecord, type Side } from "./match-records.ts";
import {
  applyTermCountChanges,
  loadTermFrequency,
  parseTermKeys,
  sharedTermKeys,
  TermCountChanges,
  termKeysOf,
  termWeightHeadroom,
  type TermKeys,
} from "./term-counts.ts";

export type MDb = Kysely<Database & MatchTables>;
export type MTx = Transaction<Database & MatchTables>;

export interface MatchEngineOptions {
  /** A blocking key shared by more records of the other side than this is skipped (a very common name). */
  maxBlock?: number;
  /** Fewer counted cases than this with a value in a field, and its term frequencies are not used (default MIN_TERM_RECORDS). */
  minTermRecords?: number;
}

export interface MatchRunStats {
  cases: number;
  candidatePairsCompared: number;
  stored: number;
  skippedKeys: number;
}

// Cases that ended this way are not proposed to anyone.
const NOT_MATCHED = new Set(["duplicate", "withdrawn"]);
const MAX_GROUP = 20;
// Arbitrary constant naming the matching lock among advisory locks.
const MATCH_LOCK = 7_305_514_031;


// Records whose keys show what the key functions do: a change to name groups, diminutives,
// transliteration or the gazetteer changes some of their keys, and with them the version.
const KEY_PROBES: readonly MatchRecord[] = [
  { record_id: "p1", given_name: "Олександр", family_name: "Коваленко", patronymic: "Іванович", sex: "M", birth_date: "2014-03-07", birth_place: "Маріуполь", mother_name: "Ірина Коваленко", father_name: "Іван Коваленко" },
  { record_id: "p2", given_name: "Александра", family_name: "Подгородецкая", patronymic: "Сергеевна", sex: "F", birth_date: "07.03.2014", birth_place: "Артёмовск", mother_name: "Светлана", father_name: "Сергей" },
  { record_id: "p3", given_name: "Sasha", family_name: "Pidhorodetska", birth_date: "2014", birth_place: "Bakhmut" },
  { record_id: "p4", given_name: "Світа", family_name: "Левківська", birth_date: "2011-12-01", birth_place: "Днепропетровск", mother_name: "Олена" },
  { record_id: "p5", given_name: "Тимко", family_name: "Петрів", sex: "M", birth_date: "2016-05-02", birth_place: "Кропивницький" },
  { record_id: "p6", given_name: "Матвійко", family_name: "Шевчук", birth_date: "2018-02-29", birth_place: "Сімферополь", father_name: "Dmytro" },
];

/**
 * The version of stored blocking keys: the search-key version, the blocking rules, and the keys
 * the current code makes for a few probe records. Stored records of another version are keyed again.
 */
export function matchKeysVersion(settings: LinkSettings, normaliser?: FieldNormaliser): string {
  const known = keysVersions.get(settings);
  if (known !== undefined) return known;
  const version = computeKeysVersion(settings, normaliser ?? crossScriptNormaliser());
  keysVersions.set(settings, version);
  return version;
}

const keysVersions = new WeakMap<LinkSettings, string>();

function computeKeysVersion(settings: LinkSettings, normaliser: FieldNormaliser): string {
  const hash = createHash("sha256");
  // "eligible:1": records are marked with whether their case may enter cross-party matching;
  // records stored before that are matched again (and marked) by the sweep.
  // "keyed:1": blocking and term keys are stored as keyed hashes, and records sealed; clear ones are stored again.
  hash.update(`${SEARCH_KEY_VERSION}\neligible:1\nkeyed:1\n${JSON.stringify(settings.blocking)}\n`);
  // The term-frequency keys too: records counted under keys of older functions are counted again.
  for (const probe of KEY_PROBES) hash.update(recordBlockingKeys(probe, settings, normaliser).join(",") + "|" + JSON.stringify(termKeysOf([probe], settings, normaliser)) + "\n");
  return hash.digest("hex").slice(0, 16);
}

interface Fresh {
  caseId: string;
  partyId: string;
  side: Side;
  variants: MatchRecord[];
  keys: string[];
  termKeys: TermKeys;
}

/** The probability from which a pair is stored as a candidate for people to review. */
export function storeThreshold(settings: LinkSettings): number {
  return Math.min(settings.thresholds.review, settings.thresholds.conflict);
}

/** Takes the matching lock for the rest of `tx`: one transaction at a time stores records, keys and counts. */
export async function lockMatching(tx: MTx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${MATCH_LOCK})`.execute(tx);
}

const weightOf = (p: number): number => Math.log2(p / (1 - p));
const probabilityOf = (w: number): number => 1 / (1 + 2 ** -w);

/**
 * Matches the given cases against the other side's stored records, inside `tx`, under no
 * party's access rules (it must see both sides); results are exposed only through the review
 * queue. Refreshes each case's stored record and blocking keys first.
 */
export async function matchCases(tx: MTx, codec: MatchCodec, caseIds: readonly string[], model: MatchModel, now: Date, options: MatchEngineOptions = {}): Promise<MatchRunStats> {
  const stats: MatchRunStats = { cases: 0, candidatePairsCompared: 0, stored: 0, skippedKeys: 0 };
  if (caseIds.length === 0) return stats;
  // One matching transaction at a time across all processes: two new records of opposite
  // sides matched concurrently would each miss the other's uncommitted keys.
  await lockMatching(tx);
  const normaliser = crossScriptNormaliser();
  const { settings } = model;
  const keysVersion = matchKeysVersion(settings, normaliser);
  const rows = await tx
    .selectFrom("cases as c")
    .innerJoin("parties as p", "p.id", "c.party_id")
    // The keys the case is counted under so far, to take them off.
    .leftJoin("match_records as r", "r.case_id", "c.id")
    .select(["c.id", "c.party_id", "c.version", "c.status", "c.summary", "p.kind", "r.term_keys"])
    .where("c.id", "in", [...caseIds])
    .execute();
  const changes = new TermCountChanges();
  const fresh: Fresh[] = [];
  for (const r of rows) {
    const state = codec.state(r.id, r.summary);
    const side = caseSideOf(r.kind as PartyKind, state);
    await tx.deleteFrom("match_keys").where("case_id", "=", r.id).execute();
    if (side === null) {
      changes.change(parseTermKeys(r.term_keys), null);
      await tx.deleteFrom("match_records").where("case_id", "=", r.id).execute();
      continue;
    }
    // A withdrawn or duplicate case keeps an empty record (so sweeps see it as up to date) and
    // loses its undecided candidates; decided ones stay, as every decision does.
    const variants = NOT_MATCHED.has(r.status) ? [] : matchRecordsOf(state);
    // A case without a consent to sharing or a legal basis is counted (term frequencies, training)
    // but never proposed to another party: no blocking keys, so no record of the other side finds
    // it, and its own undecided candidates are withdrawn below.
    const eligible = mayEnterCrossPartyMatching(state, now);
    const keys = eligible ? codec.blockKeys([...new Set(variants.flatMap((v) => recordBlockingKeys(v, settings, normaliser)))]) : [];
    // A withdrawn case is counted under no key: it is no longer among the children matched.
    const termKeys = codec.termKeys(termKeysOf(variants, settings, normaliser));
    changes.change(parseTermKeys(r.term_keys), termKeys);
    const termJson = JSON.stringify(termKeys);
    const record = { case_id: r.id, party_id: r.party_id, side, case_version: r.version, record: codec.sealRecords(r.id, variants), keys, keys_version: keysVersion, term_keys: termJson, eligible, updated_at: now };
    await tx
      .insertInto("match_records")
      .values(record)
      .onConflict((oc) =>
        oc.column("case_id").doUpdateSet({ case_version: r.version, record: record.record, keys, keys_version: keysVersion, term_keys: termJson, eligible, updated_at: now, party_id: r.party_id, side }),
      )
      .execute();
    if (keys.length > 0) await tx.insertInto("match_keys").values(keys.map((key) => ({ side, key, case_id: r.id }))).execute();
    fresh.push({ caseId: r.id, partyId: r.party_id, side, variants, keys, termKeys });
  }
  // Counted before any scoring, so every case of the batch scores against the same counts.
  await applyTermCountChanges(tx, changes);
  const affected = new Set<string>();
  for (const f of fresh) {
    await matchOne(tx, codec, f, model, normaliser, now, options, stats, affected);
    stats.cases++;
  }
  for (const id of caseIds) affected.add(id);
  await reflag(tx, codec, [...affected], model, normaliser);
  return stats;
}

async function matchOne(tx: MTx, codec: MatchCodec, f: Fresh, model: MatchModel, normaliser: FieldNormaliser, now: Date, options: MatchEngineOptions, stats: MatchRunStats, affected: Set<string>): Promise<void> {
  const { settings, params } = model;
  const other: Side = f.side === "T" ? "H" : "T";
  const ids = await blockedCaseIds(tx, f, other, options.maxBlock ?? 1000, stats);
  ids.delete(f.caseId);
  const storeAt = storeThreshold(settings);
  const best = new Map<string, { prob: number; score: PairScore; partyId: string }>();
  if (ids.size > 0) {
    const cands = await tx
      .selectFrom("match_records")
      .select(["case_id", "party_id", "record", "term_keys"])
      .where("case_id", "in", [...ids])
      .where("party_id", "<>", f.partyId)
      .where("eligible", "=", true)
      .execute();
    const partyOf = new Map(cands.map((c) => [c.case_id, c.party_id]));
    const candVariants = cands.flatMap((c) => codec.records(c.case_id, c.record));
    const [tracingRows, holdingRows] = f.side === "T" ? [f.variants, candVariants] : [candVariants, f.variants];
    if (candVariants.length > 0) {
      const tf = await loadTermFrequency(tx, settings, f.termKeys, options.minTermRecords);
      // linkTables scores these few records without term frequencies (frequencies from one
      // block would be wrong), so it is asked for every pair that the registry-wide frequencies
      // could lift to the threshold; each is then scored with them and stored only if the
      // adjusted probability reaches the threshold.
      const storeWeight = weightOf(storeAt);
      const headroom = tf ? termWeightHeadroom(settings, params, f.termKeys, tf) : 0;
      const candKeys = new Map<string, TermKeys>();
      if (tf) {
        for (const c of cands) candKeys.set(c.case_id, parseTermKeys(c.term_keys) ?? codec.termKeys(termKeysOf(codec.records(c.case_id, c.record), settings, normaliser)));
      }
      const pairHeadroom = new Map<string, number>();
      // One new record against stored ones sees only part of the competition: every candidate is
      // stored and competing ones are flagged as a set (reflag), without the one-to-one assignment.
      const res = linkTables(tracingRows, holdingRows, settings, normaliser, { params, threshold: probabilityOf(storeWeight - headroom), assignment: false });
      stats.candidatePairsCompared += res.candidatePairs;
      for (let p = 0; p < res.matches.count; p++) {
        const t = tracingRows[res.matches.left[p]!]!;
        const h = holdingRows[res.matches.right[p]!]!;
        const partner = f.side === "T" ? caseIdOfRecord(h.record_id!) : caseIdOfRecord(t.record_id!);
        const pairKey = `${caseIdOfRecord(t.record_id!)}|${caseIdOfRecord(h.record_id!)}`;
        if (tf) {
          // Only keys both cases carry can be adjusted upwards: skip pairs they cannot lift.
          let room = pairHeadroom.get(partner);
          if (room === undefined) {
            room = termWeightHeadroom(settings, params, sharedTermKeys(f.termKeys, candKeys.get(partner) ?? {}), tf);
            pairHeadroom.set(partner, room);
          }
          if (res.matches.weight[p]! + room < storeWeight) continue;
        }
        const score = scoreRecordPair(t, h, settings, params, normaliser, tf && codec.clearTermFrequency(tf));
        if (score.probability < storeAt) continue;
        if ((best.get(pairKey)?.prob ?? -1) < score.probability) best.set(pairKey, { prob: score.probability, score, partyId: partyOf.get(partner)! });
      }
    }
  }
  await storeCandidates(tx, codec, f, best, model, now, stats, affected);
}

// The other side's cases sharing a blocking key with `f`; keys shared by too many are skipped.
async function blockedCaseIds(tx: MTx, f: Fresh, other: Side, maxBlock: number, stats: MatchRunStats): Promise<Set<string>> {
  const ids = new Set<string>();
  if (f.keys.length > 0) {
    const hits = await tx.selectFrom("match_keys").select(["key", "case_id"]).where("side", "=", other).where("key", "in", f.keys).execute();
    const byKey = new Map<string, string[]>();
    for (const h of hits) {
      const list = byKey.get(h.key);
      if (list) list.push(h.case_id);
      else byKey.set(h.key, [h.case_id]);
    }
    for (const list of byKey.values()) {
      if (list.length > maxBlock) {
        stats.skippedKeys++;
        continue;
      }
      for (const id of list) ids.add(id);
    }
  }
  return ids;
}

// Stores the best score per pair (a decided pair is kept as decided) and withdraws undecided
// candidates of `f` that no longer reach the threshold.
async function storeCandidates(
  tx: MTx,
  codec: MatchCodec,
  f: Fresh,
  best: Map<string, { prob: number; score: PairScore; partyId: string }>,
  model: MatchModel,
  now: Date,
  stats: MatchRunStats,
  affected: Set<string>,
): Promise<void> {
  const column = f.side === "T" ? "tracing_case_id" : "holding_case_id";
  const existing = await tx
    .selectFrom("match_candidates")
    .select(["id", "tracing_case_id", "holding_case_id", "status", "tracing_decision", "holding_decision"])
    .where(column, "=", f.caseId)
    .execute();
  const byPair = new Map(existing.map((e) => [`${e.tracing_case_id}|${e.holding_case_id}`, e]));
  for (const [pairKey, b] of best) {
    const [tracingCase, holdingCase] = pairKey.split("|") as [string, string];
    const scored = b.score;
    const explanation = codec.sealExplanation(tracingCase, holdingCase, { text: scored.explanation, contributions: scored.contributions });
    const prior = byPair.get(pairKey);
    affected.add(f.side === "T" ? holdingCase : tracingCase);
    if (prior) {
      byPair.delete(pairKey);
      // A decision is kept: a decided pair (above all a rejected one) is never re-scored or re-proposed.
      if (prior.status !== "pending" || prior.tracing_decision !== null || prior.holding_decision !== null) continue;
      await tx
        .updateTable("match_candidates")
        .set({ probability: scored.probability, weight: scored.weight, explanation, model_id: model.id, updated_at: now })
        .where("id", "=", prior.id)
        .execute();
    } else {
      await tx
        .insertInto("match_candidates")
        .values({
          id: crypto.randomUUID(),
          tracing_case_id: tracingCase,
          holding_case_id: holdingCase,
          tracing_party_id: f.side === "T" ? f.partyId : b.partyId,
          holding_party_id: f.side === "H" ? f.partyId : b.partyId,
          probability: scored.probability,
          weight: scored.weight,
          explanation,
          model_id: model.id,
          status: "pending",
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(["tracing_case_id", "holding_case_id"]).doNothing())
        .execute();
    }
    stats.stored++;
  }
  // Undecided candidates that no longer reach the threshold (the record changed) are withdrawn.
  const gone = [...byPair.values()].filter((e) => e.status === "pending" && e.tracing_decision === null && e.holding_decision === null);
  if (gone.length > 0) {
    await tx.deleteFrom("match_candidates").where("id", "in", gone.map((g) => g.id)).execute();
    for (const g of gone) affected.add(f.side === "T" ? g.holding_case_id : g.tracing_case_id);
  }
}

/** Whether two records of one side are kin: they share enough of the family fields (surname, parents, place). */
function kin(a: MatchRecord, b: MatchRecord, model: MatchModel, normaliser: FieldNormaliser): boolean {
  const fam = model.settings.family;
  if (!fam) return false;
  const s = scoreRecordPair(a, b, model.settings, model.params, normaliser);
  const shared = s.contributions.filter((c) => fam.fields.includes(c.field) && c.level !== "missing" && c.weight > 0).length;
  return shared >= fam.minShared;
}

/**
 * Set flags: when several live candidates (at the conflict threshold or above) compete for one
 * record, the set goes to a person; 'family_conflict' when two of the competitors are kin
 * (siblings, twins), else 'multiple'. Nothing is decided here.
 */
async function reflag(tx: MTx, codec: MatchCodec, caseIds: readonly string[], model: MatchModel, normaliser: FieldNormaliser): Promise<void> {
  if (caseIds.length === 0) return;
  const sides = await tx.selectFrom("match_records").select(["case_id", "side"]).where("case_id", "in", [...caseIds]).execute();
  const threshold = model.settings.thresholds.conflict;
  for (const { case_id: caseId, side } of sides) {
    const [own, partner, flagCol] =
      side === "T" ? (["tracing_case_id", "holding_case_id", "tracing_set"] as const) : (["holding_case_id", "tracing_case_id", "holding_set"] as const);
    const rows = await tx
      .selectFrom("match_candidates")
      .select(["id", partner, "probability", "status"])
      .where(own, "=", caseId)
      .execute();
    const live = rows.filter((r) => r.status !== "rejected" && r.probability >= threshold).slice(0, MAX_GROUP);
    let flag: SetFlag | null = null;
    if (live.length >= 2) {
      const partnerIds = live.map((r) => (r as Record<string, unknown>)[partner] as string);
      const recs = await tx.selectFrom("match_records").select(["case_id", "record"]).where("case_id", "in", partnerIds).execute();
      const first = recs.map((r) => codec.records(r.case_id, r.record)[0]).filter((r): r is MatchRecord => r !== undefined);
      flag = "multiple";
      outer: for (let i = 0; i < first.length; i++) {
        for (let j = i + 1; j < first.length; j++) {
          if (kin(first[i]!, first[j]!, model, normaliser)) {
            flag = "family_conflict";
            break outer;
          }
        }
      }
    }
    const liveIds = live.map((r) => r.id);
    const all = rows.map((r) => r.id);
    if (liveIds.length > 0) await tx.updateTable("match_candidates").set({ [flagCol]: flag }).where("id", "in", liveIds).execute();
    const rest = all.filter((id) => !liveIds.includes(id));
    if (rest.length > 0) await tx.updateTable("match_candidates").set({ [flagCol]: null }).where("id", "in", rest).execute();
  }
}

export type { ModelParams, LinkSettings };
