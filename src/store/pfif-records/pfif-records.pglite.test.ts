import { registerPfifRecordsContract } from "./test-support/pfif-records-contract.ts";
import { openStore } from "../open-store.ts";

registerPfifRecordsContract("PGlite (in memory)", () => openStore());
