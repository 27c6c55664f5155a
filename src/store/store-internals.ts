import type { PartyKind, PreconditionName } from "../domain/index.ts";
import { ForbiddenError } from "../domain/index.ts";
import type { SealedBox } from "./sealed-box.ts";
import type { AtRest } from "./at-rest.ts";
import type { ActionSink, Db, Precondition, RequestContext, Tx } from "./types.ts";
import type { Actor } from "../domain/index.ts";

export interface StoreInternals {
  db: Db;
  box: SealedBox;
  // Sealing and keyed lookup keys for anything that identifies a child (see at-rest.ts).
  atRest: AtRest;
  // The case's salt for its commitments in the signed log (see src/ledger/case-commitment.ts).
  caseSalt: (caseId: string) => string;
  now: () => Date;
  sinks: ActionSink[];
  preconditions: Map<PreconditionName, Precondition>;
  // Party kinds never change once a party exists, so they may be remembered per process.
  partyKinds: Map<string, PartyKind>;
}

// Where tests find the raw handle and the sink and precondition lists of a store (through
// test-support/test-door.ts only; a lint rule keeps production code from importing that door).
export const TEST_DOOR: unique symbol = Symbol("homeward.store.test-door");

export async function actorOf(s: StoreInternals, ctx: RequestContext, db: Db | Tx = s.db): Promise<Actor> {
  let kind = s.partyKinds.get(ctx.partyId);
  if (kind === undefined) {
    const row = await db.selectFrom("parties").select("kind").where("id", "=", ctx.partyId).executeTakeFirst();
    if (!row) throw new ForbiddenError("unknown party");
    kind = row.kind as PartyKind;
    s.partyKinds.set(ctx.partyId, kind);
  }
  return { userId: ctx.userId, partyId: ctx.partyId, partyKind: kind, role: ctx.role };
}
