import type { AnnotationInputSchema, MessageInput, OpenThreadInput, ThreadSubject } from "../../domain/index.ts";
import type { z } from "zod";
import type { RequestContext } from "../types.ts";

export interface ThreadView {
  id: string;
  subject: ThreadSubject;
  title: string;
  // Every party of the thread, the mediator's included.
  parties: string[];
  mediator: string;
  openedBy: { party: string; user: string };
  createdAt: string;
  lastMessageAt: string | null;
  messageCount: number;
  // Messages the caller (the person) has not marked read.
  unread: number;
}

export interface AttachmentMeta {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface MessageView {
  id: string;
  thread: string;
  seq: number;
  party: string;
  user: string;
  role: string;
  at: string;
  text: string;
  attachments: AttachmentMeta[];
  // SHA-256 of the message's canonical document (with its nonce): the signed log's entry holds it.
  hash: string;
  logIndex: number;
  readBy: { party: string; user: string; at: string }[];
}

export interface AttachmentFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

export interface ThreadsApi {
  // Idempotent by client id; NotFoundError when the caller may not see the subject.
  open(ctx: RequestContext, input: OpenThreadInput, opts: { clientId: string }): Promise<{ thread: ThreadView; replayed: boolean }>;
  // The threads the caller may use, newest activity first; optionally about one subject.
  list(ctx: RequestContext, query?: { subject?: ThreadSubject; limit?: number; offset?: number }): Promise<{ items: ThreadView[]; total: number }>;
  // NotFoundError for anyone outside the thread, or who no longer sees its subject.
  get(ctx: RequestContext, id: string): Promise<ThreadView>;
  post(ctx: RequestContext, threadId: string, input: MessageInput, opts: { clientId: string }): Promise<{ message: MessageView; replayed: boolean }>;
  messages(ctx: RequestContext, threadId: string, query?: { limit?: number; offset?: number }): Promise<{ items: MessageView[]; total: number }>;
  // Marks every message up to and including `upTo` read by the caller; how many were newly marked.
  markRead(ctx: RequestContext, threadId: string, upTo: string): Promise<{ marked: number }>;
  attachment(ctx: RequestContext, threadId: string, attachmentId: string): Promise<AttachmentFile>;
}

export type AnnotationInput = z.input<typeof AnnotationInputSchema>;

export interface AnnotationView {
  id: string;
  caseId: string;
  party: string;
  user: string;
  at: string;
  text: string;
  hash: string;
  logIndex: number;
}

export interface AnnotationsApi {
  // The mediator's note on a case it can see: sealed, its hash a signed log entry; idempotent by client id.
  add(ctx: RequestContext, caseId: string, input: AnnotationInput, opts: { clientId: string }): Promise<{ annotation: AnnotationView; replayed: boolean }>;
  // The annotations of the caller's own (mediator) party on the case.
  list(ctx: RequestContext, caseId: string): Promise<AnnotationView[]>;
}
