import { z } from "zod";
import { requiredText } from "./safe-text.ts";
import { CaseInputSchema, CaseDetailsPatchSchema, ConsentSchema, PartialDateSchema } from "./case-details.ts";
import { ConsentDecisionInputSchema } from "./consent/consent-record.ts";
import { CaseSideSchema } from "./case-side.ts";
import { DisclosureContentSchema } from "./disclosure.ts";
import { CaseStatusSchema } from "./lifecycle.ts";

const reason = requiredText(2000).optional();
// A reference to a signed report (the ledger issue fills these in).
const reportRef = requiredText(200).optional();

export const SHARE_SCOPES = ["view", "participate"] as const;
export const ShareScopeSchema = z.enum(SHARE_SCOPES);
export type ShareScope = z.infer<typeof ShareScopeSchema>;

const partyId = requiredText(63);

// The steps one of two linked cases takes that the other follows (see follow-linked): from
// the joint verification to the close, the child has one state whichever party's case it is.
export const LINKED_STEPS = [
  "verify-identity",
  "confirm-by-mediator",
  "schedule",
  "unschedule",
  "confirm-handover",
  "reunite",
  "verify-post-return",
  "close",
] as const;
export type LinkedStep = (typeof LINKED_STEPS)[number];

export const DECLINERS = ["child", "guardian", "adult"] as const;

// Where the child stands on going back, as heard (their views are recorded whatever their age).
export const VIEW_STANCES = ["wants-return", "refuses-return", "undecided", "not-expressed"] as const;
export const ViewStanceSchema = z.enum(VIEW_STANCES);
export type ViewStance = z.infer<typeof ViewStanceSchema>;

// Every change to a case is one of these; a case is the append-only list of them.
export const CaseActionSchema = z.discriminatedUnion("type", [
  // `side`: the side the owner works the case from (default: by the owner's kind, see defaultSide).
  z.object({ type: z.literal("report"), details: CaseInputSchema, side: CaseSideSchema.optional() }),
  z.object({ type: z.literal("update-details"), patch: CaseDetailsPatchSchema }),
  z.object({ type: z.literal("register"), note: reason }),
  z.object({ type: z.literal("locate"), location: requiredText(500).optional(), note: reason }),
  z.object({ type: z.literal("verify-identity"), reportRef, note: reason }),
  z.object({ type: z.literal("confirm-by-mediator"), reportRef, note: reason }),
  z.object({ type: z.literal("schedule"), batchId: requiredText(100).optional(), date: PartialDateSchema.optional(), note: reason }),
  // One party's confirmation that the child was handed over (or received) in a return batch:
  // once both parties of the batch have confirmed, the case is reunited.
  z.object({ type: z.literal("confirm-handover"), batchId: requiredText(100), note: reason }),
  // The child leaves a batch that was cancelled or postponed before the handover: the case is
  // back where it can join another batch.
  z.object({ type: z.literal("unschedule"), batchId: requiredText(100), reason }),
  z.object({ type: z.literal("reunite"), date: PartialDateSchema.optional(), place: requiredText(500).optional(), note: reason }),
  z.object({ type: z.literal("verify-post-return"), reportRef, note: reason }),
  z.object({ type: z.literal("close"), reason }),
  z.object({ type: z.literal("decline"), by: z.enum(DECLINERS), reason }),
  z.object({ type: z.literal("record-death"), date: PartialDateSchema.optional(), note: reason }),
  z.object({ type: z.literal("mark-duplicate"), duplicateOf: requiredText(100) }),
  z.object({ type: z.literal("withdraw"), reason }),
  z.object({ type: z.literal("hold"), reason }),
  z.object({ type: z.literal("resume"), reason }),
  z.object({ type: z.literal("record-consent"), consent: ConsentSchema }),
  z.object({
    type: z.literal("record-views"),
    views: requiredText(20_000),
    // When and by whom the child was heard, and where they stand on going back.
    heardOn: PartialDateSchema.optional(),
    heardBy: requiredText(200).optional(),
    stance: ViewStanceSchema.optional(),
  }),
  // A decision of the one entitled to consent, for one purpose (tracing, sharing, return,
  // health information): granted, refused or withdrawn.
  z.object({ type: z.literal("consent-decision"), consent: ConsentDecisionInputSchema }),
  // From the 18th birthday the case is the person's own: only their consent counts and their
  // own contact becomes the channel.
  z.object({ type: z.literal("switch-to-adult-track"), note: reason }),
  z.object({ type: z.literal("add-note"), text: requiredText(20_000) }),
  // A later disclosure replaces the earlier one; the history keeps every version.
  z.object({ type: z.literal("disclose"), disclosure: DisclosureContentSchema }),
  // The tracing request is addressed to the party believed to hold the child (and the mediator).
  z.object({ type: z.literal("request-tracing"), to: partyId, mediator: partyId.optional() }),
  z.object({
    type: z.literal("add-photo"),
    photoId: z.uuid(),
    // SHA-256 of the stored image (after its metadata was stripped), hex.
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    caption: requiredText(500).optional(),
  }),
  z.object({ type: z.literal("remove-photo"), photoId: z.uuid(), reason }),
  // Written by the store only. Both parties accepted the match: this case and the other party's
  // case are one child, and from now on move together.
  z.object({ type: z.literal("link-case"), linkedCase: z.uuid(), candidate: z.uuid().optional() }),
  // Written by the store only, in the transaction of the linked case's step: this case follows
  // it to the same state. Carries the step, never the other party's private fields.
  z.object({
    type: z.literal("follow-linked"),
    linkedCase: z.uuid(),
    step: z.enum(LINKED_STEPS),
    status: CaseStatusSchema,
    batchId: requiredText(100).optional(),
    reportRef,
    date: PartialDateSchema.optional(),
  }),
  z.object({ type: z.literal("share"), partyId: requiredText(63), scope: ShareScopeSchema }),
  z.object({ type: z.literal("unshare"), partyId: requiredText(63) }),
]);
export type CaseActionInput = z.input<typeof CaseActionSchema>;
export type CaseAction = z.output<typeof CaseActionSchema>;
export type ActionType = CaseAction["type"];
export const ACTION_TYPES = CaseActionSchema.options.map((o) => o.shape.type.value) as ActionType[];

// One stored action: what was done, by whom, for which party, when.
export interface ActionRecord {
  caseId: string;
  sequence: number;
  clientId: string;
  action: CaseAction;
  actor: { userId: string; partyId: string; role: string };
  at: string;
}
