import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { AttachmentInput, MessageInput } from "../../domain/index.ts";
import { ClientIdReusedError, MAX_ATTACHMENT_BYTES, MessageInputSchema, NotFoundError, ValidationError } from "../../domain/index.ts";
import { hashCanonical, threadMessagePosted } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { PhotoError, processPhoto } from "../photos/index.ts";
import { checkClientId, checkOffset, clampLimit, isUniqueViolation, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { RequestContext } from "../types.ts";
import { loadThreadRow, usableThread, type SubjectDeps } from "./thread-access.ts";
import { attachmentAad, messageAad, messageViews, type MessageDocument, type MessageRow } from "./thread-codec.ts";
import type { MessageView } from "./thread-types.ts";

// Messages of a thread: the text and files sealed at rest, the message's hash a signed log entry
// appended in the same transaction, the sender's own read receipt with it.

interface PreparedFile {
  id: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

// An image is decoded and encoded again like a photo, so no camera metadata (GPS above all)
// travels in it; other files are kept as sent.
async function prepareFile(a: AttachmentInput, i: number): Promise<PreparedFile> {
  const path = `attachments.${i}.data`;
  let bytes: Buffer = Buffer.from(a.data, "base64");
  let contentType = a.contentType.toLowerCase();
  if (bytes.length === 0) throw new ValidationError(path, "the file is empty");
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new ValidationError(path, `a file is at most ${MAX_ATTACHMENT_BYTES} bytes`);
  if (contentType.startsWith("image/")) {
    try {
      const photo = await processPhoto(bytes);
      bytes = photo.image;
      contentType = photo.contentType;
    } catch (e) {
      if (e instanceof PhotoError) throw new ValidationError(path, e.message);
      throw e;
    }
  }
  const sha256 = hashBytes(bytes);
  return { id: randomUUID(), filename: a.filename, contentType, bytes, sha256 };
}

function hashBytes(bytes: Uint8Array): string {
  return Buffer.from(nodeSha256(bytes)).toString("hex");
}

export function createMessageWriter(s: StoreInternals, deps: SubjectDeps & { ledger: LedgerStore }) {
  async function views(rows: readonly MessageRow[]): Promise<MessageView[]> {
    return messageViews(s.db, s.atRest, rows);
  }

  async function prior(ctx: RequestContext, clientId: string, requestHash: string): Promise<MessageView | null> {
    const found = await sql<MessageRow>`select * from thread_messages where party_id = ${ctx.partyId} and client_id = ${clientId}`.execute(s.db);
    const row = found.rows[0];
    if (!row) return null;
    if (row.request_hash !== requestHash) throw new ClientIdReusedError();
    return (await views([row]))[0]!;
  }

  async function post(ctx: RequestContext, threadId: string, input: MessageInput, opts: { clientId: string }): Promise<{ message: MessageView; replayed: boolean }> {
    const clientId = checkClientId(opts?.clientId);
    const parsed = MessageInputSchema.safeParse(input);
    if (!parsed.success) throw validationFromZod(parsed.error);
    const requestHash = hashCanonical({ thread: threadId, ...parsed.data }, nodeSha256);
    const actor = await actorOf(s, ctx);
    await usableThread(deps, s.db, actor, ctx, threadId, "thread-post");
    const replay = await prior(ctx, clientId, requestHash);
    if (replay) return { message: replay, replayed: true };
    const files = await Promise.all(parsed.data.attachments.map(prepareFile));
    const id = randomUUID();
    const at = s.now();
    const doc: MessageDocument = {
      thread: threadId,
      message: id,
      party: ctx.partyId,
      user: ctx.userId,
      role: ctx.role,
      at: at.toISOString(),
      text: parsed.data.text,
      attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, size: f.bytes.length, sha256: f.sha256 })),
      nonce: randomBytes(32).toString("hex"),
    };
    const hash = hashCanonical(doc, nodeSha256);
    try {
      await s.db.transaction().execute(async (tx) => {
        // The thread's row lock keeps the sequence gapless under concurrent posts.
        await loadThreadRow(tx, threadId, true);
        const next = await sql<{ seq: number }>`select coalesce(max(seq), 0) + 1 as seq from thread_messages where thread_id = ${threadId}`.execute(tx);
        const { index } = await deps.ledger.append(tx, {
          id: `thread-message:${id}`,
          type: threadMessagePosted.type,
          typeVersion: threadMessagePosted.version,
          subject: `thread:${threadId}`,
          party: ctx.partyId,
          time: doc.at,
          payload: { thread: threadId, message: id, messageHash: hash },
        }, { partyId: ctx.partyId });
        await sql`insert into thread_messages (id, thread_id, seq, party_id, user_id, role, client_id, request_hash, body, message_hash, entry_idx, created_at)
          values (${id}, ${threadId}, ${Number(next.rows[0]!.seq)}, ${ctx.partyId}, ${ctx.userId}, ${ctx.role}, ${clientId}, ${requestHash},
            ${Buffer.from(s.atRest.seal(JSON.stringify(doc), messageAad(id)))}, ${hash}, ${index}, ${at})`.execute(tx);
        for (const [position, f] of files.entries()) {
          await sql`insert into thread_attachments (id, message_id, thread_id, position, content_type, size, sha256, filename, data)
            values (${f.id}, ${id}, ${threadId}, ${position}, ${f.contentType}, ${f.bytes.length}, ${f.sha256},
              ${Buffer.from(s.atRest.seal(f.filename, attachmentAad(f.id, "name")))}, ${Buffer.from(s.atRest.seal(f.bytes.toString("base64"), attachmentAad(f.id, "data")))})`.execute(tx);
        }
        await sql`insert into thread_reads (message_id, user_id, party_id, read_at) values (${id}, ${ctx.userId}, ${ctx.partyId}, ${at})`.execute(tx);
        await sql`update threads set last_message_at = ${at} where id = ${threadId}`.execute(tx);
      });
    } catch (e) {
      // Two retries of one post at once: the second finds the first.
      if (!isUniqueViolation(e, "thread_messages_client_id_idx")) throw e;
      const again = await prior(ctx, clientId, requestHash);
      if (again) return { message: again, replayed: true };
      throw e;
    }
    const row = await sql<MessageRow>`select * from thread_messages where id = ${id}`.execute(s.db);
    return { message: (await views(row.rows))[0]!, replayed: false };
  }

  async function messages(ctx: RequestContext, threadId: string, query: { limit?: number; offset?: number } = {}): Promise<{ items: MessageView[]; total: number }> {
    const limit = clampLimit(query.limit, 100, 500);
    const offset = checkOffset(query.offset);
    const actor = await actorOf(s, ctx);
    await usableThread(deps, s.db, actor, ctx, threadId, "thread-read");
    const total = await sql<{ n: number | string }>`select count(*) as n from thread_messages where thread_id = ${threadId}`.execute(s.db);
    const rows = await sql<MessageRow>`select * from thread_messages where thread_id = ${threadId} order by seq limit ${limit} offset ${offset}`.execute(s.db);
    return { items: await views(rows.rows), total: Number(total.rows[0]!.n) };
  }

  async function attachment(ctx: RequestContext, threadId: string, attachmentId: string) {
    const actor = await actorOf(s, ctx);
    await usableThread(deps, s.db, actor, ctx, threadId, "thread-attachment");
    const found = await sql<{ id: string; content_type: string; filename: Uint8Array; data: Uint8Array }>`
      select id, content_type, filename, data from thread_attachments where id::text = ${attachmentId} and thread_id = ${threadId}`.execute(s.db);
    const row = found.rows[0];
    if (!row) throw new NotFoundError("no such attachment");
    return {
      bytes: Buffer.from(s.atRest.open(row.data, attachmentAad(row.id, "data")), "base64"),
      contentType: row.content_type,
      filename: s.atRest.open(row.filename, attachmentAad(row.id, "name")),
    };
  }

  return { post, messages, attachment };
}
