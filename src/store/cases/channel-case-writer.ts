import type { CaseActionInput, CaseInput, CaseSide } from "../../domain/index.ts";
import { checkClientId } from "../errors-util.ts";
import type { CasesApi, ImportResult, RequestContext } from "../types.ts";

// Disclosures and tracing requests are both a case of the caller's party created with its side
// and follow-up actions in one transaction; only how an input becomes that case differs.

export interface ChannelCase {
  details: CaseInput;
  side: CaseSide;
  followUps: CaseActionInput[];
}

/** The shares that let the addressee and the mediator work the case, each once. */
export function sharesFor(to: string | undefined, mediator: string | undefined): CaseActionInput[] {
  const out: CaseActionInput[] = [];
  for (const partyId of [to, mediator]) {
    if (partyId !== undefined && !out.some((a) => a.type === "share" && a.partyId === partyId)) out.push({ type: "share", partyId, scope: "participate" });
  }
  return out;
}

/** `prepare` validates an input (field paths under `prefix`) and says which case it becomes. */
export function channelCaseWriter<I>(cases: CasesApi, prepare: (input: I, prefix?: string) => ChannelCase) {
  return {
    async create(ctx: RequestContext, input: I, opts: { clientId: string }): Promise<{ id: string; replayed: boolean }> {
      const clientId = checkClientId(opts?.clientId);
      const { details, ...rest } = prepare(input);
      const result = await cases.create(ctx, details, { clientId, ...rest });
      return { id: result.id, replayed: result.replayed };
    },

    async createMany(ctx: RequestContext, items: readonly { clientId: string; input: I }[]): Promise<ImportResult> {
      const rows = items.map((item, i) => {
        const { details, ...rest } = prepare(item.input, `rows.${i}`);
        return { clientId: item.clientId, input: details, ...rest };
      });
      return cases.importBatch(ctx, rows);
    },
  };
}
