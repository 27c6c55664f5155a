import { registerBatchContract } from "./test-support/batches-contract.ts";
import { openStore } from "../open-store.ts";

registerBatchContract("PGlite (in memory)", (now) => openStore({ now, signedReportsRequired: true }));
