import { z } from "zod";

// Linkage settings are data, not code: a caseworker's team can tune fields, levels, blocking
// and thresholds by editing JSON, and the engine checks it here before any record is read.
// docs/matching-settings.md describes each key in prose.

export const FIELD_TYPES = ["given_name", "family_name", "patronymic", "person_name", "date", "place", "sex", "string"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const jaroLevel = z.object({
  kind: z.literal("jaro_winkler"),
  threshold: z.number().min(0).max(1),
});
const levenshteinLevel = z.object({
  kind: z.literal("levenshtein"),
  maxDistance: z.number().int().min(1).max(5),
});
const withinDaysLevel = z.object({
  kind: z.literal("date_within_days"),
  days: z.number().int().min(1).max(36_600),
});

export const levelSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("exact") }),
  z.object({ kind: z.literal("name_equivalent") }),
  z.object({ kind: z.literal("initial") }),
  jaroLevel,
  z.object({ kind: z.literal("name_tokens"), threshold: z.number().min(0).max(1) }),
  levenshteinLevel,
  z.object({ kind: z.literal("date_exact") }),
  z.object({ kind: z.literal("date_swapped") }),
  withinDaysLevel,
  z.object({ kind: z.literal("date_year_off") }),
  z.object({ kind: z.literal("date_partial") }),
  z.object({ kind: z.literal("place_same") }),
  z.object({ kind: z.literal("place_same_region") }),
]);
export type LevelSpec = z.infer<typeof levelSchema>;

/** Which level kinds make sense for which field type; a mismatch is a settings error. */
export const LEVELS_FOR_TYPE: Record<FieldType, readonly LevelSpec["kind"][]> = {
  given_name: ["exact", "name_equivalent", "initial", "jaro_winkler", "levenshtein", "name_tokens"],
  family_name: ["exact", "name_equivalent", "initial", "jaro_winkler", "levenshtein", "name_tokens"],
  patronymic: ["exact", "name_equivalent", "initial", "jaro_winkler", "levenshtein", "name_tokens"],
  person_name: ["exact", "name_equivalent", "initial", "jaro_winkler", "levenshtein", "name_tokens"],
  date: ["date_exact", "date_swapped", "date_within_days", "date_year_off", "date_partial"],
  place: ["exact", "place_same", "place_same_region", "jaro_winkler"],
  sex: ["exact"],
  string: ["exact", "jaro_winkler", "levenshtein", "initial"],
};

export const fieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, "field names are lower_snake_case"),
  column: z.string().min(1).optional(),
  /** Columns joined with a space before comparison (e.g. address lines); overrides column. */
  columns: z.array(z.string().min(1)).min(1).optional(),
  type: z.enum(FIELD_TYPES),
  label: z.string().min(1).optional(),
  levels: z.array(levelSchema).min(1).max(8),
  termFrequency: z.boolean().default(false),
  /**
   * Fields whose agreement implies this one's (sex follows from a given name). When training
   * blocks on one of them, this field is held out too, or EM would mistake the implied
   * agreement for evidence of a match.
   */
  impliedBy: z.array(z.string()).optional(),
  /**
   * A field whose value this one carries (a parent's name contains the family name). When that
   * field agrees (same key or same equivalence group), this one's agreement is weighed against
   * pairs that also agree on it, so the shared part is not counted twice.
   */
  dependsOn: z.string().optional(),
  /** Sex fields: a missing value is read from the record's names (patronymic, gendered surname, full given name) when they tell. */
  inferFromNames: z.boolean().default(false),
  /**
   * Patronymic fields: a missing patronymic is read from the given name in this field (the
   * father's name): Ильич on one side and a father Євген on the other disagree. Compared at the
   * `name_equivalent` level only, and never when both sides are read so (the father's name
   * field already weighs that).
   */
  inferFromFather: z.string().optional(),
});
export type FieldSpec = z.infer<typeof fieldSchema>;

export const KEY_TRANSFORMS = [
  "value", "name_key", "name_group", "date", "date_unordered", "year", "month_day_unordered", "place", "region", "first3",
] as const;
export type KeyTransform = (typeof KEY_TRANSFORMS)[number];

const keyPartSchema = z.object({ field: z.string(), transform: z.enum(KEY_TRANSFORMS) });

