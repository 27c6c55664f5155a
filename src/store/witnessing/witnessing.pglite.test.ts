import { registerWitnessingContract } from "./test-support/witnessing-contract.ts";
import { openStore } from "../open-store.ts";

registerWitnessingContract("PGlite (in memory)", () => openStore({}));
