// Worker thread of the log line checker (verify-pool.ts): checks chunks of lines and
// their signatures, one chunk after another, and sends back the packed verdicts.
import { parentPort } from "node:worker_threads";
import { rememberKey } from "../ledger/entry-line-check.ts";
import type { KeyRecord } from "../ledger/index.ts";
import { checkChunk, packedTransfer, packVerdicts } from "./verify-chunk.ts";
import { createWorkerBatchVerifier } from "./worker-verifier.ts";

export interface ChunkRequest {
  id: number;
  buffer: ArrayBuffer;
  offset: number;
  length: number;
  /** Keys not sent to this worker before. */
  keys: KeyRecord[];
}

const port = parentPort;
if (port) {
  const keys = new Map<string, KeyRecord>();
  const verifier = createWorkerBatchVerifier();
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (request: ChunkRequest) => {
    for (const key of request.keys) rememberKey(keys, key);
    queue = queue.then(async () => {
      try {
        const verdicts = await checkChunk(Buffer.from(request.buffer, request.offset, request.length), keys, await verifier);
        const packed = packVerdicts(verdicts);
        port.postMessage({ id: request.id, packed }, packedTransfer(packed));
      } catch (error) {
        port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
}
