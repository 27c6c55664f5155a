import { canonicalJson } from "../../ledger/index.ts";
import { ClientIdReusedError } from "../../domain/index.ts";
import type { CaseAction } from "../../domain/index.ts";
import type { SealedBox } from "../sealed-box.ts";
import { actionAad } from "./case-codec.ts";

// A repeated client id replays the first request only when it is the same request. With a
// different body the client has reused a key by mistake (or two clients share one): answering
// it as a replay would silently drop the new body, so it is refused, as payment APIs do.

export interface PriorAction {
  case_id: string;
  sequence: number;
  type: string;
  payload: Uint8Array;
}

/** Throws ClientIdReusedError unless `action` on `caseId` is the request that `prior` recorded. */
export function assertSameRequest(box: SealedBox, prior: PriorAction, caseId: string | null, action: CaseAction): void {
  if ((caseId !== null && prior.case_id !== caseId) || prior.type !== action.type) throw new ClientIdReusedError();
  const recorded = JSON.parse(box.open(prior.payload, actionAad(prior.case_id, prior.sequence))) as unknown;
  if (canonicalJson(recorded) !== canonicalJson(JSON.parse(JSON.stringify(action)))) throw new ClientIdReusedError();
}
