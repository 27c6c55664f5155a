import { z } from "zod";
import type { BatchStatus } from "../../ledger/index.ts";
import { BATCH_STATUSES } from "../../ledger/index.ts";
import type { RequestContext } from "../types.ts";

export { BATCH_STATUSES, type BatchStatus };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date, YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar date");
const partyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a party id");

export const BatchInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    from: partyId,
    to: partyId,
    plannedDate: day,
    handoverPoint: z.string().trim().min(1).max(500),
  })
  .refine((b) => b.from !== b.to, { path: ["to"], message: "a batch goes from one party to another" });
export type BatchInput = z.infer<typeof BatchInputSchema>;

export const TransitionInputSchema = z.object({
  to: z.enum(BATCH_STATUSES),
  reason: z.string().trim().min(1).max(2000).optional(),
  // A postponed batch returns to "planned" with its new date.
  plannedDate: day.optional(),
});
export type TransitionInput = z.infer<typeof TransitionInputSchema>;

// Where a batch may go from each status. Postponed and cancelled need a reason.
export const BATCH_TRANSITIONS: Readonly<Record<BatchStatus, readonly BatchStatus[]>> = {
  planned: ["confirmed", "postponed", "cancelled"],
  confirmed: ["in-transit", "postponed", "cancelled"],
  "in-transit": ["completed", "postponed", "cancelled"],
  postponed: ["planned", "cancelled"],
  completed: [],
  cancelled: [],
};

export interface BatchChild {
  caseId: string;
  addedAt: string;
  // The parties that confirmed the handover of this child, and when.
  handovers: { partyId: string; at: string }[];
  reunitedAt: string | null;
  postReturnCheckDue: string | null;
  // When the batch let go of the child (cancelled or postponed before its handover).
  releasedAt: string | null;
}

export interface BatchView {
  id: string;
  name: string;
  from: string;
  to: string;
  mediator: string;
  plannedDate: string;
  handoverPoint: string;
  status: BatchStatus;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  children: BatchChild[];
  transitions: { from: BatchStatus; to: BatchStatus; reason: string | null; at: string }[];
}

export interface PostReturnCheck {
  batchId: string;
  caseId: string;
  reunitedAt: string;
  dueDate: string;
  done: boolean;
  overdue: boolean;
}

// One child returned in a completed batch, as the public statistics count it.
export interface ReturnFact {
  batchCompletedAt: string;
  direction: "to-tracing-side" | "to-holding-side";
  registeredAt: string;
  // Never published: keys the record for the statistics' rounding.
  caseId: string;
}

export interface BatchesApi {
  // Mediator only. Idempotent on the client id.
  create(ctx: RequestContext, input: BatchInput, opts: { clientId: string }): Promise<{ batch: BatchView; replayed: boolean }>;
  // The batches the caller's party is part of (as mediator, sender or receiver).
  list(ctx: RequestContext, query?: { status?: BatchStatus }): Promise<BatchView[]>;
  get(ctx: RequestContext, id: string): Promise<BatchView | null>;
  // Mediator only; BatchStepError names the step the case still lacks.
  addChild(ctx: RequestContext, id: string, caseId: string): Promise<BatchView>;
  transition(ctx: RequestContext, id: string, input: TransitionInput, opts: { clientId: string }): Promise<BatchView>;
  // The sending or receiving party confirms one child's handover (a signed step on the case).
  // `on`: the day it took place, when confirmed afterwards (default today).
  confirmHandover(ctx: RequestContext, id: string, caseId: string, opts?: { on?: string }): Promise<BatchView>;
  postReturnChecks(ctx: RequestContext, query?: { overdue?: boolean }): Promise<PostReturnCheck[]>;
  // Every child returned in a completed batch (no identity): the statistics' input.
  returns(): Promise<ReturnFact[]>;
}
