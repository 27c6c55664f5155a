import { registerCaseLinksContract } from "./test-support/case-links-contract.ts";
import { openStore } from "../open-store.ts";

registerCaseLinksContract("PGlite (in memory)", (now) => openStore({ now, signedReportsRequired: true }));
