import { registerDisclosuresContract } from "./test-support/disclosures-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("disclosures contract", (place) => {
  registerDisclosuresContract("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4 });
  });
});
