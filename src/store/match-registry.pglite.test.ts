import { registerMatchContract } from "./test-support/match-contract.ts";
import { openStore } from "./open-store.ts";
import { MATCH_MIGRATIONS } from "./match-migrations.ts";

registerMatchContract("PGlite (in memory)", () => openStore({ migrations: MATCH_MIGRATIONS }));
