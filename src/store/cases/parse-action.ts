import type { CaseAction } from "../../domain/index.ts";
import { CaseActionSchema, ValidationError } from "../../domain/index.ts";
import { validationFromZod } from "../errors-util.ts";

export function parseAction(input: unknown): CaseAction {
  const r = CaseActionSchema.safeParse(input);
  if (!r.success) throw validationFromZod(r.error);
  return r.data;
}

export function parseFollowUp(input: unknown, i: number): CaseAction {
  const r = CaseActionSchema.safeParse(input);
  if (!r.success) throw validationFromZod(r.error);
  if (r.data.type === "report") throw new ValidationError(`followUps.${i}.type`, '"report" only starts a case');
  return r.data;
}
