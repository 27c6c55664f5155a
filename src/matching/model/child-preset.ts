import { parseSettings, type LinkSettings, type LinkSettingsInput } from "./settings-schema.ts";

const nameLevels = [
  { kind: "exact" },
  { kind: "name_equivalent" },
  { kind: "jaro_winkler", threshold: 0.92 },
  { kind: "jaro_winkler", threshold: 0.8 },
] as const;

// Blocks on keys whose number of values does not grow with the population (a common given
// name on one date, a common surname with a common given name) would make pairs grow with its
// square. Blocks of more pairs than these are split by further keys; a record without the
// split value stays in the block and still pairs with every sub-block, so splitting never
// loses a pair for want of a value. Low caps matter more than they seem: most such pairs come
// from many small blocks of 2–4 records a side, not from a few big ones.
const SPLIT_ABOVE = 4;
// "given name + birth date" finds mainly an adopted child (new surname) whose birth place is
// missing on one side: blocks are split at once by oblast, then by surname, which keeps
// exactly those pairs (a record without a place pairs with the whole block, up to
// UNSPLIT_ABOVE pairs) and drops the namesakes born on the same day elsewhere.
const SPLIT_GIVEN_DATE_ABOVE = 1;
// In a block of more than this many pairs, a record without the split value (no mother's name,
// no birth place) pairs only with records lacking it too: at a million records such a record
// would otherwise pair with hundreds of namesakes born the same day or with the same name.
// A common name's records without a birth year are often found by no other rule, so
// "family name + given name + region" pairs them within their oblast instead.
const UNSPLIT_ABOVE = 100;
// A key whose values do not grow with the population still has many small blocks of chance
// namesakes (two Олександр Коваленко born the same year, one a side) that no split reaches, and
// their pairs grow with its square. Where a key is common for the population at hand (a record
// expects more than WINDOW_EXPECTED records of the other side to share it by chance), a block
// of more than one pair pairs each record only with the record agreeing with it best (mutual),
// and a record without the split value only with its best record of the sub-blocks. At 100,000
// records few keys are that common; at a million most chance pairs come from them.
const WINDOW_EXPECTED = 0.5;
// What a record is compared on with the records of its block: the one sharing most of these
// wins, and among equals the one sharing the earlier ones.
const WINDOW: NonNullable<LinkSettingsInput["blocking"][number]["window"]> = {
  size: 1,
  above: 1,
  expectedAbove: WINDOW_EXPECTED,
  by: [
    { field: "birth_date", transform: "date" },
    { field: "birth_date", transform: "year" },
    { field: "birth_date", transform: "month_day_unordered" },
    { field: "given_name", transform: "name_key" },
    { field: "given_name", transform: "name_group" },
    { field: "family_name", transform: "name_key" },
    { field: "family_name", transform: "name_group" },
    { field: "mother_name", transform: "name_group" },
    { field: "patronymic", transform: "name_group" },
    { field: "father_name", transform: "name_group" },
    { field: "birth_place", transform: "place" },
    { field: "birth_place", transform: "region" },
    { field: "sex", transform: "value" },
  ],
};

/**
 * Built-in settings for the child-record layout:
 * record_id, given_name, family_name, patronymic, sex, birth_date, birth_place, mother_name, father_name.
 * Blocking rules are chosen to survive renaming: a child with a new name still has a birth
 * date, a birth place and a mother.
 */
