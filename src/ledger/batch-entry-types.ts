// Return batches in the log: the mediator plans a batch and moves it through its states. The
// payload names the batch and the parties, never a child (children join a batch through their
// own cases' signed steps); a reason given in words stays in the registry.
import { z } from "zod";
import { defineEntryType } from "./entry-types.ts";

export const BATCH_STATUSES = ["planned", "confirmed", "in-transit", "completed", "postponed", "cancelled"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

const id = z.string().min(1).max(200);

export const batchPlanned = defineEntryType({
  type: "batch.planned",
  version: 1,
  payload: z.strictObject({ batch: id, from: id, to: id, plannedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  publicPayload: true,
  requiresUserSignature: true,
});

export const batchTransition = defineEntryType({
  type: "batch.transition",
  version: 1,
  payload: z.strictObject({ batch: id, from: z.enum(BATCH_STATUSES), to: z.enum(BATCH_STATUSES), plannedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
  publicPayload: true,
  requiresUserSignature: true,
});
