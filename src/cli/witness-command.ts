import { createServer } from "node:http";
import type { Command } from "commander";
import { ed25519NoteVerifier, parseVerifierKey, SIG_ED25519, type NoteVerifier } from "../ledger/index.ts";
import { createWitness, followOnce, handleWitnessRequest, readWitnessKey, WitnessState, writeWitnessKey, type Witness } from "./witness-node.ts";

/** Log verifier keys (type 0x01) by origin: a log's key name is its origin line. */
export function logKeysByOrigin(vkeys: readonly string[]): Map<string, NoteVerifier[]> {
  const logs = new Map<string, NoteVerifier[]>();
  for (const vkey of vkeys) {
    const p = parseVerifierKey(vkey);
    if (!p.ok) throw new Error(`--log-key ${vkey}: ${p.reason}`);
    if (p.value.type !== SIG_ED25519) throw new Error(`--log-key ${vkey}: a log's checkpoint key is an Ed25519 note key (type 0x01)`);
    logs.set(p.value.name, [...(logs.get(p.value.name) ?? []), ed25519NoteVerifier(p.value.name, p.value.publicKey)]);
  }
  return logs;
}

function listen(witness: Witness, port: number): Promise<void> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 1 << 20) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      handleWitnessRequest(witness, req.method ?? "GET", (req.url ?? "/").split("?")[0]!, Buffer.concat(chunks).toString("utf8")).then(
        (a) => res.writeHead(a.status, { "content-type": a.contentType }).end(a.body),
        (e: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`${e instanceof Error ? e.message : String(e)}\n`),
      );
    });
  });
  return new Promise((resolve) => server.listen(port, () => resolve()));
}

interface RunOptions { key: string; state: string; logKey: string[]; log?: string; listen?: string; peer?: string[]; interval: string; once?: boolean }

async function runWitness(opts: RunOptions): Promise<void> {
  const logs = logKeysByOrigin(opts.logKey);
  const witness = createWitness(await readWitnessKey(opts.key), logs, await new WitnessState(opts.state).load());
  process.stdout.write(`witness ${witness.name}\n  verifier key ${witness.vkey}\n`);
  if (opts.listen !== undefined) {
    await listen(witness, Number(opts.listen));
    process.stdout.write(`  add-checkpoint at http://localhost:${opts.listen}/add-checkpoint\n`);
  }
  if (opts.log === undefined) return;
  const logKeys = [...logs.values()].flat();
  for (;;) {
    try {
      const r = await followOnce(witness, opts.log, logKeys, opts.peer ?? [], (url, init) => fetch(url, init));
      const line = `${new Date().toISOString()} ${r.origin} size ${r.size}: ${r.status}, ${r.detail}${r.evidence ? ` (evidence in ${r.evidence})` : ""}\n`;
      (r.status === "fork" || r.status === "refused" ? process.stderr : process.stdout).write(line);
      if (r.status === "fork") process.exitCode = 3;
    } catch (e) {
      process.stderr.write(`${new Date().toISOString()} ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
    if (opts.once) return;
    await new Promise((r) => setTimeout(r, Number(opts.interval) * 1000));
  }
}

export function registerWitnessCommands(program: Command): void {
  const witness = program
    .command("witness")
    .description("run a witness: follow a log, co-sign only append-only extensions of what it saw, refuse a fork and keep the evidence (c2sp.org/tlog-witness)")
    .option("--key <file>", "the witness's key file (made by `homeward witness keygen`)")
    .option("--state <dir>", "where the witness keeps the last checkpoint it co-signed and any fork evidence", "./witness-state")
    .option("--log-key <vkey...>", "the verifier key of each log it witnesses (GET /api/log/witnesses gives a Homeward log's)", [])
    .option("--log <url>", "a Homeward server to follow: fetch its checkpoints, co-sign, hand the co-signature back")
    .option("--listen <port>", "also answer add-checkpoint and monitoring requests on this port")
    .option("--peer <url...>", "other witnesses' monitoring URLs to compare checkpoints with (detects a split view)")
    .option("--interval <seconds>", "seconds between rounds when following", "60")
    .option("--once", "follow for one round, then exit (exit code 3 on a fork)")
    .action(async (opts: RunOptions) => {
      if (opts.key === undefined) throw new Error("--key FILE is required (make one with `homeward witness keygen`)");
      if (opts.logKey.length === 0) throw new Error("--log-key VKEY is required: the witness trusts only the log keys it is given");
      await runWitness(opts);
    });
  witness
    .command("keygen")
    .description("make a witness key file (mode 600) and print its verifier key, to register with the logs it witnesses")
    .requiredOption("--name <name>", "the witness's name, a schema-less URL such as witness.example.org/w1")
    .requiredOption("--out <file>", "the key file to write (never overwritten)")
    .action(async (opts: { name: string; out: string }) => {
      process.stdout.write(`${await writeWitnessKey(opts.out, opts.name)}\n`);
    });
}
