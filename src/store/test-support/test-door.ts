// The test-only door into a store: the raw database handle (to check what is stored, and
// that it is sealed), and the action sink and precondition lists (to check how actions pass
// them). Production code has no way in: the Store type has no handle, and a lint rule forbids
// importing test-support/ outside tests, benchmarks and other test support.
import type { PreconditionName } from "../../domain/index.ts";
import type { Store } from "../store.ts";
import { TEST_DOOR, type StoreInternals } from "../store-internals.ts";
import type { ActionSink, Db, Precondition } from "../types.ts";
import type { AtRest } from "../at-rest.ts";

export interface TestDoor {
  readonly db: Db;
  // The store's sealing and lookup keys, to read what it stored as the store itself does.
  readonly atRest: AtRest;
  // Adds a sink after openStore's own; returns its removal.
  onAction(sink: ActionSink): () => void;
  // Replaces the check for a named precondition.
  registerPrecondition(name: PreconditionName, check: Precondition): void;
}

export function testDoor(store: Store): TestDoor {
  const internals = (store as unknown as { [TEST_DOOR]?: StoreInternals })[TEST_DOOR];
  if (!internals) throw new Error("not a store opened by openStore");
  return {
    db: internals.db,
    atRest: internals.atRest,
    onAction(sink) {
      internals.sinks.push(sink);
      return () => {
        const i = internals.sinks.indexOf(sink);
        if (i >= 0) internals.sinks.splice(i, 1);
      };
    },
    registerPrecondition(name, check) {
      internals.preconditions.set(name, check);
    },
  };
}
