import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { verifySignedReport } from "../ledger/index.ts";
import { describeKey, readKeysFile, verifyLogFile, type Output } from "./log-command.ts";
import { nodeSha256 } from "../ledger-node/index.ts";

const stdio: Output = { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") };

export async function runReportVerify(path: string, options: { keys?: string; log?: string }, io: Output = stdio): Promise<number> {
  const pinned = options.keys ? await readKeysFile(options.keys) : undefined;
  const input: unknown = JSON.parse(await readFile(path, "utf8"));
  const result = verifySignedReport(input, { pinnedKeys: pinned, hash: nodeSha256 });
  if (!result.ok) {
    io.err(`report verification FAILED: ${result.reason}`);
    return 1;
  }
  if (options.log) {
    // The log shows what a report file alone cannot: that no signing key was revoked, and that
    // the report's checkpoint is the same history the log holds.
    const { checkpoint } = input as { checkpoint: { checkpoint: { log: string; size: number; root: string; time: string } } };
    const log = await verifyLogFile(options.log, { keys: pinned, checkpoints: [checkpoint.checkpoint] });
    if (!log.ok) {
      io.err(`report verification FAILED: the log does not hold: ${log.problem.reason}`);
      return 1;
    }
  }
  io.out(pinned ? "trusted keys (pinned):" : "keys (taken from the file: compare these fingerprints with the ones each party publishes):");
  for (const key of result.keys) io.out(`  ${describeKey(key)}`);
  io.out(`report hash ${result.reportHash}`);
  io.out(`verification code ${result.verificationCode}`);
  for (const s of result.signatures) {
    io.out(`  signed as ${s.role.padEnd(17)} by ${s.party}${s.user ? ` / ${s.user}` : ""} at ${s.time}, log entry ${s.index} (${s.entryHash.slice(0, 16)}…)`);
  }
  io.out(`included in the log at checkpoint size ${result.checkpoint.size}, root ${result.checkpoint.root}, co-signed by ${result.checkpoint.cosigners.join(", ")}`);
  if (result.missingRoles.length) io.out(`not yet signed by: ${result.missingRoles.join(", ")}`);
  else io.out("signed by both verifiers and confirmed by the mediator");
  if (!options.log) io.out("(key revocations are checked only against the log: add --log LOG.jsonl)");
  return 0;
}

export function registerReportCommands(program: Command): void {
  const report = program.command("report").description("signed verification reports");
  report
    .command("verify")
    .description("check a signed report's signatures and its inclusion in the log")
    .argument("<report>", "signed report (JSON)")
    .option("--keys <file>", "pin the parties' public keys")
    .option("--log <file>", "also verify the exported log and that the report's checkpoint belongs to it")
    .action(async (path: string, opts: { keys?: string; log?: string }) => {
      process.exitCode = await runReportVerify(path, opts);
    });
}
