import { registerWitnessingContract } from "./test-support/witnessing-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("witnessing contract", (place) => {
  registerWitnessingContract("PostgreSQL", async () => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, poolSize: 4 });
  });
});
