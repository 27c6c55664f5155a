import { registerThreadsContract } from "./test-support/threads-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("threads contract", (place) => {
  registerThreadsContract("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4 });
  });
});
