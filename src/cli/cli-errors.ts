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

interface DataDirInUse {
  code: "data-dir-in-use";
  dir: string;
  pid: number;
}

function isDataDirInUse(e: unknown): e is DataDirInUse {
  return e instanceof Error && (e as Partial<DataDirInUse>).code === "data-dir-in-use";
}

/** What to tell someone whose command found the data folder held by another process (a running server, most likely). */
export function dataDirInUseMessage(e: DataDirInUse): string {
  return [
    `error: the data folder ${e.dir} is open in another homeward process (pid ${e.pid}), most likely a running \`homeward serve\`.`,
    "The embedded database serves one process at a time, so this command did nothing. Either:",
    `  - stop that server (kill ${e.pid}, or Ctrl-C where it runs) and run this command again, or`,
    "  - do it through the running server's HTTP API instead (see /api/docs; for example the signed log is GET /api/log/export), or",
    "  - run the server and the commands against one PostgreSQL server (DATABASE_URL), which many processes can share.",
    `If no process ${e.pid} exists, delete ${e.dir}/homeward.lock.`,
  ].join("\n");
}

/** Runs the program; errors that are the situation's, not the program's, end with a message and exit code 1 instead of a stack trace. */
export async function runCli(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (!isDataDirInUse(e)) throw e;
    process.stderr.write(`${dataDirInUseMessage(e)}\n`);
    process.exitCode = 1;
  }
}
