// A demo history of key rotation: the tracing authority's administrator replaces the party's key
// once, so the log holds a `key.rotated` entry and everything after it is signed by the new key.
import type { Store } from "../store/index.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";

/** Rotates the tracing authority's party key unless it has been rotated before; true when it did now. */
export async function rotateDemoKey(store: Store): Promise<boolean> {
  const ledger = store.ledger;
  const partyId = DEMO_PARTIES.tracing.id;
  await ledger.ensureKeys();
  const keys = await ledger.keys();
  if (keys.some((k) => k.party === partyId && k.user === undefined && k.retired)) return false;
  await ledger.rotateKey(partyId);
  return true;
}
