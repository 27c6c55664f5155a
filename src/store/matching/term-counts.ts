import type { MatchCodec } from "./match-codec.ts";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { crossScriptNormaliser } from "../../matching/index.ts";
import type { FieldNormaliser, LinkSettings, ModelParams } from "../../matching/index.ts";
import { newSharedCodes, prepareTable } from "../../matching/model/prepared-table.ts";
import type { Database } from "../schema.ts";
import type { MatchTables } from "./match-schema.ts";
import type { MatchRecord } from "./match-records.ts";

// Registry-wide term frequencies: how many stored cases carry each value key of the fields with
// `termFrequency` in the settings (given name, family name and birth place in the preset), both
// sides pooled as linkTables pools its two tables. Kept up to date in the matching transaction
// as records are stored, changed or withdrawn, and given to scoreRecordPair, so that agreeing on
// Коваленко counts for less than agreeing on a rare surname.
//
// Counted per case, not per record variant: a renamed child has up to six variants, which
// repeat its birth place (and often its surname); counting variants would make one child's place
// look six times as common. A key's share is then the share of cases (with any value in the
// field) that carry it, which is what u at the exact level means for a child.

type Q = Kysely<Database & MatchTables>;

/**
 * Below this many counted cases with a value in a field, the field's shares say nothing about
 * the population: a name seen once already has a share of 1/n, which for small n is above the
 * chance (u, 1 % in the preset) that two random children share a name, so every agreement
 * would be weakened. 1,000 mirrors linkTables, which uses no term frequencies below 250,000
 * possible pairs, i.e. 500 records a side, 1,000 pooled.
 */
export const MIN_TERM_RECORDS = 1000;

/** The value keys a case is counted under, by field name: distinct, sorted, never "". */
export type TermKeys = Record<string, string[]>;

export type TermFrequency = (field: string, key: string) => number | undefined;

/** The names of the fields whose values are counted. */
export function termFields(settings: LinkSettings): string[] {
  return settings.fields.filter((f) => f.termFrequency).map((f) => f.name);
}

/**
 * The keys of a case's variants in the term-frequency fields: the field's comparable text as
 * prepareTable makes it (name key, gazetteer place, normalised text), which is the value
 * interned for the field and so exactly what scoreRecordPair asks its callback about.
 */
export function termKeysOf(variants: readonly MatchRecord[], settings: LinkSettings, normaliser: FieldNormaliser): TermKeys {
  const out: TermKeys = {};
  if (variants.length === 0) return out;
  const table = prepareTable(variants, settings, normaliser, newSharedCodes(settings.fields.length));
  settings.fields.forEach((spec, f) => {
    if (!spec.termFrequency) return;
    const keys = new Set(table.fields[f]!.text.filter((t) => t !== ""));
    if (keys.size > 0) out[spec.name] = [...keys].sort();
  });
  return out;
}

export function parseTermKeys(v: unknown): TermKeys | null {
  if (v === null || v === undefined) return null;
  return (typeof v === "string" ? JSON.parse(v) : v) as TermKeys;
}

const SEP = "\u0000";

/** Count changes collected over a transaction's records, applied at once. */
export class TermCountChanges {
  readonly delta = new Map<string, number>();

  /** A case counted under `before` (null: not counted) is now counted under `after` (null: not at all). */
  change(before: TermKeys | null, after: TermKeys | null): void {
    const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    for (const field of fields) {
      const was = before?.[field] ?? [];
      const now = after?.[field] ?? [];
      for (const k of was) this.add(field, k, -1);
      for (const k of now) this.add(field, k, 1);
      this.add(field, "", (now.length > 0 ? 1 : 0) - (was.length > 0 ? 1 : 0));
    }
  }

  private add(field: string, key: string, n: number): void {
    if (n === 0) return;
    const id = field + SEP + key;
    const v = (this.delta.get(id) ?? 0) + n;
    if (v === 0) this.delta.delete(id);
    else this.delta.set(id, v);
  }
}

function columns(entries: readonly [string, number][]): { fields: string[]; keys: string[]; ns: number[] } {
  const fields: string[] = [];
  const keys: string[] = [];
  const ns: number[] = [];
  for (const [id, n] of entries) {
    const i = id.indexOf(SEP);
    fields.push(id.slice(0, i));
    keys.push(id.slice(i + 1));
    ns.push(n);
  }
  return { fields, keys, ns };
}

