import { registerLedgerContract } from "./test-support/ledger-contract.ts";
import { openStore } from "../open-store.ts";

registerLedgerContract("PGlite (in memory)", () => openStore());
