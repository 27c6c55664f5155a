import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  buildSignedReport,
  checkpointLineSchema,
  checkpointSchema,
  describeProblem,
  fingerprint,
  keysFileSchema,
  type Checkpoint,
  type KeyRecord,
  type LogVerification,
} from "../ledger/index.ts";
import { buildFixtureLog, FIXTURE_REPORT } from "../ledger/fixture-log.ts";
import { nodeSha256, nodeSigner } from "../ledger-node/index.ts";
import { verifyLogChunks } from "../ledger-node/index.ts";
import { checkNote } from "./note-check.ts";
import { readLineChunks, readLines, writeLines } from "./log-file.ts";
import { checkAccessLogExport, describeAccessLogCheck } from "./access-log-check.ts";
import { describeStore, openCliStore } from "./open-cli-store.ts";

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}
const stdio: Output = { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") };

export async function readKeysFile(path: string): Promise<KeyRecord[]> {
  const raw = JSON.parse(await readFile(path, "utf8")) as unknown;
  // GET /api/keys marks which keys are trust anchors; the others are announced in the log itself.
  const list = Array.isArray(raw) ? raw : (raw as { keys?: unknown }).keys;
  const anchors = Array.isArray(list)
    ? list
        .filter((k) => (k as { anchor?: boolean }).anchor !== false)
        .map((k) => {
          const { anchor: _a, retired: _r, ...key } = k as Record<string, unknown>;
          return key;
        })
    : list;
  const parsed = keysFileSchema.safeParse({ keys: anchors });
  if (!parsed.success) throw new Error(`${path} is not a keys file: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

async function readCheckpointFile(path: string): Promise<Checkpoint> {
  const value = JSON.parse(await readFile(path, "utf8"));
  const line = checkpointLineSchema.safeParse(value);
  if (line.success) return line.data.checkpoint;
  return checkpointSchema.parse(value);
}

export function describeKey(key: KeyRecord): string {
  const owner = key.user === undefined ? key.party : `${key.party} / ${key.user}`;
  return `${owner.padEnd(40)} ${fingerprint(key.id)}`;
}

/** Verifies an exported log file; its lines are checked on worker threads (threads 0: on this one). */
export async function verifyLogFile(
  path: string,
  options: { keys?: KeyRecord[]; checkpoints?: Checkpoint[]; threads?: number; chunkBytes?: number },
): Promise<LogVerification> {
  return verifyLogChunks(readLineChunks(path, options.chunkBytes), options);
}

export async function runLogVerify(
  path: string,
  options: { keys?: string; checkpoint?: string[]; threads?: string; accessLog?: string; party?: string; note?: string; logKey?: string; witnesses?: string; quorum?: string },
  io: Output = stdio,
): Promise<number> {
  if (options.note !== undefined && options.logKey === undefined) {
    io.err("--note needs --log-key: the log's checkpoint key (GET /api/log/witnesses gives it; compare it with the one the operator publishes)");
    return 1;
  }
  if ((options.accessLog === undefined) !== (options.party === undefined)) {
    io.err("--access-log and --party go together: the export and the party whose cases' reads it checks");
    return 1;
  }
  const keys = options.keys ? await readKeysFile(options.keys) : undefined;
  const checkpoints = await Promise.all((options.checkpoint ?? []).map(readCheckpointFile));
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  const started = performance.now();
  const result = await verifyLogFile(path, { keys, checkpoints, threads });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!result.ok) {
    io.err(`log verification FAILED at ${describeProblem(result.problem)}`);
    io.err(`the first ${result.verifiedPrefix} entries were checked before it`);
    return 1;
  }
  io.out(keys ? "trusted keys (pinned):" : "trusted keys (taken from the file: compare these fingerprints with the ones each party publishes):");
  for (const key of result.anchors) io.out(`  ${describeKey(key)}`);
  const added = result.keys.filter((k) => !result.anchors.some((a) => a.id === k.id));
  if (added.length) {
    io.out("keys added in the log (signed by their party):");
    for (const key of added) io.out(`  ${describeKey(key)}`);
  }
  const last = result.checkpoints.at(-1);
  io.out(`log ${result.log}: verified ${result.size} entries in ${seconds} s`);
  io.out(`root ${result.root}`);
  if (last) {
    io.out(`${result.checkpoints.length} checkpoints verified; the last, of size ${last.checkpoint.size}, co-signed by ${last.signers.map((k) => k.party).join(", ")}`);
  }
  if (options.note !== undefined) {
    const quorum = Number(options.quorum ?? "1");
    const { ok, lines } = await checkNote(path, { note: options.note, logKey: options.logKey!, quorum, ...(options.witnesses === undefined ? {} : { witnesses: options.witnesses }) });
    for (const line of lines) (ok ? io.out : io.err)(line);
    if (!ok) return 1;
  }
  if (options.accessLog !== undefined && options.party !== undefined) {
    const { ok, lines } = describeAccessLogCheck(await checkAccessLogExport(path, options.accessLog, options.party), options.party);
    for (const line of lines) (ok ? io.out : io.err)(line);
    if (!ok) return 1;
  }
  return 0;
}

export function registerLogCommands(program: Command): void {
  const log = program.command("log").description("the signed, append-only log of every action");

  log
    .command("export")
    .description("write the log (header with public keys, entries, checkpoints) as JSON Lines")
    .option("--data <dir>", "registry data directory")
    .requiredOption("--out <file>", "output file (JSON Lines)")
    .option("--fixture <actions>", "write a synthetic, fully signed test log instead of the registry's")
    .option("--report-out <file>", "with --fixture: also write the synthetic log's signed report")
    .action(async (opts: { data?: string; out: string; fixture?: string; reportOut?: string }) => {
      if (opts.fixture === undefined) {
        const store = await openCliStore(opts.data);
        try {
          const ledger = store.ledger;
          const count = await writeLines(opts.out, ledger.exportLines());
          const head = await ledger.latestCheckpoint();
          process.stdout.write(
            `wrote ${count} lines (${head?.checkpoint.size ?? 0} entries, root ${head?.checkpoint.root ?? "-"}) from ${describeStore(store, opts.data)} to ${opts.out}\n`,
          );
        } finally {
          await store.close();
        }
        return;
      }
      const actions = Number(opts.fixture);
      const { ledger } = buildFixtureLog({ actions, checkpointEvery: Math.max(8, Math.ceil(actions / 100)), hash: nodeSha256, signerFactory: nodeSigner });
      const count = await writeLines(opts.out, ledger.exportLines());
      if (opts.reportOut) {
        await writeFile(opts.reportOut, JSON.stringify(buildSignedReport(ledger, "report-1", FIXTURE_REPORT), null, 2) + "\n");
      }
      process.stdout.write(`wrote ${count} lines (${ledger.size} entries) to ${opts.out}\n`);
    });

  log
    .command("verify")
    .description("check every signature, hash, the Merkle tree and every checkpoint of an exported log")
    .argument("<log>", "exported log (JSON Lines)")
    .option("--keys <file>", "pin the parties' public keys (JSON: an array of keys or {keys: [...]})")
    .option("--checkpoint <file...>", "checkpoints held elsewhere to compare with (detects a split view)")
    .option("--threads <n>", "worker threads checking lines and signatures (0: none, check on the main thread)")
    .option("--access-log <file>", "also check an access-log export (CSV) against the digests the log holds (with --party)")
    .option("--party <id>", "the party whose cases' reads the access-log export is checked for")
    .option("--note <file>", "a co-signed checkpoint note (GET /api/log/note): it must name this export's root at its size")
    .option("--log-key <vkey>", "with --note: the log's checkpoint verifier key")
    .option("--witnesses <file>", "with --note: the witnesses you trust, one verifier key a line")
    .option("--quorum <n>", "with --note: how many of those witnesses must have co-signed", "1")
    .action(async (path: string, opts: { keys?: string; checkpoint?: string[]; threads?: string; accessLog?: string; party?: string; note?: string; logKey?: string; witnesses?: string; quorum?: string }) => {
      process.exitCode = await runLogVerify(path, opts);
    });

  log
    .command("keys")
    .description("print the public keys a log's header names, as a keys file to pin")
    .argument("<log>", "exported log (JSON Lines)")
    .action(async (path: string) => {
      for await (const line of readLines(path)) {
        const header = JSON.parse(line) as { keys?: unknown };
        process.stdout.write(JSON.stringify({ keys: header.keys ?? [] }, null, 2) + "\n");
        break;
      }
    });
}
