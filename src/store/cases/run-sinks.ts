import type { StoreInternals } from "../store-internals.ts";
import type { ActionEvent, Tx } from "../types.ts";

// The sinks every case action passes (listed in order in open-store.ts), inside its transaction.
export async function runSinks(s: StoreInternals, tx: Tx, event: ActionEvent): Promise<void> {
  for (const sink of s.sinks) await sink(tx, event);
}

export async function runSinksBatch(s: StoreInternals, tx: Tx, events: readonly ActionEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const sink of s.sinks) {
    if (sink.batch !== undefined) await sink.batch(tx, events);
    else for (const event of events) await sink(tx, event);
  }
}
