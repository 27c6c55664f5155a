import type { FieldNormaliser } from "./field-normaliser.ts";
import type { PreparedTable, SharedCodes } from "./prepared-table.ts";
import type { LinkSettings } from "./settings-schema.ts";

/** A normaliser that can tell the patronymic group a father's name implies ("" when it cannot). */
export interface PatronymicFromFather {
  patronymicFromFather(fatherName: string, familyName: string): string;
}

function readsFather(n: FieldNormaliser): n is FieldNormaliser & PatronymicFromFather {
  return typeof (n as Partial<PatronymicFromFather>).patronymicFromFather === "function";
}

/** Text of a patronymic read from the father's name: starts with NUL, which no name key does. */
const INFERRED = "\u0000";

/** Whether a prepared patronymic was read from the father's name rather than written. */
export function inferredFromFather(text: string): boolean {
  return text.charCodeAt(0) === 0;
}

/**
 * Fills a missing patronymic from the father's given name, for patronymic fields with
 * `inferFromFather`: a record with the father "Євген Зімін" and no patronymic is compared with
 * "Ильич" on the other side as Євгенович would be (the group of the father's name), so the two
 * disagree. Only the group is filled; comparison uses it at the `name_equivalent` level only,
 * and not when both sides were read so. Run after the sex is read from the names (the written
 * patronymic tells the sex; this one does not). Blocking keys are made before. Returns how many
 * values were filled.
 */
export function inferMissingPatronymic(table: PreparedTable, settings: LinkSettings, normaliser: FieldNormaliser, codes: SharedCodes): number {
  if (!readsFather(normaliser)) return 0;
  const family = settings.fields.findIndex((f) => f.type === "family_name");
  let filled = 0;
  settings.fields.forEach((spec, f) => {
    if (spec.type !== "patronymic" || spec.inferFromFather === undefined) return;
    const father = settings.fields.findIndex((g) => g.name === spec.inferFromFather);
    if (father < 0) return;
    const pf = table.fields[f]!;
    const ff = table.fields[father]!;
    for (let i = 0; i < table.size; i++) {
      if (pf.code[i]! >= 0 || ff.code[i]! < 0) continue;
      const group = normaliser.patronymicFromFather(ff.raw[i]!, family >= 0 ? table.fields[family]!.raw[i]! : "");
      if (group === "") continue;
      const text = INFERRED + group;
      pf.text[i] = text;
      pf.code[i] = codes.text[f]!.code(text);
      pf.group[i] = codes.group[f]!.code(group);
      pf.raw[i] = `(read from the father's name ${ff.raw[i]})`;
      filled++;
    }
  });
  return filled;
}
