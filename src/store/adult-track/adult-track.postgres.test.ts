import { registerAdultTrackContract } from "./test-support/adult-track-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("adult-track contract", (place) => {
  // Two stores on one database: two server processes.
  registerAdultTrackContract("PostgreSQL, two processes", async (now) => {
    const { url, keyFile } = await place();
    const a = await openStore({ databaseUrl: url, keyFile, now, poolSize: 4 });
    const b = await openStore({ databaseUrl: url, keyFile, now, poolSize: 4 });
    return { a, b };
  });
});
