import type { Command } from "commander";

export function registerLinkCommand(_program: Command): void {}
