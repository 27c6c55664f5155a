import { registerLedgerContract } from "./test-support/ledger-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("ledger store", (place) => {
  registerLedgerContract("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4 });
  });
});
