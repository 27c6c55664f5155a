export * from "./suppress-table.ts";
export * from "./table-attack.ts";
export * from "./oblast-of.ts";
export * from "./publish-stats.ts";
export * from "./stats-differencing.ts";
