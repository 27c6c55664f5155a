// Worker thread of parallelComparer: compares its share of candidate pairs, then signals.
import { parentPort } from "node:worker_threads";
import { runCompareJob, type CompareJob } from "./parallel-compare.ts";

parentPort?.once("message", (job: CompareJob) => {
  const flag = new Int32Array(job.done);
  try {
    runCompareJob(job);
    Atomics.store(flag, 0, 1);
  } catch {
    Atomics.store(flag, 0, 2);
  }
  Atomics.notify(flag, 0);
});
