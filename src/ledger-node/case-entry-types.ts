// The registry's case actions as log entry types. Imported for its effect: a verifier must
// know every entry type before it reads a log, and the store must register them before it signs.
import { z } from "zod";
import { ACTION_TYPES } from "../domain/index.ts";
import { defineEntryType } from "../ledger/index.ts";

const casePayload = z.object({
  case: z.string(),
  sequence: z.number().int().positive(),
  action: z.looseObject({ type: z.string() }),
  // A random salt, kept sealed in the registry: without it nobody holding the log can test
  // guesses of a child's details against the hash.
  salt: z.string().regex(/^[0-9a-f]{64}$/),
});
for (const type of ACTION_TYPES) defineEntryType({ type: `case.${type}`, version: 1, payload: casePayload });