/** Applies the changes in `tx` (under the matching lock, so no two transactions count at once). */
export async function applyTermCountChanges(tx: Q, changes: TermCountChanges): Promise<void> {
  const entries = [...changes.delta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const up = columns(entries.filter(([, n]) => n > 0));
  const down = columns(entries.filter(([, n]) => n < 0).map(([id, n]) => [id, -n]));
  if (up.ns.length > 0) {
    await sql`insert into match_term_counts (field, key, count)
      select * from unnest(${up.fields}::text[], ${up.keys}::text[], ${up.ns}::int[])
      on conflict (field, key) do update set count = match_term_counts.count + excluded.count`.execute(tx);
  }
  if (down.ns.length > 0) {
    // Never below zero: a count can only be short if records were counted around this module.
    await sql`update match_term_counts t set count = greatest(t.count - d.n, 0)
      from unnest(${down.fields}::text[], ${down.keys}::text[], ${down.ns}::int[]) as d(field, key, n)
      where t.field = d.field and t.key = d.key`.execute(tx);
    await sql`delete from match_term_counts t
      using unnest(${down.fields}::text[], ${down.keys}::text[]) as d(field, key)
      where t.field = d.field and t.key = d.key and t.count = 0`.execute(tx);
  }
}

/**
 * The callback for scoreRecordPair: a key's share of the cases with any value in its field.
 * Loads the counts of the given keys only (a pair agrees at the exact level only on a key both
 * records carry, so the new record's keys are the ones asked for); other keys answer undefined,
 * which leaves them unadjusted. Undefined altogether when no field has `minRecords` cases.
 */
export async function loadTermFrequency(q: Q, settings: LinkSettings, keys: TermKeys, minRecords = MIN_TERM_RECORDS): Promise<TermFrequency | undefined> {
  const fields: string[] = [];
  const wanted: string[] = [];
  for (const field of termFields(settings)) {
    fields.push(field);
    wanted.push("");
    for (const k of keys[field] ?? []) {
      fields.push(field);
      wanted.push(k);
    }
  }
  if (fields.length === 0) return undefined;
  const rows = await sql<{ field: string; key: string; count: number }>`select t.field, t.key, t.count from match_term_counts t
    join unnest(${fields}::text[], ${wanted}::text[]) as d(field, key) on t.field = d.field and t.key = d.key`.execute(q);
  const totals = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const r of rows.rows) {
    if (r.key === "") totals.set(r.field, Number(r.count));
    else counts.set(r.field + SEP + r.key, Number(r.count));
  }
  for (const [field, n] of totals) if (n < minRecords) totals.delete(field);
  if (totals.size === 0) return undefined;
  return (field, key) => {
    const total = totals.get(field);
    const n = counts.get(field + SEP + key);
    return total === undefined || n === undefined || n <= 0 ? undefined : n / total;
  };
}

/**
 * The most (in log2 units of weight) that term frequencies can raise a pair's weight when the
 * pair agrees on `shared` keys: at the exact level a field's weight moves by log2(u_exact) −
 * log2(share), and the pair's weight grows by no more than the field weights summed into it
 * (it combines the odds against an unrelated child with those against a sibling, each growing
 * at most as fast). Other levels are not adjusted by the callback.
 */
export function termWeightHeadroom(settings: LinkSettings, params: ModelParams, shared: TermKeys, tf: TermFrequency): number {
  let total = 0;
  settings.fields.forEach((spec, f) => {
    if (!spec.termFrequency) return;
    const level = spec.levels.findIndex((l) => l.kind === "exact" || l.kind === "place_same");
    if (level < 0) return;
    const logU = Math.log2(params.fields[f]!.u[level]!);
    let most = 0;
    for (const k of shared[spec.name] ?? []) {
      const share = tf(spec.name, k);
      if (share !== undefined && share > 0) most = Math.max(most, logU - Math.log2(share));
    }
    total += most;
  });
  return total;
}

/** The keys two cases share, by field. */
export function sharedTermKeys(a: TermKeys, b: TermKeys): TermKeys {
  const out: TermKeys = {};
  for (const [field, keys] of Object.entries(a)) {
    const other = new Set(b[field] ?? []);
    const both = keys.filter((k) => other.has(k));
    if (both.length > 0) out[field] = both;
  }
  return out;
}

/** The counts as stored, by `field \0 key` (the empty key: the field's total). */
export async function storedTermCounts(q: Q): Promise<Map<string, number>> {
  const rows = await q.selectFrom("match_term_counts").select(["field", "key", "count"]).execute();
  return new Map(rows.filter((r) => r.count > 0).map((r) => [r.field + SEP + r.key, Number(r.count)]));
}

/** The counts worked out from scratch from every stored record's variants, as storedTermCounts lays them out. */
export async function termCountsFromScratch(q: Q, codec: MatchCodec, settings: LinkSettings, normaliser: FieldNormaliser = crossScriptNormaliser()): Promise<Map<string, number>> {
  const changes = new TermCountChanges();
  const rows = await q.selectFrom("match_records").select(["case_id", "record"]).execute();
  for (const r of rows) {
    const variants = codec.records(r.case_id, r.record);
    changes.change(null, codec.termKeys(termKeysOf(variants, settings, normaliser)));
  }
  return changes.delta;
}

/**
 * Counts again from scratch, in `tx` (which must hold the matching lock): every stored record's
 * keys are worked out anew and the table replaced. For repair, or after records were written
 * around the matcher (a bulk load); matching keeps the counts up to date otherwise.
 */
export async function recountTermCounts(tx: Q, codec: MatchCodec, settings: LinkSettings, normaliser: FieldNormaliser = crossScriptNormaliser()): Promise<number> {
  await tx.deleteFrom("match_term_counts").execute();
  const changes = new TermCountChanges();
  let lastId: string | null = null;
  let n = 0;
  for (;;) {
    let page = tx.selectFrom("match_records").select(["case_id", "record"]).orderBy("case_id").limit(5000);
    if (lastId !== null) page = page.where("case_id", ">", lastId);
    const rows = await page.execute();
    if (rows.length === 0) break;
    const ids: string[] = [];
    const keyJson: string[] = [];
    for (const r of rows) {
      const variants = codec.records(r.case_id, r.record);
      const keys = codec.termKeys(termKeysOf(variants, settings, normaliser));
      changes.change(null, keys);
      ids.push(r.case_id);
      keyJson.push(JSON.stringify(keys));
    }
    await sql`update match_records r set term_keys = d.keys::jsonb
      from unnest(${ids}::uuid[], ${keyJson}::text[]) as d(case_id, keys) where r.case_id = d.case_id`.execute(tx);
    n += rows.length;
    lastId = rows[rows.length - 1]!.case_id;
  }
  await applyTermCountChanges(tx, changes);
  return n;
}
