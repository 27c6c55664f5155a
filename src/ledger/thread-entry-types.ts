// The open channel in the log: each message of a thread and each annotation of the mediator is
// an entry holding the hash of what was written, never the text and never an attachment. The
// hash covers a random nonce kept in the registry, so a guessed text cannot be tested against
// it; the thread is named by its own random id, never by the case it is about.
import { z } from "zod";
import { defineEntryType } from "./entry-types.ts";
import { hex32 } from "./schemas.ts";

const id = z.string().min(1).max(200);

export const threadMessagePosted = defineEntryType({
  type: "thread.message",
  version: 1,
  payload: z.strictObject({ thread: id, message: id, messageHash: hex32 }),
  publicPayload: true,
});

export const caseAnnotated = defineEntryType({
  type: "annotation.added",
  version: 1,
  payload: z.strictObject({ annotation: id, annotationHash: hex32 }),
  publicPayload: true,
});
