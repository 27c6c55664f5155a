// Witnessing: the log's checkpoints as C2SP signed notes under the log's own key, and the
// co-signatures of registered witnesses (who keep their keys).
export { createWitnessingRepository } from "./witnessing-repository.ts";
export { WITNESSING_MIGRATIONS } from "./migrations.ts";
export type { WitnessingApi } from "./witnessing-types.ts";
