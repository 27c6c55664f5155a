import { registerCaseLinksContract } from "./test-support/case-links-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("linked cases contract", (place) => {
  registerCaseLinksContract("PostgreSQL", async (now) => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, now, poolSize: 4, signedReportsRequired: true });
  });
});
