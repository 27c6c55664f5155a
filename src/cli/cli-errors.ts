import type { Command } from "commander";
import { HomewardError } from "../domain/index.ts";

/** Registry errors (unknown party, taken username, refused action) end the command with a one-line message, not a stack trace. */
export async function reportErrors(cmd: Command, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof HomewardError) fail(cmd, e.message);
    throw e;
  }
}

/** Ends the command with a one-line error (no usage text: the arguments were fine, the request was not). */
export function fail(cmd: Command, message: string): never {
  cmd.showHelpAfterError(false);
  cmd.error(`error: ${message}`);
}
