import { registerAdultTrackContract } from "./test-support/adult-track-contract.ts";
import { openStore } from "../open-store.ts";

// One embedded database has one process: the "second process" is the same store.
registerAdultTrackContract("PGlite (in memory)", async (now) => {
  const a = await openStore({ now });
  return { a, b: { ...a, close: async () => undefined } };
});
