import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PairComparer, PreparedField, PreparedTable, SharedCodes } from "../matching/index.ts";
import { compareRange } from "../matching/index.ts";
import { levelCache } from "../matching/linkage/link-tables.ts";

/** What a comparison worker needs of one prepared field: typed arrays and the distinct texts. */
export interface FieldColumns {
  code: Int32Array;
  group: Int32Array;
  year: Int16Array;
  month: Int8Array;
  day: Int8Array;
  dayNumber: Int32Array;
}

export interface CompareJob {
  specs: PreparedField["spec"][];
  values: string[][];
  left: FieldColumns[];
  right: FieldColumns[];
  pairLeft: Int32Array;
  pairRight: Int32Array;
  /** pairs from..to-1 of pairLeft/pairRight, written to gamma at pair p + gammaShift */
  from: number;
  to: number;
  gammaShift: number;
  gamma: SharedArrayBuffer;
  /** [0] becomes 1 when done, 2 on failure */
  done: SharedArrayBuffer;
}

const columns = (pf: PreparedField): FieldColumns => ({ code: pf.code, group: pf.group, year: pf.year, month: pf.month, day: pf.day, dayNumber: pf.dayNumber });

/** A prepared table rebuilt from columns: the text of a record is its code's distinct text. */
export function tableFromColumns(specs: PreparedField["spec"][], values: string[][], cols: FieldColumns[]): PreparedTable {
  const size = cols[0]?.code.length ?? 0;
  const fields = cols.map((c, f): PreparedField => {
    const v = values[f]!;
    const text = new Array<string>(size);
    for (let i = 0; i < size; i++) text[i] = c.code[i]! >= 0 ? v[c.code[i]!]! : "";
    return { spec: specs[f]!, raw: [], text, ...c };
  });
  return { ids: [], size, fields };
}

export function runCompareJob(job: CompareJob): void {
  const left = tableFromColumns(job.specs, job.values, job.left);
  const right = tableFromColumns(job.specs, job.values, job.right);
  compareRange(left, right, job.pairLeft, job.pairRight, job.from, job.to, new Uint8Array(job.gamma), -job.gammaShift, levelCache(left, right));
}

const MIN_PARALLEL_PAIRS = 200_000;

/**
 * Compares candidate pairs on this thread and one worker thread at once (the machine this was
 * made for has two cores). Returns null below MIN_PARALLEL_PAIRS pairs (a worker costs more
 * than it saves) or with one core. If the worker fails or stalls, this thread finishes its
 * share, so a result is always complete.
 */
export function parallelComparer(opts: { minPairs?: number; workers?: number; /** pairs the worker compared (0 when this thread had to) */ onWorkerPairs?: (n: number) => void } = {}): PairComparer {
  return (left: PreparedTable, right: PreparedTable, codes: SharedCodes, pairs) => {
    const P = pairs.length;
    const F = left.fields.length;
    if (P < (opts.minPairs ?? MIN_PARALLEL_PAIRS) || (opts.workers ?? availableParallelism()) < 2) return null;
    const gammaBuf = new SharedArrayBuffer(P * F);
    const gamma = new Uint8Array(gammaBuf);
    // The worker starts later (thread start, copying columns): it takes a smaller share.
    const mid = Math.floor(P * 0.55);
    const done = new SharedArrayBuffer(4);
    const flag = new Int32Array(done);
    const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
    const worker = new Worker(new URL(`./compare-worker${ext}`, import.meta.url));
    const job: CompareJob = {
      specs: left.fields.map((pf) => pf.spec),
      values: codes.text.map((c) => c.values),
      left: left.fields.map(columns),
      right: right.fields.map(columns),
      pairLeft: pairs.left.subarray(mid, P),
      pairRight: pairs.right.subarray(mid, P),
      from: 0,
      to: P - mid,
      gammaShift: mid,
      gamma: gammaBuf,
      done,
    };
    worker.postMessage(job);
    const t0 = performance.now();
    const cache = levelCache(left, right);
    compareRange(left, right, pairs.left, pairs.right, 0, mid, gamma, 0, cache);
    const own = performance.now() - t0;
    // Wait for the worker; if it has not finished long after this thread did, do its share here.
    const deadline = performance.now() + Math.max(30_000, own * 3);
    while (Atomics.load(flag, 0) === 0 && performance.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
    const ok = Atomics.load(flag, 0) === 1;
    if (!ok) compareRange(left, right, pairs.left, pairs.right, mid, P, gamma, 0, cache);
    opts.onWorkerPairs?.(ok ? P - mid : 0);
    void worker.terminate();
    return gamma;
  };
}
