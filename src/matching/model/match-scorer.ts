import { describeLevel, NULL_LEVEL } from "./comparison-levels.ts";
import type { ModelParams } from "./em-training.ts";
import type { PreparedTable } from "./prepared-table.ts";
import type { LinkSettings } from "./settings-schema.ts";

/**
 * Term frequencies of a field's values (by interned code) over both tables, so agreeing on a
 * rare surname counts for more than agreeing on Kovalenko.
 */
export interface TermFrequencies {
  /** tf[field] is null when the field has no adjustment. */
  tf: (Float64Array | null)[];
  /**
   * groupShare[field][code]: share of values in the code's equivalence group (every form of
   * Олександр: Александр, Саша …), for the adjustment at the `name_equivalent` level;
   * absent or null: no adjustment there.
   */
  groupShare?: (Float64Array | null)[];
  /** per field, the chance that two values drawn at random share a group (sum of squared shares) */
  groupAgreement?: Float64Array;
}

export function termFrequencies(settings: LinkSettings, tables: readonly PreparedTable[], codeCounts: readonly number[]): TermFrequencies {
  const groupShare: (Float64Array | null)[] = settings.fields.map(() => null);
  const groupAgreement = new Float64Array(settings.fields.length);
  const tf = settings.fields.map((spec, f) => {
    if (!spec.termFrequency) return null;
    const counts = new Float64Array(codeCounts[f]!);
    let total = 0;
    for (const t of tables) {
      const codes = t.fields[f]!.code;
      for (let i = 0; i < codes.length; i++) {
        if (codes[i]! >= 0) {
          counts[codes[i]!]!++;
          total++;
        }
      }
    }
    // Two forms of one name are as telling as the name is rare: Олександр / Александр is a
    // common coincidence, Тимофій / Тимофей a rarer one. u at this level is taken to grow with
    // the group's share (the key fixes its group); m is not adjusted. The share of the group,
    // not of its other forms: where the Ukrainian and Russian forms share one key (Ірина,
    // Ирина) only a diminutive is left, and m at this level is learned mostly from other pairs.
    if (spec.levels.some((l) => l.kind === "name_equivalent")) {
      const groupOf = new Int32Array(counts.length).fill(-1);
      let groups = 0;
      for (const t of tables) {
        const { code, group } = t.fields[f]!;
        for (let i = 0; i < code.length; i++) {
          if (code[i]! >= 0 && group[i]! >= 0) {
            groupOf[code[i]!] = group[i]!;
            if (group[i]! >= groups) groups = group[i]! + 1;
          }
        }
      }
      const inGroup = new Float64Array(groups);
      for (let c = 0; c < counts.length; c++) if (groupOf[c]! >= 0) inGroup[groupOf[c]!]! += counts[c]!;
      const n = Math.max(total, 1);
      let agreement = 0;
      for (let g = 0; g < groups; g++) agreement += (inGroup[g]! / n) ** 2;
      groupAgreement[f] = agreement;
      groupShare[f] = Float64Array.from(counts, (k, c) => Math.max(groupOf[c]! >= 0 ? inGroup[groupOf[c]!]! : k, 1) / n);
    }
    for (let c = 0; c < counts.length; c++) counts[c] = Math.max(counts[c]!, 1) / Math.max(total, 1);
    return counts;
  });
  return { tf, groupShare, groupAgreement };
}

/** log2 Bayes factors per field and level, with the prior, ready for fast scoring. */
export interface WeightTable {
  /** log2 prior odds that two records drawn at random from the two tables are one child */
  prior: number;
  /** 1 for fields that show family membership (capped together), 0 for the child's own fields */
  familyMask: Uint8Array;
  /** the most that prior + family evidence may reach; +Infinity when no family is configured */
  familyCeiling: number;
  weights: Float64Array[]; // per field, per level
  /** weights of the child's own fields against siblings rather than the population */
  familyWeights: Float64Array[];
  /** log2(u_exact) per field, for the term-frequency adjustment at the exact level; NaN if none. */
  logUExact: Float64Array;
  exactLevel: Int8Array; // level index of "exact" for TF fields, -1 otherwise
  equivalentLevel: Int8Array; // level index of "name_equivalent" for TF fields, -1 otherwise
  /** index of the field each field depends on (settings `dependsOn`), -1 for none */
  dependsOn: Int16Array;
  /** per field and level, 1 where the level means agreement (same key or equivalence group) */
  agrees: Uint8Array[];
  /** per field, weights used when the field it depends on agrees; null when not learned */
  givenWeights: (Float64Array | null)[];
}

const AGREEMENT_KINDS = new Set(["exact", "name_equivalent", "date_exact", "place_same"]);
const NEAR_AGREEMENT = 0.9;

/** Caps how far one field can move the score, so one odd parameter cannot decide a match alone. */
const MAX_FIELD_WEIGHT = 20;

