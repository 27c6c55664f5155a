import { registerBatchContract } from "./test-support/batches-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("batch contract", (place) => {
  registerBatchContract("PostgreSQL", async (now) => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, now, poolSize: 4, signedReportsRequired: true });
  });
});
