// Polls for match jobs (and now and then for stale cases) until stopped; an enqueued job wakes it early.
export interface WorkerOptions {
  intervalMs?: number;
  sweepEveryMs?: number;
  onError?: (e: unknown) => void;
}

export function startMatchWorker(
  work: { enqueueStale(): Promise<unknown>; runPending(): Promise<unknown> },
  opts: WorkerOptions,
  setWake: (wake: (() => void) | null) => void,
): () => Promise<void> {
  const interval = opts.intervalMs ?? 1000;
  const sweepEvery = opts.sweepEveryMs ?? 5 * 60_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSweep = 0;
  let loop: Promise<void> = Promise.resolve();
  const tick = async () => {
    timer = null;
    if (stopped) return;
    try {
      if (Date.now() - lastSweep >= sweepEvery) {
        lastSweep = Date.now();
        await work.enqueueStale();
      }
      await work.runPending();
    } catch (e) {
      opts.onError?.(e);
    }
    if (!stopped) timer = setTimeout(() => (loop = tick()), interval);
  };
  setWake(() => {
    // A job was enqueued in a transaction that commits shortly: look again soon.
    if (timer !== null && !stopped) {
      clearTimeout(timer);
      timer = setTimeout(() => (loop = tick()), 50);
    }
  });
  loop = tick();
  return async () => {
    stopped = true;
    setWake(null);
    if (timer !== null) clearTimeout(timer);
    await loop;
  };
}
