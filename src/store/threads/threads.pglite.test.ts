import { registerThreadsContract } from "./test-support/threads-contract.ts";
import { openStore } from "../open-store.ts";

registerThreadsContract("PGlite (in memory)", () => openStore());
