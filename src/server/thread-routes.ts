import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { AnnotationInputSchema, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MessageInputSchema, OpenThreadSchema, THREAD_SUBJECT_KINDS } from "../domain/index.ts";
import { BEARER } from "./auth-routes.ts";
import { IdempotencyHeaders } from "./case-routes.ts";
import { singleClientId } from "./one-or-many.ts";
import type { AppDeps, AppEnv } from "./app-env.ts";
import { problem, json, IdParamSchema, PaginationQuerySchema } from "./http-helpers.ts";

// The open channel over HTTP: threads about a case or a batch, their messages with attachments
// and read receipts, and the mediator's annotations of cases. Anyone outside a thread gets 404,
// exactly as for a thread that does not exist.

// A message's attachments travel base64 in its JSON body, so its path has a limit of its own (app.ts).
export const MESSAGE_POST_PATH = /^\/api\/threads\/[^/]+\/messages$/;
export const MESSAGE_BODY_LIMIT = MAX_ATTACHMENTS * Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 256 * 1024;

const clientIdField = z.string().trim().min(1).max(200).optional().openapi({ description: "Idempotency key chosen by the client (or the Idempotency-Key header)" });

const SubjectSchema = z.object({ kind: z.enum(THREAD_SUBJECT_KINDS), id: z.string() }).openapi("ThreadSubject");
const ThreadSchema = z
  .object({
    id: z.string(),
    subject: SubjectSchema,
    title: z.string(),
    parties: z.array(z.string()).openapi({ description: "Every party of the thread, the mediator's included" }),
    mediator: z.string(),
    openedBy: z.object({ party: z.string(), user: z.string() }),
    createdAt: z.string(),
    lastMessageAt: z.string().nullable(),
    messageCount: z.number().int(),
    unread: z.number().int().openapi({ description: "Messages the caller has not marked read" }),
  })
  .openapi("Thread");
const AttachmentMetaSchema = z
  .object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() })
  .openapi("AttachmentMeta");
const MessageSchema = z
  .object({
    id: z.string(),
    thread: z.string(),
    seq: z.number().int(),
    party: z.string(),
    user: z.string(),
    role: z.string(),
    at: z.string(),
    text: z.string(),
    attachments: z.array(AttachmentMetaSchema),
    hash: z.string().openapi({ description: "SHA-256 of the message's canonical document; the signed log entry at logIndex holds it" }),
    logIndex: z.number().int(),
    readBy: z.array(z.object({ party: z.string(), user: z.string(), at: z.string() })),
  })
  .openapi("ThreadMessage");
const AnnotationSchema = z
  .object({ id: z.string(), caseId: z.string(), party: z.string(), user: z.string(), at: z.string(), text: z.string(), hash: z.string(), logIndex: z.number().int() })
  .openapi("Annotation");

const NewThreadSchema = OpenThreadSchema.extend({ clientId: clientIdField }).openapi("NewThread");
const NewMessageSchema = MessageInputSchema.extend({ clientId: clientIdField }).openapi("NewThreadMessage");
const NewAnnotationSchema = AnnotationInputSchema.extend({ clientId: clientIdField }).openapi("NewAnnotation");
const ReadSchema = z.object({ upTo: z.string().min(1).max(100).openapi({ description: "The last message read: it and every earlier one are marked" }) }).openapi("ThreadRead");
const Paging = PaginationQuerySchema.shape;
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const notFound = problem("No such thread, or the caller is not one of its people (or no longer sees its subject)");
const common = { 401: problem("Not logged in"), 404: notFound };
const threadParam = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: "id", in: "path" } }),
  attachmentId: z.string().min(1).max(100).openapi({ param: { name: "attachmentId", in: "path" } }),
});
const base = { tags: ["channel"], security: BEARER };