export function weightTable(settings: LinkSettings, params: ModelParams): WeightTable {
  const F = settings.fields.length;
  const logUExact = new Float64Array(F).fill(Number.NaN);
  const exactLevel = new Int8Array(F).fill(-1);
  const equivalentLevel = new Int8Array(F).fill(-1);
  const weights = params.fields.map((fp, f) => {
    const w = new Float64Array(fp.m.length);
    for (let l = 0; l < w.length; l++) w[l] = clamp(Math.log2(fp.m[l]! / fp.u[l]!));
    const spec = settings.fields[f]!;
    if (spec.termFrequency) {
      // A place's own level of agreement is place_same (one gazetteer place in any language).
      const k = spec.levels.findIndex((lv) => lv.kind === "exact" || lv.kind === "place_same");
      if (k >= 0) {
        exactLevel[f] = k;
        logUExact[f] = Math.log2(fp.u[k]!);
      }
      const e = spec.levels.findIndex((lv) => lv.kind === "name_equivalent");
      if (e >= 0) equivalentLevel[f] = e;
    }
    return w;
  });
  const familyWeights = params.fields.map((fp, f) => {
    if (!fp.uFamily) return weights[f]!;
    return Float64Array.from(fp.m, (m, l) => clamp(Math.log2(m / fp.uFamily![l]!)));
  });
  const familyMask = new Uint8Array(F);
  let familyCeiling = Number.POSITIVE_INFINITY;
  if (settings.family) {
    for (const name of settings.family.fields) familyMask[settings.fields.findIndex((f) => f.name === name)] = 1;
    const q = settings.family.sameChildGivenFamily;
    familyCeiling = Math.log2(q / (1 - q));
  }
  const dependsOn = Int16Array.from(settings.fields, (spec) => (spec.dependsOn === undefined ? -1 : settings.fields.findIndex((g) => g.name === spec.dependsOn)));
  // A name spelt very nearly alike (Jaro–Winkler 0.9 or more: a typo, Сукманова / Суканова) is
  // the same name for this purpose: a mother's name written with it agrees as often as beside an
  // identical one, and counting it in full would count the family name twice.
  const agrees = settings.fields.map((spec) =>
    Uint8Array.from([...spec.levels.map((l) => (AGREEMENT_KINDS.has(l.kind) || (l.kind === "jaro_winkler" && l.threshold >= NEAR_AGREEMENT) ? 1 : 0)), 0]),
  );
  const givenWeights = params.fields.map((fp, f) => (fp.uGiven && dependsOn[f]! >= 0 ? Float64Array.from(fp.m, (m, l) => clamp(Math.log2(m / fp.uGiven![l]!))) : null));
  return { prior: Math.log2(params.lambda / (1 - params.lambda)), weights, familyWeights, logUExact, exactLevel, equivalentLevel, familyMask, familyCeiling, dependsOn, agrees, givenWeights };
}

function clamp(w: number): number {
  return Math.max(-MAX_FIELD_WEIGHT, Math.min(MAX_FIELD_WEIGHT, w));
}

/** Whether field f's weight is taken among pairs agreeing on the field it depends on, given that field's level. */
export function conditioned(wt: WeightTable, f: number, dependLevel: number): boolean {
  const d = wt.dependsOn[f]!;
  return d >= 0 && wt.givenWeights[f] !== null && dependLevel !== NULL_LEVEL && wt.agrees[d]![dependLevel] === 1;
}

/**
 * Contribution of one field at a level, with the term-frequency adjustment when it applies.
 * `dependLevel` is the level of the field this one depends on, if any.
 */
export function fieldWeight(wt: WeightTable, tf: TermFrequencies, f: number, level: number, code: number, dependLevel: number = NULL_LEVEL): number {
  if (level === NULL_LEVEL) return 0;
  let w = conditioned(wt, f, dependLevel) ? wt.givenWeights[f]![level]! : wt.weights[f]![level]!;
  if (level === wt.exactLevel[f] && code >= 0) {
    const table = tf.tf[f];
    if (table) w = clamp(w + wt.logUExact[f]! - Math.log2(table[code]!));
  } else if (level === wt.equivalentLevel[f] && code >= 0) {
    // u scaled by the group's share against the mean chance of sharing a group.
    const share = tf.groupShare?.[f];
    if (share && tf.groupAgreement) w = clamp(w + Math.log2(tf.groupAgreement[f]!) - Math.log2(share[code]!));
  }
  return w;
}

/**
 * Match weight from the prior, the family fields' total and the child fields' total. Two
 * alternatives compete with "same child": an unrelated child (the population weight) and a
 * sibling or twin (the family weight: agreeing surname, parents and place say only "same
 * family", and the child's own fields are weighed against how often siblings share them).
 * The posterior odds against both are 1 / (1/odds₁ + 1/odds₂): a pair that only just beats
 * each alternative alone is not as sure as the weaker of the two says (up to 1 bit less).
 */