export const blockingRuleSchema = z.object({
  name: z.string().min(1),
  keys: z.array(keyPartSchema).min(1),
  /**
   * Blocks on keys whose number of values does not grow with the population (common names)
   * grow with it, and their pairs with its square. A block with more than `above` pairs is
   * split by the first key part of `by`; sub-blocks still above it by the next, and so on.
   * Small populations are never split, so their recall is unchanged.
   */
  split: z
    .object({
      above: z.number().int().positive(),
      by: z.array(keyPartSchema).min(1),
      /**
       * A record without the split value stays in the split block and pairs with every sub-block
       * of it, so in a block of more than this many pairs (before splitting) it makes pairs with
       * the block's whole size. Above it, such records pair only with each other in that block
       * (other rules still pair them); the pairs so dropped are reported. Default: no limit.
       */
      unsplitAbove: z.number().int().positive().optional(),
    })
    .optional(),
  /**
   * Nearest neighbours inside blocks that stay large after splitting: in a block of more than
   * `above` pairs, a pair is made only when each of its records is among the `size` records of
   * the other side agreeing best with it on the `by` parts (most parts shared, then the earlier
   * parts; ties to the record first in its table). A record left in a split block without the
   * split value pairs with its `unsplitSize` best records of the sub-blocks. A record then has at most
   * `size` partners there, so pairs grow with the block, not its square. Pairs so left out are
   * reported, and a later rule sharing a key still makes them.
   */
  window: z
    .object({
      size: z.number().int().positive(),
      above: z.number().int().nonnegative().default(0),
      /**
       * Only in blocks whose key is common: a record expects more than this many records of the
       * other side to share it by chance (the other side's size times each key part's share of
       * the population, multiplied). This grows with the population, so a small one is left
       * alone, and tables of fewer than 250,000 possible pairs are never windowed for it.
       * Default 0: every block above `above`.
       */
      expectedAbove: z.number().nonnegative().default(0),
      /**
       * Partners of a record left in a split block without the split value, among the records
       * of its sub-blocks (default `size`): such a record lacks a value, so it has less to be
       * told apart by and may be given a few more.
       */
      unsplitSize: z.number().int().positive().optional(),
      by: z.array(keyPartSchema).min(1).max(24),
    })
    .optional(),
  /** Blocks producing more pairs than this are skipped and reported, so one bad key cannot explode the run. */
  maxBlockPairs: z.number().int().positive().default(250_000),
});
export type BlockingRuleSpec = z.infer<typeof blockingRuleSchema>;

