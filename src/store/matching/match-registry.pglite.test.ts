import { registerMatchContract } from "./test-support/match-contract.ts";
import { openStore } from "../open-store.ts";

registerMatchContract("PGlite (in memory)", () => openStore());
