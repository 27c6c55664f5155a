import { recordKeyStrings } from "../blocking/blocking-keys.ts";
import { compareField } from "../model/comparison-levels.ts";
import type { ModelParams } from "../model/em-training.ts";
import type { FieldNormaliser } from "../model/field-normaliser.ts";
import { inferMissingPatronymic } from "../model/infer-patronymic.ts";
import { inferMissingSex } from "../model/infer-sex.ts";
import { contributions, explain, probability, scoreVector, weightTable, type FieldContribution } from "../model/match-scorer.ts";
import { newSharedCodes, prepareTable, type RawRecord } from "../model/prepared-table.ts";
import type { LinkSettings } from "../model/settings-schema.ts";

/**
 * Blocking keys of one record as strings, one per rule it has all parts for. A registry stores
 * them with the record and fetches candidates for a new record by equal keys.
 */
export function recordBlockingKeys(record: RawRecord, settings: LinkSettings, normaliser: FieldNormaliser): string[] {
  const codes = newSharedCodes(settings.fields.length);
  const table = prepareTable([record], settings, normaliser, codes);
  return recordKeyStrings(table, 0, settings, codes);
}

export interface PairScore {
  probability: number;
  weight: number;
  contributions: FieldContribution[];
  explanation: string;
}

/**
 * Scores one pair with a trained model. `termFrequency(field, key)` may supply the share of
 * records carrying a name key, from the registry's own counts; without it no adjustment is made.
 */
export function scoreRecordPair(
  a: RawRecord,
  b: RawRecord,
  settings: LinkSettings,
  params: ModelParams,
  normaliser: FieldNormaliser,
  termFrequency?: (field: string, key: string) => number | undefined,
): PairScore {
  const codes = newSharedCodes(settings.fields.length);
  const left = prepareTable([a], settings, normaliser, codes);
  const right = prepareTable([b], settings, normaliser, codes);
  inferMissingSex(left, settings, normaliser, codes);
  inferMissingSex(right, settings, normaliser, codes);
  inferMissingPatronymic(left, settings, normaliser, codes);
  inferMissingPatronymic(right, settings, normaliser, codes);
  const wt = weightTable(settings, params);
  const tf = {
    tf: settings.fields.map((spec, f) => {
      if (!spec.termFrequency || !termFrequency) return null;
      const values = codes.text[f]!.values;
      return Float64Array.from(values, (key) => termFrequency(spec.name, key) ?? Math.pow(2, wt.logUExact[f]!));
    }),
  };
  const gamma = settings.fields.map((_, f) => compareField(left.fields[f]!, 0, right.fields[f]!, 0));
  const scored = scoreVector(wt, tf, gamma, settings.fields.map((_, f) => left.fields[f]!.code[0]!));
  const parts = contributions(settings, wt, tf, gamma, left, 0, right, 0, scored.familyBranch);
  const prob = probability(scored.weight);
  return { probability: prob, weight: scored.weight, contributions: parts, explanation: explain(parts, prob, scored.familyBranch) };
}
