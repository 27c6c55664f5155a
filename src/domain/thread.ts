import { z } from "zod";
import { requiredText } from "./safe-text.ts";
import type { Actor, PartyKind } from "./party.ts";

// The open channel: threads about a case or a return batch between one party and the mediator,
// or all three when the mediator opens it so. The parties never talk to each other without the
// mediator in the thread.

export const THREAD_SUBJECT_KINDS = ["case", "batch"] as const;
export const ThreadSubjectSchema = z.object({
  kind: z.enum(THREAD_SUBJECT_KINDS),
  id: z.uuid(),
});
export type ThreadSubject = z.infer<typeof ThreadSubjectSchema>;

const partyId = requiredText(63);

export const OpenThreadSchema = z.object({
  subject: ThreadSubjectSchema,
  // The parties other than the mediator's: one, or (when the mediator opens it) two.
  parties: z.array(partyId).min(1).max(2),
  // Only the mediator names one: a party's thread goes to the mediator of the case.
  mediator: partyId.optional(),
  title: requiredText(200),
});
export type OpenThreadInput = z.input<typeof OpenThreadSchema>;

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const AttachmentInputSchema = z.object({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((f) => !/[\\/\u0000-\u001f]/.test(f), { message: "a file name without slashes or control characters" }),
  contentType: z.string().trim().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, "a media type such as application/pdf").max(100),
  // The file's bytes, base64.
  data: z.base64().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, `at most ${MAX_ATTACHMENT_BYTES} bytes`),
});
export type AttachmentInput = z.infer<typeof AttachmentInputSchema>;

export const MessageInputSchema = z.object({
  text: requiredText(20_000),
  attachments: z.array(AttachmentInputSchema).max(MAX_ATTACHMENTS).default([]),
});
export type MessageInput = z.input<typeof MessageInputSchema>;

export const AnnotationInputSchema = z.object({ text: requiredText(20_000) });

const THREAD_ROLES = ["caseworker", "verifier", "mediator"] as const;

export function isMediator(actor: Pick<Actor, "partyKind" | "role">): boolean {
  return actor.partyKind === "mediator" && actor.role === "mediator";
}

// Who may open a thread with these participants (party ids, the mediator's included), given each
// participant's kind. The store checks besides that every participant may see the subject.
export function threadOpeningProblem(actor: Actor, participants: ReadonlyMap<string, PartyKind>): { field: string; message: string } | null {
  const mediators = [...participants].filter(([, k]) => k === "mediator");
  const others = [...participants].filter(([, k]) => k !== "mediator");
  if (mediators.length !== 1) return { field: "mediator", message: "a thread has exactly one mediator" };
  if (others.length < 1 || others.length > 2) return { field: "parties", message: "a thread has one party besides the mediator, or two" };
  if (isMediator(actor)) {
    if (mediators[0]![0] !== actor.partyId) return { field: "mediator", message: "a mediator opens threads for its own party" };
    return null;
  }
  if (!(THREAD_ROLES as readonly string[]).includes(actor.role) || actor.partyKind === "mediator") {
    return { field: "role", message: "threads are opened by caseworkers, verifiers and mediators" };
  }
  if (others.length !== 1 || others[0]![0] !== actor.partyId) {
    return { field: "parties", message: "a party opens a thread between itself and the mediator; only the mediator brings both sides together" };
  }
  return null;
}

// Who may read and write in a thread: the people of its parties who work cases.
export function mayUseThread(actor: Actor, participants: readonly string[]): boolean {
  if (!participants.includes(actor.partyId)) return false;
  if (actor.partyKind === "mediator") return actor.role === "mediator";
  return actor.role === "caseworker" || actor.role === "verifier";
}
