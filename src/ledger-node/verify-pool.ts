// Verifies a log file with its lines checked on worker threads: the main thread reads the file
// in chunks of a few thousand lines, sends each to a worker with the public keys its lines may
// name, and takes the verdicts back strictly in file order into the one LogVerifier, which
// checks everything that depends on position. A log of a million entries is a million lines to
// parse, hash and canonicalise and a million signatures: all of that runs on the workers.
import { isUtf8 } from "node:buffer";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { rememberKey, type LineVerdict } from "../ledger/entry-line-check.ts";
import { LogVerifier, type KeyRecord, type LogVerification, type LogVerifierOptions } from "../ledger/index.ts";
import { announcedKeysIn, checkChunk, unpackVerdicts, type PackedVerdicts } from "./verify-chunk.ts";
import { nodeSha256 } from "./node-crypto.ts";
import type { ChunkRequest } from "./verify-worker.ts";
import { createWorkerBatchVerifier } from "./worker-verifier.ts";

/** Checks chunks of lines; results come back per chunk, in any order the caller awaits them. */
export interface LineChecker {
  /** Chunks worth having in flight at once. */
  readonly capacity: number;
  /** Takes ownership of `chunk`'s memory. `keys` only grows between calls. */
  check(chunk: Buffer, keys: readonly KeyRecord[]): Promise<LineVerdict[]>;
  close(): Promise<void>;
}

/** Checks on this thread (--threads 0), with the same verifier the workers use. */
export function inlineLineChecker(): LineChecker {
  const keys = new Map<string, KeyRecord>();
  const verifier = createWorkerBatchVerifier();
  return {
    capacity: 1,
    async check(chunk, list) {
      for (let i = keys.size; i < list.length; i++) rememberKey(keys, list[i]!);
      return checkChunk(chunk, keys, await verifier);
    },
    async close() {
      await (await verifier).close?.();
    },
  };
}

export function workerLineChecker(options: { threads?: number } = {}): LineChecker {
  const requested = options.threads;
  const threads = requested !== undefined && Number.isInteger(requested) && requested > 0 ? requested : Math.min(16, availableParallelism());
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  // Checking a line allocates a few short-lived objects; a larger young generation means fewer
  // collections (about 5% less CPU per line measured).
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL(`./verify-worker${ext}`, import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  const sentKeys = new Array<number>(threads).fill(0);
  const load = new Array<number>(threads).fill(0);
  const pending = new Map<number, { worker: number; resolve: (v: LineVerdict[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let closed = false;
  const failAll = (w: number, error: Error): void => {
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      pending.delete(id);
      p.reject(error);
    }
  };
  workers.forEach((worker, w) => {
    worker.on("message", (reply: { id: number; packed?: PackedVerdicts; error?: string }) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      load[w]!--;
      if (reply.packed) p.resolve(unpackVerdicts(reply.packed));
      else p.reject(new Error(`log line checker failed: ${reply.error}`));
    });
    worker.on("error", (error) => failAll(w, error));
    worker.on("exit", (code) => {
      if (!closed) failAll(w, new Error(`log line checker stopped (exit code ${code})`));
    });
  });
  return {
    capacity: threads * 2,
    check(chunk, keys) {
      let w = 0;
      for (let i = 1; i < threads; i++) if (load[i]! < load[w]!) w = i;
      load[w]!++;
      const id = nextId++;
      // Small buffers may live in Node's shared allocation pool, which cannot move: copy those.
      const own = chunk.buffer.byteLength > Buffer.poolSize ? chunk : new Uint8Array(chunk);
      const request: ChunkRequest = { id, buffer: own.buffer as ArrayBuffer, offset: own.byteOffset, length: own.length, keys: keys.slice(sentKeys[w]) };
      sentKeys[w] = keys.length;
      return new Promise<LineVerdict[]>((resolve, reject) => {
        pending.set(id, { worker: w, resolve, reject });
        workers[w]!.postMessage(request, [request.buffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

export interface LogChunksOptions {
  keys?: KeyRecord[];
  checkpoints?: LogVerifierOptions["externalCheckpoints"];
  /** Worker threads checking lines (default: one per core); 0 checks on this thread. */
  threads?: number;
}

/** Verifies a log given as chunks of whole lines (see readLineChunks), in file order. */
export async function verifyLogChunks(chunks: AsyncIterable<Buffer>, options: LogChunksOptions = {}): Promise<LogVerification> {
  const log = new LogVerifier({ pinnedKeys: options.keys, externalCheckpoints: options.checkpoints, hash: nodeSha256 });
  const checker = options.threads === 0 ? inlineLineChecker() : workerLineChecker({ threads: options.threads });
  const keys = new Map<string, KeyRecord>();
  const keyList: KeyRecord[] = [];
  const remember = (key: KeyRecord): void => {
    if (rememberKey(keys, key)) keyList.push(key);
  };
  const inFlight: Promise<LineVerdict[]>[] = [];
  const take = async (): Promise<void> => {
    for (const verdict of await inFlight.shift()!) {
      log.push(verdict);
      if (log.failed) return;
    }
  };
  let atHeader = true;
  try {
    for await (let chunk of chunks) {
      if (atHeader) {
        atHeader = false;
        const nl = chunk.indexOf(10);
        const header = chunk.subarray(0, nl < 0 ? chunk.length : nl);
        if (isUtf8(header)) log.pushHeader(header.toString("utf8"));
        else log.push({ kind: "bad-line", reason: "not valid UTF-8" });
        if (log.failed) break;
        for (const key of log.anchors()) remember(key);
        chunk = chunk.subarray(nl < 0 ? chunk.length : nl + 1);
        if (chunk.length === 0) continue;
      }
      // Keys come before the chunk that may need them; which key may sign where is the log's to say.
      for (const key of announcedKeysIn(chunk)) remember(key);
      inFlight.push(checker.check(chunk, keyList));
      while (inFlight.length >= checker.capacity && !log.failed) await take();
      if (log.failed) break;
    }
    while (inFlight.length > 0 && !log.failed) await take();
  } finally {
    for (const rest of inFlight) rest.catch(() => undefined);
    await checker.close();
  }
  return log.finish();
}
