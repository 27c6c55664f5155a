import { registerDashboardContract } from "./test-support/dashboard-contract.ts";
import { openStore } from "../open-store.ts";

registerDashboardContract("PGlite (in memory)", (now) => openStore({ now }));
