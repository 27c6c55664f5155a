import type { MatchCodec } from "./match-codec.ts";
import type { Kysely } from "kysely";
import { childPreset, linkTables, crossScriptNormaliser, parseSettings } from "../../matching/index.ts";
import type { LinkResult, LinkSettings, ModelParams } from "../../matching/index.ts";
import { defaultParams } from "../../matching/model/em-training.ts";
import type { Database } from "../schema.ts";
import type { MatchTables } from "./match-schema.ts";
import type { MatchRecord } from "./match-records.ts";

type MDb = Kysely<Database & MatchTables>;

export interface MatchModel {
  id: string;
  source: string;
  settings: LinkSettings;
  params: ModelParams;
  createdAt: Date;
}

/** What training learned from, and whether it stored a new model (else the model in use is kept). */
export interface TrainedModel extends MatchModel {
  trained: boolean;
  records: { tracing: number; holding: number };
  /** The EM sessions and sample sizes; null when the records were too few to learn from. */
  report: LinkResult["training"];
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
  const row = await db.selectFrom("match_models").select(["id", "source", "settings", "params", "created_at"]).orderBy("id", "desc").limit(1).executeTakeFirst();
  if (row) return { id: String(row.id), source: row.source, settings: parseSettings(json(row.settings)), params: json<ModelParams>(row.params), createdAt: new Date(row.created_at) };
  const preset = presetModel();
  return saveModel(db, "preset-defaults", preset.settings, preset.params, null);
}

export async function saveModel(db: MDb, source: string, settings: LinkSettings, params: ModelParams, report: unknown): Promise<MatchModel> {
  const inserted = await db
    .insertInto("match_models")
    .values({ source, settings: JSON.stringify(settings), params: JSON.stringify(params), report: report === null ? null : JSON.stringify(report) })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
  return { id: String(inserted.id), source, settings, params, createdAt: new Date(inserted.created_at) };
}

export interface LearnedParams {
  settings: LinkSettings;
  records: { tracing: number; holding: number };
  /** null when the records were too few to learn from */
  learned: { params: ModelParams; report: NonNullable<LinkResult["training"]> } | null;
}

/**
 * Learns m and u without labels (EM, u by random pairs) from the records stored for matching,
 * one variant per case. Stores nothing: the caller stores the result (see storeLearned) in a
 * transaction of its own, so the long computation holds no transaction open.
 */
export async function learnFromStored(db: MDb, codec: MatchCodec, settings: LinkSettings = childPreset()): Promise<LearnedParams> {
  const rows = await db.selectFrom("match_records").select(["case_id", "side", "record"]).execute();
  const left: MatchRecord[] = [];
  const right: MatchRecord[] = [];
  for (const r of rows) {
    const first = codec.records(r.case_id, r.record)[0];
    if (first) (r.side === "T" ? left : right).push(first);
  }
  const res = linkTables(left, right, settings, crossScriptNormaliser());
  const records = { tracing: left.length, holding: right.length };
  // Too few records to learn from: the engine fell back to its defaults.
  return { settings, records, learned: res.training === null ? null : { params: res.params, report: res.training } };
}

/** Stores what was learned as the model in use; with nothing learned, answers the model in use. */
export async function storeLearned(db: MDb, learned: LearnedParams): Promise<TrainedModel> {
  if (learned.learned === null) return { ...(await loadModel(db)), trained: false, records: learned.records, report: null };
  const { params, report } = learned.learned;
  const saved = await saveModel(db, "trained-em", learned.settings, params, { records: learned.records, ...report });
  return { ...saved, trained: true, records: learned.records, report };
}

/**
 * Learns m/u from the stored records and stores them as the model in use. Candidates already
 * stored keep the score they were given; new matching uses the new parameters.
 */
export async function trainStoredModel(db: MDb, codec: MatchCodec, settings: LinkSettings = childPreset()): Promise<TrainedModel> {
  return storeLearned(db, await learnFromStored(db, codec, settings));
}

export interface ModelSummary {
  id: string;
  source: string;
  createdAt: string;
  /** prior chance that two records drawn at random, one from each side, are one child */
  lambda: number;
  fields: { field: string; levels: { level: string; m: number; u: number; weight: number }[] }[];
}

function levelName(level: LinkSettings["fields"][number]["levels"][number]): string {
  const l = level as { kind: string; threshold?: number; days?: number; maxDistance?: number };
  if (l.threshold !== undefined) return `${l.kind} >= ${l.threshold}`;
  if (l.days !== undefined) return `${l.kind} ${l.days} days`;
  if (l.maxDistance !== undefined) return `${l.kind} ${l.maxDistance}`;
  return l.kind;
}

/** The model's m and u per field and comparison level (the last level: none of the others), with log2(m/u). */
export function modelSummary(model: MatchModel): ModelSummary {
  return {
    id: model.id,
    source: model.source,
    createdAt: model.createdAt.toISOString(),
    lambda: model.params.lambda,
    fields: model.settings.fields.map((spec, f) => {
      const { m, u } = model.params.fields[f]!;
      const names = [...spec.levels.map(levelName), "other"];
      return { field: spec.name, levels: m.map((mi, k) => ({ level: names[k] ?? `level ${k}`, m: mi, u: u[k]!, weight: Math.log2(mi / u[k]!) })) };
    }),
  };
}
