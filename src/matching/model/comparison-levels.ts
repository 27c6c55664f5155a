import { NO_DAY, type PreparedField } from "./prepared-table.ts";
import { inferredFromFather } from "./infer-patronymic.ts";
import type { LevelSpec } from "./settings-schema.ts";
import { boundedLevenshtein, jaroWinkler } from "./string-similarity.ts";

/** Level index meaning "one side has no value": contributes no evidence either way. */
export const NULL_LEVEL = 255;

/** Number of non-null levels of a field: its configured levels plus the final "else". */
export function levelCount(levels: readonly LevelSpec[]): number {
  return levels.length + 1;
}

function yearOff(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  if (d === 1) return true;
  // A single mistyped digit (2014 / 2017) is a year error too.
  let diffDigits = 0;
  for (let x = a, y = b; x > 0 || y > 0; x = Math.floor(x / 10), y = Math.floor(y / 10)) if (x % 10 !== y % 10) diffDigits++;
  return diffDigits === 1 && d < 10;
}

/**
 * Every token of the shorter name pairs with its own token of the longer one: equal, similar
 * (Jaro–Winkler at least the threshold) or an initial. Word order and extra names (a second
 * given name, a title) do not matter.
 */
export function tokensAlign(x: string, y: string, threshold: number): boolean {
  const tx = x.split(" ");
  const ty = y.split(" ");
  const [short, long] = tx.length <= ty.length ? [tx, ty] : [ty, tx];
  const used = new Uint8Array(long.length);
  for (const s of short) {
    let found = -1;
    for (let q = 0; q < long.length && found < 0; q++) if (!used[q] && long[q] === s) found = q;
    for (let q = 0; q < long.length && found < 0; q++) {
      if (used[q]) continue;
      const l = long[q]!;
      if ((s.length === 1 || l.length === 1) ? s[0] === l[0] : jaroWinkler(s, l) >= threshold) found = q;
    }
    if (found < 0) return false;
    used[found] = 1;
  }
  return short.length > 0;
}

/**
 * Returns the index of the first level the pair satisfies, levels.length for "else", or
 * NULL_LEVEL when either side is missing.
 */
export function compareField(a: PreparedField, i: number, b: PreparedField, j: number): number {
  const ca = a.code[i]!;
  const cb = b.code[j]!;
  if (ca < 0 || cb < 0) return NULL_LEVEL;
  const levels = a.spec.levels;
  if (a.spec.inferFromFather !== undefined) {
    const ia = inferredFromFather(a.text[i]!);
    const ib = inferredFromFather(b.text[j]!);
    if (ia || ib) {
      // A patronymic read from the father's name: only its group says anything, and when both
      // were read so the father's own field already weighs it.
      if (ia && ib) return NULL_LEVEL;
      const k = levels.findIndex((l) => l.kind === "name_equivalent");
      return k >= 0 && a.group[i]! >= 0 && a.group[i] === b.group[j] ? k : levels.length;
    }
  }
  let jw = -1;
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k]!;
    switch (level.kind) {
      case "exact":
        if (ca === cb) return k;
        break;
      case "name_equivalent":
        if (a.group[i]! >= 0 && a.group[i] === b.group[j]) return k;
        break;
      case "initial": {
        const ta = a.text[i]!;
        const tb = b.text[j]!;
        if ((ta.length === 1 || tb.length === 1) && ta.charCodeAt(0) === tb.charCodeAt(0)) return k;
        break;
      }
      case "jaro_winkler":
        if (jw < 0) jw = jaroWinkler(a.text[i]!, b.text[j]!);
        if (jw >= level.threshold) return k;
        break;
      case "name_tokens":
        if (tokensAlign(a.text[i]!, b.text[j]!, level.threshold)) return k;
        break;
      case "levenshtein":
        if (boundedLevenshtein(a.text[i]!, b.text[j]!, level.maxDistance) <= level.maxDistance) return k;
        break;
      case "date_exact":
        if (a.dayNumber[i] !== NO_DAY && a.dayNumber[i] === b.dayNumber[j]) return k;
        break;
      case "date_swapped": {
        const da = a.day[i]!;
        const ma = a.month[i]!;
        if (da > 0 && ma > 0 && da !== ma && a.year[i] === b.year[j] && da === b.month[j] && ma === b.day[j]) return k;
        break;
      }
      case "date_within_days": {
        const x = a.dayNumber[i]!;
        const y = b.dayNumber[j]!;
        if (x !== NO_DAY && y !== NO_DAY && Math.abs(x - y) <= level.days) return k;
        break;
      }
      case "date_year_off": {
        const ya = a.year[i]!;
        const yb = b.year[j]!;
        if (a.day[i]! > 0 && a.month[i]! > 0 && a.day[i] === b.day[j] && a.month[i] === b.month[j] && ya > 0 && yb > 0 && yearOff(ya, yb)) return k;
        break;
      }
      case "date_partial": {
        const ya = a.year[i]!;
        const yb = b.year[j]!;
        if (ya === 0 || ya !== yb) break;
        const ma = a.month[i]!;
        const mb = b.month[j]!;
        const dA = a.day[i]!;
        const dB = b.day[j]!;
        const incomplete = ma === 0 || mb === 0 || dA === 0 || dB === 0;
        if (incomplete && (ma === 0 || mb === 0 || ma === mb) && (dA === 0 || dB === 0 || dA === dB)) return k;
        break;
      }
      case "place_same":
        if (ca === cb) return k;
        break;
      case "place_same_region":
        if (a.group[i]! >= 0 && a.group[i] === b.group[j]) return k;
        break;
    }
  }
  return levels.length;
}

/** Human wording for a level, used in explanations. */
export function describeLevel(level: LevelSpec | undefined): string {
  if (!level) return "different";
  switch (level.kind) {
    case "exact":
      return "the same";
    case "name_equivalent":
      return "equivalent forms (other language, diminutive or gendered form)";
    case "initial":
      return "initial agrees";
    case "jaro_winkler":
      return level.threshold >= 0.9 ? "very similar spelling" : "similar spelling";
    case "name_tokens":
      return "every part of the shorter name found in the other";
    case "levenshtein":
      return `spelling differs by at most ${level.maxDistance} letter${level.maxDistance > 1 ? "s" : ""}`;
    case "date_exact":
      return "the same date";
    case "date_swapped":
      return "day and month swapped";
    case "date_within_days":
      return `within ${level.days} days`;
    case "date_year_off":
      return "same day and month, year differs";
    case "date_partial":
      return "partial dates that agree";
    case "place_same":
      return "the same place";
    case "place_same_region":
      return "the same region (oblast)";
  }
}
