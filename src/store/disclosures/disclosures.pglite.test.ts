import { registerDisclosuresContract } from "./test-support/disclosures-contract.ts";
import { openStore } from "../open-store.ts";

registerDisclosuresContract("PGlite (in memory)", () => openStore());
