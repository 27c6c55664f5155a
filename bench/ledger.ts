// Ledger benchmarks: verifying a 1,000,000-entry exported log, and inclusion / consistency
// proofs at 1,000,000 entries. Run: npm run bench:ledger [-- --entries N]
import { existsSync, mkdirSync, statSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import {
  buildEntry,
  canonicalJson,
  keyAdded,
  leafHash,
  LOG_FORMAT,
  MerkleTree,
  signCheckpoint,
  signEntry,
  toHex,
  utf8,
  verifyConsistency,
  verifyInclusion,
  type Signer,
} from "../src/ledger/index.ts";
import { fixtureAction, fixtureParties } from "../src/ledger/fixture-log.ts";
import { nodePublicKey, nodeSha256, nodeSigner } from "../src/ledger-node/index.ts";
import { createNodeWasmBatchVerifier } from "../src/ledger-node/index.ts";
import { verify as nodeVerify } from "node:crypto";
import { verifyLogFile } from "../src/cli/log-command.ts";
import { writeLines } from "../src/cli/log-file.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ENTRIES = arg("entries", 1_000_000);
const CHECKPOINT_EVERY = 10_000;
const outDir = fileURLToPath(new URL("./out/", import.meta.url));
mkdirSync(outDir, { recursive: true });
const logPath = `${outDir}ledger-${ENTRIES}.jsonl`;

const time = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

/** Streams a signed log of `n` entries (plus key entries and checkpoints) to disk. */
async function generate(n: number): Promise<void> {
  const p = fixtureParties(nodeSigner);
  const parties: Signer[] = [p.tracing, p.holding, p.mediator];
  const tree = new MerkleTree({ hash: nodeSha256 });
  let index = 0;
  function* lines(): Generator<string> {
    yield canonicalJson({ kind: "header", format: LOG_FORMAT, log: "bench-log", keys: parties.map((s) => s.key) });
    const emit = (input: Parameters<typeof buildEntry>[2], signers: Signer[]): string => {
      const line = canonicalJson(signEntry(buildEntry("bench-log", index++, input), signers));
      tree.append(utf8(line));
      return line;
    };
    for (const [party, person] of [[p.tracing, p.tracingVerifier], [p.holding, p.holdingVerifier], [p.mediator, p.mediatorOfficer]] as const) {
      yield emit({ id: `key-${person.key.id}`, type: keyAdded.type, typeVersion: 1, subject: `party:${party.key.party}`, party: party.key.party, time: time(0), payload: { key: person.key } }, [party, person]);
    }
    while (index < n) {
      const owner = parties[index % 3]!;
      yield emit(
        { id: `action-${index}`, type: fixtureAction.type, typeVersion: 1, subject: `case:${index % 20_000}`, party: owner.key.party, time: time(index), payload: { n: index, note: "benchmark action" } },
        [owner],
      );
      if (index % CHECKPOINT_EVERY === 0 || index === n) {
        yield canonicalJson(signCheckpoint({ log: "bench-log", size: tree.size, root: toHex(tree.root()), time: time(index) }, parties));
      }
    }
  }
  await writeLines(logPath, lines());
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(3)} ms`);

async function main(): Promise<void> {
  console.log(`ledger benchmark: ${ENTRIES} entries; ${cpus()[0]?.model ?? "cpu"} x${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (machine shared with other work)`);
  if (!existsSync(logPath)) {
    const t = performance.now();
    await generate(ENTRIES);
    console.log(`generated ${logPath} (${(statSync(logPath).size / 2 ** 20).toFixed(0)} MiB) in ${fmt(performance.now() - t)}`);
  } else {
    console.log(`using ${logPath} (${(statSync(logPath).size / 2 ** 20).toFixed(0)} MiB)`);
  }

  for (const threads of [availableParallelism()]) {
    const t = performance.now();
    const result = await verifyLogFile(logPath, { threads });
    const ms = performance.now() - t;
    if (!result.ok) throw new Error(`benchmark log did not verify: ${result.problem.reason}`);
    console.log(`verify exported log (${result.size} entries, ${result.checkpoints.length} checkpoints), WebAssembly batch verification on ${threads} worker threads: ${fmt(ms)} (goal <= 30 s) — ${Math.round(result.size / (ms / 1000))} entries/s`);
  }

  await signatureThroughput();

  // Proofs at 1,000,000 entries (a tree over synthetic leaves, as the registry holds it).
  const tree = new MerkleTree({ hash: nodeSha256 });
  const t0 = performance.now();
  for (let i = 0; i < 1_000_000; i++) tree.appendLeafHash(leafHash(utf8(`leaf ${i}`), nodeSha256));
  console.log(`build tree of 1,000,000 leaves: ${fmt(performance.now() - t0)}`);
  const size = tree.size;
  const root = tree.root();
  const runs = 10_000;
  const indices = Array.from({ length: runs }, (_, i) => Math.floor((i * 7919 * 104729) % size));
  let t = performance.now();
  const proofs = indices.map((i) => tree.inclusionProof(i));
  const genMs = (performance.now() - t) / runs;
  for (const [hashName, hash] of [["OpenSSL SHA-256", nodeSha256], ["@noble/hashes SHA-256 (browser code path)", undefined]] as const) {
    t = performance.now();
    for (let k = 0; k < runs; k++) {
      const i = indices[k]!;
      if (!verifyInclusion(i, size, tree.leafHash(i), proofs[k]!, root, hash).ok) throw new Error("proof failed");
    }
    console.log(`inclusion proof verification at 1,000,000, ${hashName}: ${fmt((performance.now() - t) / runs)} per proof (goal <= 1 ms)`);
  }
  console.log(`inclusion proof generation at 1,000,000: ${fmt(genMs)} per proof (goal <= 1 ms)`);
  t = performance.now();
  const sizes = indices.map((i) => 1 + i);
  const cproofs = sizes.map((s1) => tree.consistencyProof(s1, size));
  const cGen = (performance.now() - t) / runs;
  const roots = sizes.slice(0, 1000).map((s1) => tree.root(s1));
  t = performance.now();
  for (let k = 0; k < 1000; k++) {
    if (!verifyConsistency(sizes[k]!, size, roots[k]!, root, cproofs[k]!, nodeSha256).ok) throw new Error("consistency failed");
  }
  console.log(`consistency proof at 1,000,000: generation ${fmt(cGen)}, verification ${fmt((performance.now() - t) / 1000)} per proof`);
}

/** Ed25519 checks per second on one thread: OpenSSL one by one against the WebAssembly batch. */
async function signatureThroughput(): Promise<void> {
  const p = fixtureParties(nodeSigner);
  const signers = [p.tracing, p.holding, p.mediator];
  const n = 16_384;
  const checks = Array.from({ length: n }, (_, i) => {
    const signer = signers[i % 3]!;
    const message = utf8(`homeward bench entry ${i} ${"x".repeat(400)}`);
    return { publicKey: Uint8Array.from(Buffer.from(signer.key.publicKey, "hex")), message, signature: signer.sign(message) };
  });
  const keys = new Map(signers.map((s) => [s.key.publicKey, nodePublicKey(Uint8Array.from(Buffer.from(s.key.publicKey, "hex")))]));
  const cpu = (f: () => void): number => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  const hexOf = (b: Uint8Array): string => Buffer.from(b).toString("hex");
  const openssl = cpu(() => {
    for (const c of checks) if (!nodeVerify(null, c.message, keys.get(hexOf(c.publicKey))!, c.signature)) throw new Error("bad signature");
  });
  const wasm = await createNodeWasmBatchVerifier();
  wasm.verifyAll(checks.slice(0, 512)); // compile and warm up
  let ok = true;
  const batch = cpu(() => {
    ok = wasm.verifyAll(checks).every(Boolean);
  });
  if (!ok) throw new Error("batch verification failed");
  console.log(
    `Ed25519 on one thread (CPU time, ${n} signatures by 3 keys): OpenSSL one by one ${Math.round(n / openssl)}/s, WebAssembly batch ${Math.round(n / batch)}/s (${(openssl / batch).toFixed(1)}x)`,
  );
}

await main();
