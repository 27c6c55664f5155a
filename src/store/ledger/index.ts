// The registry's signed log: entries, keys, checkpoints and proofs, in the store's database.
export { createLedgerStore, type LedgerDeps } from "./ledger-store.ts";
export type { ConsistencyProof, InclusionProof, LedgerStore } from "./ledger-store-types.ts";
export { LEDGER_MIGRATIONS } from "./migrations.ts";
