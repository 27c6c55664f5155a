import { registerPfifRecordsContract } from "./test-support/pfif-records-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("PFIF records contract", (place) => {
  registerPfifRecordsContract("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4 });
  });
});
