import type { Command } from "commander";

export function registerLogCommands(_program: Command): void {}
