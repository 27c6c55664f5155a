import type { FieldNormaliser } from "./field-normaliser.ts";
import type { PreparedTable, SharedCodes } from "./prepared-table.ts";
import type { LinkSettings } from "./settings-schema.ts";

/** A normaliser that can read a child's sex from the names ("m", "f", or "" when they do not tell). */
export interface SexFromNames {
  sexFromNames(given: string, family: string, patronymic: string): "m" | "f" | "";
}

function readsSex(n: FieldNormaliser): n is FieldNormaliser & SexFromNames {
  return typeof (n as Partial<SexFromNames>).sexFromNames === "function";
}

/**
 * Fills a missing sex from the record's names, for sex fields with `inferFromNames`: a girl
 * called Діана with the sex left blank is still a girl, which tells her from a twin brother.
 * The explanation shows the value as read from the name. Returns how many values were filled.
 * Blocking keys are made before this, so a record without sex still pairs as before.
 */
export function inferMissingSex(table: PreparedTable, settings: LinkSettings, normaliser: FieldNormaliser, codes: SharedCodes): number {
  if (!readsSex(normaliser)) return 0;
  const col = (type: string) => settings.fields.findIndex((f) => f.type === type);
  const [given, family, patronymic] = [col("given_name"), col("family_name"), col("patronymic")];
  const raw = (f: number, i: number) => (f >= 0 ? table.fields[f]!.raw[i]! : "");
  let filled = 0;
  settings.fields.forEach((spec, f) => {
    if (spec.type !== "sex" || !spec.inferFromNames) return;
    const pf = table.fields[f]!;
    for (let i = 0; i < table.size; i++) {
      if (pf.code[i]! >= 0) continue;
      const sex = normaliser.sexFromNames(raw(given, i), raw(family, i), raw(patronymic, i));
      if (sex === "") continue;
      pf.text[i] = sex;
      pf.code[i] = codes.text[f]!.code(sex);
      pf.raw[i] = sex === "m" ? "male (read from the name)" : "female (read from the name)";
      filled++;
    }
  });
  return filled;
}
