import { CaseInputSchema, decideAction, ValidationError } from "../domain/index.ts";
import type { Actor } from "../domain/index.ts";
import { columnFor } from "./case-csv.ts";
import type { AcceptedCaseRow, CaseChunk, RejectedCaseRow } from "./case-table.ts";

// A row can be well-formed and still break a rule of the registry (an adult whose consent is
// a guardian's). Each row is put to the same rules the registry applies, as the party that
// imports it, so that a dry run says what an import would do and a real run rejects the row on
// its own line rather than in the middle of a chunk's transaction.

/** Moves the rows the registry would refuse to the rejected list, with the column and the rule. */
export function checkCaseRows(chunk: CaseChunk, actor: Actor, now: Date): CaseChunk {
  const accepted: AcceptedCaseRow[] = [];
  const rejected: RejectedCaseRow[] = [...chunk.rejected];
  for (const row of chunk.accepted) {
    const reason = ruleBroken(row, actor, now);
    if (reason === null) accepted.push(row);
    else rejected.push({ line: row.line, fields: row.fields ?? [], reason });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { accepted, rejected };
}

function ruleBroken(row: AcceptedCaseRow, actor: Actor, now: Date): string | null {
  const details = CaseInputSchema.parse(row.input);
  try {
    decideAction({ state: null, action: { type: "report", details }, actor, relation: "owner", now });
    return null;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.issues.map((i) => `${columnFor(i.path.replace(/^details\./, ""))}: ${i.message}`).join("; ");
  }
}
