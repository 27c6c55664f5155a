// Public statistics: the registry's counts, read across parties, published only suppressed.
export { createStatsRepository } from "./stats-repository.ts";
