// Public statistics: the registry's counts, read across parties, published only suppressed.
export { createStatsRepository, type StatsApi } from "./stats-repository.ts";