const routes = {
  open: createRoute({
    ...base, method: "post", path: "/api/threads", operationId: "openThread",
    summary: "Open a thread about a case or a batch: a party with the mediator, or (the mediator only) both sides and the mediator",
    description:
      "A party's thread goes to the mediator of the subject (named in `mediator` when there are several). Every party named must work the " +
      "subject. Caseworkers and verifiers open threads for their own party; the mediator may bring both sides together. Idempotent through client ids.",
    request: { headers: IdempotencyHeaders, body: body(NewThreadSchema) },
    responses: {
      201: json("Opened (or replayed)", ThreadSchema), 400: problem("Invalid body"), 401: common[401],
      403: problem("The caller's role may not open threads, or a party named another side"), 404: problem("No such case or batch, or not one the caller sees"),
      422: problem("A party does not work the subject, or the thread has the wrong shape"),
    },
  }),
  list: createRoute({
    ...base, method: "get", path: "/api/threads", operationId: "listThreads",
    summary: "The threads the caller is in, latest activity first; each thread about a case listed is in the access log",
    request: { query: z.object({ subjectKind: z.enum(THREAD_SUBJECT_KINDS).optional(), subjectId: z.string().max(100).optional(), ...Paging }) },
    responses: { 200: json("Threads", z.object({ items: z.array(ThreadSchema), total: z.number().int() }).openapi("ThreadList")), 400: problem("Invalid query"), 401: common[401], 422: problem("A subject filter needs both kind and id") },
  }),
  get: createRoute({
    ...base, method: "get", path: "/api/threads/{id}", operationId: "getThread", summary: "One thread (a read of its case in the access log)",
    request: { params: IdParamSchema }, responses: { 200: json("The thread", ThreadSchema), ...common },
  }),
  messages: createRoute({
    ...base, method: "get", path: "/api/threads/{id}/messages", operationId: "listThreadMessages",
    summary: "A thread's messages, oldest first, with their attachments' descriptions, hashes and read receipts",
    request: { params: IdParamSchema, query: z.object(Paging) },
    responses: { 200: json("Messages", z.object({ items: z.array(MessageSchema), total: z.number().int() }).openapi("ThreadMessageList")), 400: problem("Invalid query"), ...common },
  }),
  post: createRoute({
    ...base, method: "post", path: "/api/threads/{id}/messages", operationId: "postThreadMessage",
    summary: "Write in a thread, with up to five files (base64); the text and files are encrypted at rest, the message's hash is a signed log entry",
    description: `An image attachment is decoded and encoded again so that no camera metadata (GPS) travels in it. At most ${MAX_ATTACHMENT_BYTES} bytes a file.`,
    request: { params: IdParamSchema, headers: IdempotencyHeaders, body: body(NewMessageSchema) },
    responses: { 201: json("Posted (or replayed)", MessageSchema), 400: problem("Invalid body"), 413: problem("The body is too large"), 422: problem("A file is empty, too large or not the image it claims"), ...common },
  }),
  read: createRoute({
    ...base, method: "post", path: "/api/threads/{id}/read", operationId: "markThreadRead",
    summary: "Mark the caller's read receipt up to a message",
    request: { params: IdParamSchema, body: body(ReadSchema) },
    responses: { 200: json("How many messages were newly marked", z.object({ marked: z.number().int() }).openapi("ThreadReadResult")), 400: problem("Invalid body"), 422: problem("Not a message of this thread"), ...common },
  }),
  attachment: createRoute({
    ...base, method: "get", path: "/api/threads/{id}/attachments/{attachmentId}", operationId: "getThreadAttachment",
    summary: "A file attached to a message of the thread (a read of its case in the access log)",
    request: { params: threadParam },
    responses: { 200: { description: "The file as stored", content: { "application/octet-stream": { schema: z.string().openapi({ type: "string", format: "binary" }) } } }, ...common },
  }),
  annotate: createRoute({
    ...base, method: "post", path: "/api/cases/{id}/annotations", operationId: "annotateCase",
    summary: "The mediator annotates a case it sees (for its own party's eyes; the hash is a signed log entry)",
    request: { params: IdParamSchema, headers: IdempotencyHeaders, body: body(NewAnnotationSchema) },
    responses: { 201: json("Added (or replayed)", AnnotationSchema), 400: problem("Invalid body"), 401: common[401], 403: problem("Only the mediator annotates"), 404: problem("No such case") },
  }),
  annotations: createRoute({
    ...base, method: "get", path: "/api/cases/{id}/annotations", operationId: "listAnnotations",
    summary: "The mediator's own annotations of a case",
    request: { params: IdParamSchema },
    responses: { 200: json("Annotations", z.object({ items: z.array(AnnotationSchema) }).openapi("AnnotationList")), 401: common[401], 403: problem("Only the mediator reads its annotations"), 404: problem("No such case") },
  }),
};

// RFC 6266: a plain ASCII fallback and the UTF-8 name.
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerThreadRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;
  app.openapi(routes.open, async (c) => {
    const { clientId, ...input } = c.req.valid("json");
    const result = await store.threads.open(c.get("ctx"), input, { clientId: singleClientId(c.req.valid("header")["idempotency-key"], clientId) });
    if (result.replayed) c.header("idempotent-replayed", "true");
    c.header("location", `/api/threads/${result.thread.id}`);
    return c.json(result.thread, 201);
  });
  app.openapi(routes.list, async (c) => {
    const { subjectKind, subjectId, limit, offset } = c.req.valid("query");
    const subject = subjectKind === undefined && subjectId === undefined ? undefined : { kind: subjectKind!, id: subjectId! };
    const page = await store.threads.list(c.get("ctx"), { ...(subject ? { subject } : {}), ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) });
    return c.json(page, 200);
  });
  app.openapi(routes.get, async (c) => c.json(await store.threads.get(c.get("ctx"), c.req.valid("param").id), 200));
  app.openapi(routes.messages, async (c) => {
    const { limit, offset } = c.req.valid("query");
    const page = await store.threads.messages(c.get("ctx"), c.req.valid("param").id, { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) });
    return c.json(page, 200);
  });
  app.openapi(routes.post, async (c) => {
    const { clientId, ...input } = c.req.valid("json");
    const result = await store.threads.post(c.get("ctx"), c.req.valid("param").id, input, { clientId: singleClientId(c.req.valid("header")["idempotency-key"], clientId) });
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(result.message, 201);
  });
  app.openapi(routes.read, async (c) => c.json(await store.threads.markRead(c.get("ctx"), c.req.valid("param").id, c.req.valid("json").upTo), 200));
  app.openapi(routes.attachment, async (c) => {
    const { id, attachmentId } = c.req.valid("param");
    const file = await store.threads.attachment(c.get("ctx"), id, attachmentId);
    // Served as a download, never rendered in the app's origin.
    return c.body(new Uint8Array(file.bytes), 200, {
      "content-type": file.contentType,
      "content-disposition": contentDisposition(file.filename),
      "x-content-type-options": "nosniff",
    }) as never;
  });
  app.openapi(routes.annotate, async (c) => {
    const { clientId, ...input } = c.req.valid("json");
    const result = await store.annotations.add(c.get("ctx"), c.req.valid("param").id, input, { clientId: singleClientId(c.req.valid("header")["idempotency-key"], clientId) });
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(result.annotation, 201);
  });
  app.openapi(routes.annotations, async (c) => c.json({ items: await store.annotations.list(c.get("ctx"), c.req.valid("param").id) }, 200));
}
