// Worker thread of parallelPreparer: prepares one table, posts it back, then signals.
import { parentPort } from "node:worker_threads";
import { runPrepareJob, type PrepareJob } from "./parallel-prepare.ts";

parentPort?.once("message", (job: PrepareJob) => {
  const flag = new Int32Array(job.done);
  try {
    const { result, transfer } = runPrepareJob(job);
    job.port.postMessage(result, transfer);
    Atomics.store(flag, 0, 1);
  } catch {
    Atomics.store(flag, 0, 2);
  }
  Atomics.notify(flag, 0);
});
