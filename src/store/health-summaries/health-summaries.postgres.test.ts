import { registerHealthSummariesContract } from "./test-support/health-summaries-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("health summaries contract", (place) => {
  registerHealthSummariesContract("PostgreSQL", async (now) => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4, now });
  });
});
