import { sql } from "kysely";
import type { ThreadSubject } from "../../domain/index.ts";
import { toIso } from "../errors-util.ts";
import type { AtRest } from "../at-rest.ts";
import { atRestAad } from "../at-rest.ts";
import type { Db, Tx } from "../types.ts";
import type { ThreadRow } from "./thread-access.ts";
import type { AttachmentMeta, MessageView, ThreadView } from "./thread-types.ts";

// How the channel's rows become what a reader sees, and the associated data binding each sealed
// blob to its row (a sealed text copied to another message does not open). Everything written
// is sealed through the store's one API for data at rest (at-rest.ts).

export const titleAad = (id: string) => atRestAad("thread", id, "title");
// Without a part: the form messages were first sealed under.
export const messageAad = (id: string) => `homeward:thread-message:${id}`;
export const attachmentAad = (id: string, part: "name" | "data") => atRestAad("thread-attachment", id, part);

/** What a message's hash covers (the log holds the hash, the registry this document, sealed). */
export interface MessageDocument {
  thread: string;
  message: string;
  party: string;
  user: string;
  role: string;
  at: string;
  text: string;
  attachments: { filename: string; contentType: string; size: number; sha256: string }[];
  nonce: string;
}

export interface MessageRow {
  id: string;
  thread_id: string;
  seq: number;
  party_id: string;
  user_id: string;
  role: string;
  client_id: string;
  request_hash: string;
  body: Uint8Array;
  message_hash: string;
  entry_idx: number | string;
  created_at: Date | string;
}

export async function threadViews(db: Db | Tx, box: AtRest, rows: readonly ThreadRow[], userId: string): Promise<ThreadView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const parties = await sql<{ thread_id: string; party_id: string }>`
    select thread_id, party_id from thread_parties where thread_id = any(${ids}::uuid[]) order by party_id`.execute(db);
  const counts = await sql<{ thread_id: string; total: number | string; unread: number | string }>`
    select m.thread_id, count(*) as total,
      count(*) filter (where not exists (select 1 from thread_reads r where r.message_id = m.id and r.user_id = ${userId})) as unread
    from thread_messages m where m.thread_id = any(${ids}::uuid[]) group by m.thread_id`.execute(db);
  return rows.map((r) => {
    const c = counts.rows.find((x) => x.thread_id === r.id);
    const subject: ThreadSubject = { kind: r.subject_kind, id: r.subject_id };
    return {
      id: r.id,
      subject,
      title: box.open(r.title, titleAad(r.id)),
      parties: parties.rows.filter((p) => p.thread_id === r.id).map((p) => p.party_id),
      mediator: r.mediator_party_id,
      openedBy: { party: r.opened_by_party, user: r.opened_by_user },
      createdAt: toIso(r.created_at),
      lastMessageAt: r.last_message_at === null ? null : toIso(r.last_message_at),
      messageCount: Number(c?.total ?? 0),
      unread: Number(c?.unread ?? 0),
    };
  });
}

export async function messageViews(db: Db | Tx, box: AtRest, rows: readonly MessageRow[]): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const atts = await sql<{ id: string; message_id: string; content_type: string; size: number; sha256: string; filename: Uint8Array }>`
    select id, message_id, content_type, size, sha256, filename from thread_attachments
    where message_id = any(${ids}::uuid[]) order by message_id, position`.execute(db);
  const reads = await sql<{ message_id: string; party_id: string; user_id: string; read_at: Date | string }>`
    select message_id, party_id, user_id, read_at from thread_reads where message_id = any(${ids}::uuid[]) order by read_at, user_id`.execute(db);
  return rows.map((r) => {
    const doc = JSON.parse(box.open(r.body, messageAad(r.id))) as MessageDocument;
    const attachments: AttachmentMeta[] = atts.rows
      .filter((a) => a.message_id === r.id)
      .map((a) => ({ id: a.id, filename: box.open(a.filename, attachmentAad(a.id, "name")), contentType: a.content_type, size: a.size, sha256: a.sha256 }));
    return {
      id: r.id,
      thread: r.thread_id,
      seq: r.seq,
      party: r.party_id,
      user: r.user_id,
      role: r.role,
      at: toIso(r.created_at),
      text: doc.text,
      attachments,
      hash: r.message_hash,
      logIndex: Number(r.entry_idx),
      readBy: reads.rows.filter((x) => x.message_id === r.id).map((x) => ({ party: x.party_id, user: x.user_id, at: toIso(x.read_at) })),
    };
  });
}
