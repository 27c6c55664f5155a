// The open channel: threads about a case or a batch, their messages (sealed, each hash a signed
// log entry) with attachments and read receipts, and the mediator's annotations of cases.
export { createThreadRepository } from "./thread-repository.ts";
export { createAnnotationRepository } from "./annotation-repository.ts";
export { THREAD_MIGRATIONS } from "./migrations.ts";
export type * from "./thread-types.ts";
