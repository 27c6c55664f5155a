import { registerDashboardContract } from "./test-support/dashboard-contract.ts";
import { onPostgres } from "../test-support/postgres-suite.ts";
import { openStore } from "../open-store.ts";

await onPostgres("dashboard contract", (place) => {
  registerDashboardContract("PostgreSQL", async (now) => {
    const { url, keyFile } = await place();
    return openStore({ databaseUrl: url, keyFile, now, poolSize: 4 });
  });
});