export function combineWeights(wt: WeightTable, family: number, child: number, childInFamily: number): number {
  const population = wt.prior + family + child;
  const sibling = wt.familyCeiling + childInFamily;
  if (sibling === Number.POSITIVE_INFINITY) return population;
  const lo = Math.min(population, sibling);
  // log2(2^-a + 2^-b) around the smaller one, without overflow.
  return lo - Math.log2(1 + 2 ** -(Math.max(population, sibling) - lo));
}

/** Whether the family branch decides a pair's weight (then child fields are weighed against siblings). */
export function familyBranch(wt: WeightTable, family: number, child: number, childInFamily: number): boolean {
  return wt.familyCeiling + childInFamily < wt.prior + family + child;
}

/** Scores one comparison vector: the match weight and which branch decided it. */
export function scoreVector(wt: WeightTable, tf: TermFrequencies, gamma: ArrayLike<number>, codes: ArrayLike<number>): { weight: number; familyBranch: boolean } {
  let fam = 0;
  let child = 0;
  let childFam = 0;
  for (let f = 0; f < gamma.length; f++) {
    const l = gamma[f]!;
    if (l === NULL_LEVEL) continue;
    const d = wt.dependsOn[f]!;
    const dl = d >= 0 ? gamma[d]! : NULL_LEVEL;
    if (wt.familyMask[f]) fam += fieldWeight(wt, tf, f, l, codes[f]!, dl);
    else {
      child += fieldWeight(wt, tf, f, l, codes[f]!, dl);
      childFam += wt.familyWeights[f]![l]!;
    }
  }
  return { weight: combineWeights(wt, fam, child, childFam), familyBranch: familyBranch(wt, fam, child, childFam) };
}

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** Inverse of probability(): the match weight a probability threshold corresponds to. */
export function weightForProbability(p: number): number {
  return Math.log2(p / (1 - p));
}

export interface FieldContribution {
  field: string;
  label: string;
  left: string;
  right: string;
  level: string;
  weight: number;
}

export function contributions(
  settings: LinkSettings,
  wt: WeightTable,
  tf: TermFrequencies,
  gamma: ArrayLike<number>,
  left: PreparedTable,
  i: number,
  right: PreparedTable,
  j: number,
  inFamily = false,
): FieldContribution[] {
  return settings.fields.map((spec, f) => {
    const level = gamma[f]!;
    const childVsSiblings = inFamily && !wt.familyMask[f] && level !== NULL_LEVEL;
    const dependLevel = wt.dependsOn[f]! >= 0 ? gamma[wt.dependsOn[f]!]! : NULL_LEVEL;
    // A caseworker should see why a mother's name that agrees counts for little: the family
    // name in it was already counted.
    const other = wt.dependsOn[f]! >= 0 ? settings.fields[wt.dependsOn[f]!]! : null;
    const how = other?.levels[dependLevel]?.kind === "jaro_winkler" ? "is spelt nearly alike" : "already agrees";
    const beside = other && level !== NULL_LEVEL && conditioned(wt, f, dependLevel) ? `, counted beside the ${other.label ?? other.name.replace(/_/g, " ")} that ${how}` : "";
    return {
      field: spec.name,
      label: spec.label ?? spec.name.replace(/_/g, " "),
      left: left.fields[f]!.raw[i]!,
      right: right.fields[f]!.raw[j]!,
      level: level === NULL_LEVEL ? "missing" : describeLevel(spec.levels[level]) + beside,
      weight: childVsSiblings ? wt.familyWeights[f]![level]! : fieldWeight(wt, tf, f, level, left.fields[f]!.code[i]!, dependLevel),
    };
  });
}

function strength(w: number): string {
  const a = Math.abs(w);
  const dir = w > 0 ? "for" : "against";
  if (a >= 10) return `very strong evidence ${dir}`;
  if (a >= 5) return `strong evidence ${dir}`;
  if (a >= 2) return `some evidence ${dir}`;
  return `weak evidence ${dir}`;
}

/** A caseworker-readable account of why the engine scored a pair as it did. */
export function explain(parts: readonly FieldContribution[], probabilityValue: number, familyCapped?: string | boolean): string {
  const sentences = parts.map((p) => {
    const label = p.label.charAt(0).toUpperCase() + p.label.slice(1);
    if (p.level === "missing") return `${label}: missing on ${p.left ? "the right" : p.right ? "the left" : "both sides"}, no evidence.`;
    const values = p.left === p.right ? `"${p.left}"` : `"${p.left}" / "${p.right}"`;
    return `${label} ${values}: ${p.level}, ${strength(p.weight)} (${p.weight >= 0 ? "+" : ""}${p.weight.toFixed(1)}).`;
  });
  const pct = (probabilityValue * 100).toFixed(probabilityValue > 0.99 && probabilityValue < 1 ? 2 : 0);
  const cap = familyCapped
    ? ` Family details agree${typeof familyCapped === "string" ? ` (${familyCapped})` : ""}; as siblings and twins share them, they count only as far as "same family", and the child's own details are weighed against how often siblings share them.`
    : "";
  return `Estimated ${pct}% likely the same child. ${sentences.join(" ")}${cap} A person must decide; nothing is merged.`;
}
