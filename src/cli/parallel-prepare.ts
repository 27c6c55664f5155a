import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { TablePreparer } from "../matching/linkage/link-tables.ts";
import type { LinkSettings } from "../matching/model/settings-schema.ts";
import { adoptTable, newSharedCodes, prepareColumns, prepareTable, rawColumns, type PreparedField, type PreparedTable, type SharedCodes } from "../matching/model/prepared-table.ts";
import { crossScriptNormaliser } from "../matching/model/cross-script-normaliser.ts";

export interface PrepareJob {
  settings: LinkSettings;
  columns: string[][];
  port: MessagePort;
  /** [0] becomes 1 when the result is posted, 2 on failure */
  done: SharedArrayBuffer;
}

type Columns = Pick<PreparedField, "code" | "group" | "year" | "month" | "day" | "dayNumber">;

export interface PrepareResult {
  fields: Columns[];
  text: string[][];
  group: string[][];
  region: string[][];
}

/** The worker's side: prepares one table with codes of its own (the caller adopts them). */
export function runPrepareJob(job: PrepareJob): { result: PrepareResult; transfer: ArrayBuffer[] } {
  const codes = newSharedCodes(job.settings.fields.length);
  const n = job.columns[0]?.length ?? 0;
  const table = prepareColumns(new Array<string>(n).fill(""), job.columns, job.settings, crossScriptNormaliser(), codes);
  const fields = table.fields.map((pf): Columns => ({ code: pf.code, group: pf.group, year: pf.year, month: pf.month, day: pf.day, dayNumber: pf.dayNumber }));
  // Fields share their unused arrays: each buffer is transferred once.
  const transfer = [...new Set(fields.flatMap((c) => [c.code, c.group, c.year, c.month, c.day, c.dayNumber].map((a) => a.buffer as ArrayBuffer)))];
  const values = (list: SharedCodes["text"]) => list.map((i) => i.values);
  return { result: { fields, text: values(codes.text), group: values(codes.group), region: values(codes.region) }, transfer };
}

const MIN_PARALLEL_RECORDS = 50_000;

/**
 * Prepares the right table on a worker thread while this thread prepares the left one (the
 * biggest single phase of a large linkage). The worker normalises with crossScriptNormaliser,
 * so pass this only with that normaliser (as homeward link does). Codes come out the same as
 * on one thread (see adoptTable). Returns null below MIN_PARALLEL_RECORDS records on the right
 * or with one core; if the worker fails or stalls, this thread prepares the right table itself.
 */
export function parallelPreparer(opts: { minRecords?: number; workers?: number; /** whether the worker's table was used */ onWorker?: (used: boolean) => void } = {}): TablePreparer {
  return (leftRows, rightRows, settings, normaliser, codes: SharedCodes) => {
    if (rightRows.length < (opts.minRecords ?? MIN_PARALLEL_RECORDS) || (opts.workers ?? availableParallelism()) < 2) return null;
    const columns = rawColumns(rightRows, settings);
    const done = new SharedArrayBuffer(4);
    const flag = new Int32Array(done);
    const channel = new MessageChannel();
    const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL(`./prepare-worker${ext}`, import.meta.url));
      const job: PrepareJob = { settings, columns, port: channel.port2, done };
      worker.postMessage(job, [channel.port2]);
    } catch {
      worker = null;
    }
    const t0 = performance.now();
    const left = prepareTable(leftRows, settings, normaliser, codes);
    const own = performance.now() - t0;
    let right: PreparedTable | null = null;
    if (worker) {
      // Wait for the worker; if it has not finished long after this thread did, prepare here.
      const deadline = performance.now() + Math.max(30_000, own * 3);
      while (Atomics.load(flag, 0) === 0 && performance.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
      const msg = Atomics.load(flag, 0) === 1 ? receiveMessageOnPort(channel.port1) : undefined;
      if (msg) {
        const r = msg.message as PrepareResult;
        const local: PreparedTable = {
          ids: rightRows.map((row) => row[settings.idColumn] ?? ""),
          size: rightRows.length,
          fields: settings.fields.map((spec, f) => ({ spec, raw: columns[f]!, text: [], ...r.fields[f]! })),
        };
        right = adoptTable(local, r, codes);
      }
      channel.port1.close();
      void worker.terminate();
    }
    opts.onWorker?.(right !== null);
    right ??= prepareColumns(rightRows.map((row) => row[settings.idColumn] ?? ""), columns, settings, normaliser, codes);
    return { left, right };
  };
}
