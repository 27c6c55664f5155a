import type { Store } from "../store/index.ts";
import type { Logger } from "./logger.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

// Runs the adult-track switch at start and then once a day. Every server process may run it:
// the store's job is idempotent and safe against a second process doing the same.
export function startAdultTrackJob(store: Store, logger: Logger, options: { intervalMs?: number } = {}): () => void {
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const { switched, failed } = await store.adultTrack.runDue();
      if (switched.length > 0 || failed.length > 0) logger.info({ switched: switched.length, failed: failed.length }, "adult-track switch");
    } catch (err) {
      logger.error({ err }, "adult-track switch failed");
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.intervalMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
