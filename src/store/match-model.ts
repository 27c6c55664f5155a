import type { Kysely } from "kysely";
import { childPreset, linkTables, crossScriptNormaliser, parseSettings } from "../matching/index.ts";
import type { LinkSettings, ModelParams } from "../matching/index.ts";
import { defaultParams } from "../matching/model/em-training.ts";
import type { Database } from "./schema.ts";
import type { MatchTables } from "./match-schema.ts";
import type { MatchRecord } from "./match-records.ts";

type MDb = Kysely<Database & MatchTables>;

export interface MatchModel {
  id: string;
  source: string;
  settings: LinkSettings;
  params: ModelParams;
}

function json<T>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

/** The preset's settings with the engine's default m/u (used until a model is trained). */
export function presetModel(): { settings: LinkSettings; params: ModelParams } {
  const settings = childPreset();
  const sexFields = new Set(settings.fields.flatMap((f, k) => (f.type === "sex" ? [k] : [])));
  return { settings, params: defaultParams(settings.fields.map((f) => f.levels), sexFields) };
}

/** The newest stored model; when none is stored yet the preset is stored first, so every process uses the same. */
export async function loadModel(db: MDb): Promise<MatchModel> {
  const row = await db.selectFrom("match_models").select(["id", "source", "settings", "params"]).orderBy("id", "desc").limit(1).executeTakeFirst();
  if (row) return { id: String(row.id), source: row.source, settings: parseSettings(json(row.settings)), params: json<ModelParams>(row.params) };
  const preset = presetModel();
  return saveModel(db, "preset-defaults", preset.settings, preset.params, null);
}

export async function saveModel(db: MDb, source: string, settings: LinkSettings, params: ModelParams, report: unknown): Promise<MatchModel> {
  const inserted = await db
    .insertInto("match_models")
    .values({ source, settings: JSON.stringify(settings), params: JSON.stringify(params), report: report === null ? null : JSON.stringify(report) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: String(inserted.id), source, settings, params };
}

/**
 * Learns m and u without labels (EM, u by random pairs) from the records stored for matching,
 * one variant per case, and stores them as the model in use. Candidates already stored keep the
 * score they were given; new matching uses the new parameters.
 */
export async function trainStoredModel(db: MDb, settings: LinkSettings = childPreset()): Promise<MatchModel & { trained: boolean }> {
  const rows = await db.selectFrom("match_records").select(["side", "record"]).execute();
  const left: MatchRecord[] = [];
  const right: MatchRecord[] = [];
  for (const r of rows) {
    const first = json<MatchRecord[]>(r.record)[0];
    if (first) (r.side === "T" ? left : right).push(first);
  }
  const res = linkTables(left, right, settings, crossScriptNormaliser());
  if (res.training === null) {
    // Too few records to learn from: the engine fell back to its defaults; keep the model in use.
    return { ...(await loadModel(db)), trained: false };
  }
  const saved = await saveModel(db, "trained-em", settings, res.params, { records: { tracing: left.length, holding: right.length }, ...res.training });
  return { ...saved, trained: true };
}
