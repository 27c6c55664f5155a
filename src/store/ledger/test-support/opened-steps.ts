import { checkOpenedStep, type EntryLine } from "../../../ledger/index.ts";
import { nodeSha256 } from "../../../ledger-node/index.ts";
import type { Store } from "../../store.ts";

/**
 * The step types of a case as its opening reveals them in `lines` (an export, or entries): each
 * step's entry must be in the lines and open with the case's opening and payload, else it throws.
 */
export async function openedStepTypes(store: Store, lines: readonly string[], caseId: string): Promise<string[]> {
  const byIndex = new Map<number, EntryLine>();
  for (const l of lines) {
    const parsed = JSON.parse(l) as { kind: string };
    if (parsed.kind === "entry") byIndex.set((parsed as EntryLine).entry.index, parsed as EntryLine);
  }
  const { opening, steps } = await store.ledger.caseSteps(caseId);
  return steps.map((s) => {
    const line = byIndex.get(s.index);
    if (!line) throw new Error(`step ${s.payload.sequence} of case ${caseId} is not in the lines (entry ${s.index})`);
    const checked = checkOpenedStep(line, opening, s.payload, nodeSha256);
    if (!checked.ok) throw new Error(checked.reason);
    return checked.type;
  });
}