export const CHILD_PRESET_INPUT: LinkSettingsInput = {
  version: 1,
  idColumn: "record_id",
  fields: [
    { name: "given_name", type: "given_name", label: "given name", levels: [...nameLevels], termFrequency: true },
    { name: "family_name", type: "family_name", label: "family name", levels: [...nameLevels], termFrequency: true },
    // A patronymic is the father's given name again: beside a father's name that agrees it is
    // weighed among pairs sharing that name, so the father is not counted twice.
    { name: "patronymic", type: "patronymic", levels: [{ kind: "exact" }, { kind: "name_equivalent" }, { kind: "jaro_winkler", threshold: 0.88 }], inferFromFather: "father_name", dependsOn: "father_name" },
    { name: "sex", type: "sex", levels: [{ kind: "exact" }], impliedBy: ["given_name"], inferFromNames: true },
    {
      name: "birth_date",
      type: "date",
      label: "date of birth",
      levels: [
        { kind: "date_exact" },
        { kind: "date_swapped" },
        { kind: "date_within_days", days: 3 },
        { kind: "date_year_off" },
        { kind: "date_partial" },
      ],
    },
    { name: "birth_place", type: "place", label: "place of birth", levels: [{ kind: "place_same" }, { kind: "place_same_region" }, { kind: "jaro_winkler", threshold: 0.85 }], termFrequency: true },
    // Parents' names usually carry the family name: agreement is weighed among pairs that
    // already agree on it, so the surname is not counted three times.
    { name: "mother_name", type: "person_name", label: "mother's name", levels: [...nameLevels], dependsOn: "family_name" },
    { name: "father_name", type: "person_name", label: "father's name", levels: [...nameLevels], dependsOn: "family_name" },
  ],
  blocking: [
    {
      name: "birth date + birth place",
      keys: [{ field: "birth_date", transform: "date_unordered" }, { field: "birth_place", transform: "place" }],
      // A renamed child keeps sex and mother; a record without a mother's name pairs as before.
      split: { above: SPLIT_ABOVE, unsplitAbove: UNSPLIT_ABOVE, by: [{ field: "sex", transform: "value" }, { field: "mother_name", transform: "name_group" }] },
      window: WINDOW,
    },
    { name: "birth date + mother", keys: [{ field: "birth_date", transform: "date_unordered" }, { field: "mother_name", transform: "name_group" }] },
    {
      name: "given name + birth date",
      keys: [{ field: "given_name", transform: "name_group" }, { field: "birth_date", transform: "date_unordered" }],
      split: { above: SPLIT_GIVEN_DATE_ABOVE, unsplitAbove: UNSPLIT_ABOVE, by: [{ field: "birth_place", transform: "region" }, { field: "family_name", transform: "name_group" }] },
      window: WINDOW,
    },
    // A year-off date keeps its day and month, which "given name + birth day/month + family
    // name start" catches, so splitting common names by birth year loses little; a record
    // without a year or place still pairs with every sub-block of its block.
    {
      name: "family name + given name",
      keys: [{ field: "family_name", transform: "name_group" }, { field: "given_name", transform: "name_group" }],
      split: { above: SPLIT_ABOVE, unsplitAbove: UNSPLIT_ABOVE, by: [{ field: "birth_date", transform: "year" }, { field: "birth_place", transform: "region" }] },
      window: WINDOW,
    },
    // A record without a birth year in a common name's block pairs, by this rule, with the
    // namesakes of its oblast (any year) rather than with every namesake.
    {
      name: "family name + given name + region",
      keys: [{ field: "family_name", transform: "name_group" }, { field: "given_name", transform: "name_group" }, { field: "birth_place", transform: "region" }],
      split: { above: SPLIT_ABOVE, by: [{ field: "birth_date", transform: "year" }] },
      window: WINDOW,
    },
    {
      name: "family name + birth year + place",
      keys: [{ field: "family_name", transform: "name_group" }, { field: "birth_date", transform: "year" }, { field: "birth_place", transform: "place" }],
      split: { above: SPLIT_ABOVE, by: [{ field: "sex", transform: "value" }] },
      window: WINDOW,
    },
    { name: "given name + birth day/month + family name start", keys: [{ field: "given_name", transform: "name_group" }, { field: "birth_date", transform: "month_day_unordered" }, { field: "family_name", transform: "first3" }], window: WINDOW },
    { name: "mother + birth year + place", keys: [{ field: "mother_name", transform: "name_group" }, { field: "birth_date", transform: "year" }, { field: "birth_place", transform: "place" }] },
    // An adoptive surname and a wrong date together escape the rules above; the given name and
    // the mother's name usually survive both. Common pairs split by birth year, then region.
    {
      name: "given name + mother",
      keys: [{ field: "given_name", transform: "name_group" }, { field: "mother_name", transform: "name_group" }],
      split: { above: SPLIT_ABOVE, by: [{ field: "birth_date", transform: "year" }, { field: "birth_place", transform: "region" }] },
      window: WINDOW,
    },
    // Parents' names are shared by siblings: a common pair of names splits by birth year.
    { name: "mother + father", keys: [{ field: "mother_name", transform: "name_group" }, { field: "father_name", transform: "name_group" }], split: { above: SPLIT_ABOVE, by: [{ field: "birth_date", transform: "year" }] }, window: WINDOW },
  ],
  thresholds: { review: 0.9, conflict: 0.5 },
  // Each child appears at most once on each side: a record's clearly better candidate explains
  // its weaker ones; near-ties (within 2, i.e. odds within 4 : 1) stay, flagged as a set.
  assignment: { oneToOne: true, margin: 2 },
  // Rules that pair mostly siblings (same parents) would teach EM "same family", not "same child".
  training: { rules: ["birth date + birth place", "birth date + mother", "family name + given name", "given name + birth day/month + family name start"] },
  family: { fields: ["family_name", "patronymic", "mother_name", "father_name", "birth_place"], minShared: 2, sameChildGivenFamily: 0.4 },
};

export function childPreset(): LinkSettings {
  return parseSettings(CHILD_PRESET_INPUT);
}
