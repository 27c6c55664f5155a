import { registerStoreContract } from "./test-support/cases-contract.ts";
import { openStore } from "../open-store.ts";

registerStoreContract("PGlite (in memory)", ({ now }) => openStore({ now }));
