import type { CaseActionInput, CaseInput, CaseView, DisclosureInput } from "../../domain/index.ts";
import { DisclosureInputSchema, NotFoundError, projectDisclosure, splitDisclosureInput } from "../../domain/index.ts";
import type { DisclosureContent } from "../../domain/index.ts";
import { actionAad, channelCaseWriter, sharesFor } from "../cases/index.ts";
import { validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import type { CasesApi, DisclosuresApi } from "../types.ts";

// Disclosures: a child held, reported by the holding side of the case as its own case (side
// "holding") with a "disclose" action, and shared with the addressees, all in one transaction.
// The disclosure's content lives only in the sealed action (and in the log as its commitment).

export function createDisclosureRepository(s: StoreInternals, cases: CasesApi): DisclosuresApi {
  async function latestDisclosure(view: CaseView): Promise<DisclosureContent | null> {
    const row = await s.db
      .selectFrom("case_actions")
      .select(["sequence", "payload"])
      .where("case_id", "=", view.id)
      .where("type", "=", "disclose")
      .orderBy("sequence", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    const action = JSON.parse(s.box.open(row.payload, actionAad(view.id, row.sequence))) as { disclosure: DisclosureContent };
    return action.disclosure;
  }

  function prepare(input: DisclosureInput, prefix = ""): { details: CaseInput; side: "holding"; followUps: CaseActionInput[] } {
    const parsed = DisclosureInputSchema.safeParse(input);
    if (!parsed.success) throw validationFromZod(parsed.error, prefix);
    const { details, content, to, mediator } = splitDisclosureInput(parsed.data);
    return { details, side: "holding", followUps: [{ type: "disclose", disclosure: content }, ...sharesFor(to, mediator)] };
  }

  return {
    ...channelCaseWriter(cases, prepare),

    async get(ctx, caseId) {
      const view = await cases.get(ctx, caseId);
      if (view === null) throw new NotFoundError("case not found");
      const content = view.disclosedAt === undefined ? null : await latestDisclosure(view);
      if (content === null) throw new NotFoundError("nothing was disclosed on this case");
      const meta = { caseId: view.id, party: view.party, version: view.version, disclosedAt: view.disclosedAt!, photos: (view.photos ?? []).map((p) => p.id) };
      return projectDisclosure(content, meta, view.view);
    },
  };
}
