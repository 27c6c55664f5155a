import type { Command } from "commander";
import { HomewardError } from "../domain/index.ts";

/** Registry errors (unknown party, taken username, refused action) end the command with a one-line message, not a stack trace. */
export async function reportErrors(cmd: Command, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof HomewardError) cmd.error(`error: ${e.message}`);
    throw e;
  }
}
