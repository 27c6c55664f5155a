import { registerHealthSummariesContract } from "./test-support/health-summaries-contract.ts";
import { openStore } from "../open-store.ts";

registerHealthSummariesContract("PGlite (in memory)", (now) => openStore({ now }));