export const settingsSchema = z
  .object({
    version: z.literal(1),
    idColumn: z.string().min(1).default("record_id"),
    fields: z.array(fieldSchema).min(1),
    blocking: z.array(blockingRuleSchema).min(1),
    thresholds: z
      .object({
        /** Pairs at or above this probability go to a person for review. */
        review: z.number().gt(0).lt(1).default(0.9),
        /** Competing candidates at or above this probability count when flagging family conflicts. */
        conflict: z.number().gt(0).lt(1).default(0.5),
      })
      .prefault({}),
    /** Which fields decide that two records on one side belong to one family (sibling/twin detection). */
    family: z
      .object({
        fields: z.array(z.string()).min(1),
        minShared: z.number().int().min(1).default(2),
        /**
         * Chance that two records of one family describe the same child. Family fields (surname,
         * parents, place) can prove "same family" but never "same child": their combined weight is
         * capped so that the child's own details (given name, birth date, sex) decide.
         */
        sameChildGivenFamily: z.number().gt(0).lt(1).default(0.4),
      })
      .optional(),
    /**
     * Two lists in which each child appears at most once per side: each record keeps its best
     * candidate, and weaker candidates within `margin` of it (near-ties, flagged as a set for a
     * person); weaker ones are set aside. Deduplication of one table ignores it.
     */
    assignment: z
      .object({
        oneToOne: z.boolean().default(false),
        /** In match-weight units (log2 of the odds, as explanations show them). */
        margin: z.number().min(0).max(40).default(2),
      })
      .optional(),
    training: z
      .object({
        randomPairs: z.number().int().min(1000).default(200_000),
        emIterations: z.number().int().min(1).max(200).default(30),
        maxEmPairs: z.number().int().min(1000).default(2_000_000),
        seed: z.number().int().default(1),
        /**
         * Blocking rules whose pairs train m (default: all). Leave out rules that mostly pair
         * siblings (e.g. mother + father): EM would learn "same family" instead of "same child".
         */
        rules: z.array(z.string()).min(1).optional(),
      })
      .prefault({}),
  })
  .superRefine((s, ctx) => {
    const names = new Set<string>();
    s.fields.forEach((f, i) => {
      if (names.has(f.name)) ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `field "${f.name}" is defined twice` });
      names.add(f.name);
      f.impliedBy?.forEach((n, j) => {
        if (!s.fields.some((g) => g.name === n)) ctx.addIssue({ code: "custom", path: ["fields", i, "impliedBy", j], message: `field "${f.name}" is implied by unknown field "${n}"` });
      });
      if (f.dependsOn !== undefined && (f.dependsOn === f.name || !s.fields.some((g) => g.name === f.dependsOn))) {
        ctx.addIssue({ code: "custom", path: ["fields", i, "dependsOn"], message: `field "${f.name}" depends on ${f.dependsOn === f.name ? "itself" : `unknown field "${f.dependsOn}"`}` });
      }
      if (f.inferFromNames && f.type !== "sex") {
        ctx.addIssue({ code: "custom", path: ["fields", i, "inferFromNames"], message: `only a sex field can be read from the names ("${f.name}" is ${f.type})` });
      }
      if (f.inferFromFather !== undefined) {
        const father = s.fields.find((g) => g.name === f.inferFromFather);
        if (f.type !== "patronymic") ctx.addIssue({ code: "custom", path: ["fields", i, "inferFromFather"], message: `only a patronymic field can be read from the father's name ("${f.name}" is ${f.type})` });
        else if (!father || (father.type !== "person_name" && father.type !== "given_name")) {
          ctx.addIssue({ code: "custom", path: ["fields", i, "inferFromFather"], message: `field "${f.name}" is read from ${father ? `field "${father.name}", which is not a person_name or given_name field` : `unknown field "${f.inferFromFather}"`}` });
        } else if (!f.levels.some((l) => l.kind === "name_equivalent")) {
          ctx.addIssue({ code: "custom", path: ["fields", i, "inferFromFather"], message: `field "${f.name}" needs a name_equivalent level to compare a patronymic read from the father's name` });
        }
      }
      f.levels.forEach((l, j) => {
        if (!LEVELS_FOR_TYPE[f.type].includes(l.kind)) {
          ctx.addIssue({
            code: "custom",
            path: ["fields", i, "levels", j, "kind"],
            message: `level "${l.kind}" does not apply to a ${f.type} field (allowed: ${LEVELS_FOR_TYPE[f.type].join(", ")})`,
          });
        }
      });
    });
    s.blocking.forEach((r, i) => {
      r.keys.forEach((k, j) => {
        if (!names.has(k.field)) ctx.addIssue({ code: "custom", path: ["blocking", i, "keys", j, "field"], message: `blocking rule "${r.name}" uses unknown field "${k.field}"` });
      });
      r.split?.by.forEach((k, j) => {
        if (!names.has(k.field)) ctx.addIssue({ code: "custom", path: ["blocking", i, "split", "by", j, "field"], message: `blocking rule "${r.name}" splits by unknown field "${k.field}"` });
      });
      r.window?.by.forEach((k, j) => {
        if (!names.has(k.field)) ctx.addIssue({ code: "custom", path: ["blocking", i, "window", "by", j, "field"], message: `blocking rule "${r.name}" compares its window on unknown field "${k.field}"` });
      });
    });
    const ruleNames = new Set(s.blocking.map((r) => r.name));
    s.training.rules?.forEach((r, i) => {
      if (!ruleNames.has(r)) ctx.addIssue({ code: "custom", path: ["training", "rules", i], message: `training uses unknown blocking rule "${r}"` });
    });
    s.family?.fields.forEach((f, i) => {
      if (!names.has(f)) ctx.addIssue({ code: "custom", path: ["family", "fields", i], message: `family uses unknown field "${f}"` });
    });
  });

export type LinkSettings = z.infer<typeof settingsSchema>;
export type LinkSettingsInput = z.input<typeof settingsSchema>;

export class SettingsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid linkage settings:\n  - ${problems.join("\n  - ")}`);
    this.name = "SettingsError";
    this.problems = problems;
  }
}

/** Validates settings from JSON text or an object; throws SettingsError listing every problem with its path. */
export function parseSettings(input: unknown): LinkSettings {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new SettingsError([`not valid JSON: ${(e as Error).message}`]);
    }
  }
  const result = settingsSchema.safeParse(value);
  if (!result.success) {
    throw new SettingsError(
      result.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`),
    );
  }
  return result.data;
}

/** JSON Schema of the settings file, for editors and other tooling. */
export function settingsJsonSchema(): unknown {
  return z.toJSONSchema(settingsSchema, { io: "input", unrepresentable: "any" });
}
