import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { serve } from "@hono/node-server";
import { createApp, createLogger } from "../server/index.ts";
import { defaultWebDir } from "../server/web-app.ts";
import { disableDemoAccounts, seedDemo } from "../demo/seed-demo.ts";
import { DEMO_ACCOUNTS } from "../demo/demo-accounts.ts";
import { DEFAULT_DATA_DIR, describeStore, openCliStore } from "./open-cli-store.ts";
import { startAdultTrackJob } from "../server/adult-track-job.ts";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port number 0–65535");
  return n;
}

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (docs at /api/docs); DATABASE_URL selects PostgreSQL, otherwise the embedded database in --data")
    .option("--port <port>", "TCP port", port, 8080)
    .option("--host <host>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--data <dir>", "data directory of the embedded database (the encryption key: HOMEWARD_KEY_FILE, else DIR.key beside it)", DEFAULT_DATA_DIR)
    .option("--demo", "seed synthetic demo cases and enable the demo accounts")
    .option("--trust-proxy", "behind a reverse proxy: throttle failed logins by the client address in X-Forwarded-For (its last hop)")
    .action(async (opts: { port: number; host: string; data: string; demo?: boolean; trustProxy?: boolean }) => {
      const logger = createLogger();
      // Identity-verified, confirmed-by-mediator and post-return-verified wait for their signed reports.
      const store = await openCliStore(opts.data, {
        signedReportsRequired: true,
        demo: opts.demo === true,
        onWarning: (message) => logger.warn(message),
      });
      logger.info({ database: describeStore(store, opts.data) }, "store open");
      if (opts.demo) {
        const started = performance.now();
        const seeded = await seedDemo(store);
        logger.info({ ...seeded, ms: Math.round(performance.now() - started) }, "demo data ready");
      } else {
        const n = await disableDemoAccounts(store);
        if (n > 0) logger.warn({ disabled: n }, "demo accounts disabled: not in demo mode");
      }
      // Every party's and verifier's signing key exists before anyone acts (src/store/ledger/).
      await store.ledger.ensureKeys();
      // The web app (built by `npm run build`) is served beside the API, from the same origin.
      const app = createApp({ store, logger, webDir: defaultWebDir(), trustProxy: opts.trustProxy === true });
      // Matches new and changed cases as they arrive (jobs in the database: any server process may drain them).
      const stopMatching = store.matching.startWorker({ onError: (err) => logger.error({ err }, "matching failed") });
      // From their 18th birthday a person's case moves to the adult track, checked daily.
      const stopAdultTrack = startAdultTrackJob(store, logger);
      const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
        const url = `http://${opts.host === "0.0.0.0" || opts.host === "127.0.0.1" ? "localhost" : opts.host}:${info.port}`;
        logger.info({ url, docs: `${url}/api/docs` }, "listening");
        if (opts.demo) {
          process.stderr.write(
            `\nHomeward demo on ${url}  (web app: ${url}/cases, API docs: ${url}/api/docs)\n` +
            `Demo accounts (the password is in the README): ${DEMO_ACCOUNTS.filter((a) => a.username !== "ngo").map((a) => a.username).join(", ")}\n\n`,
          );
        }
      });
      // The access log's settled rows are committed into the signed log every minute.
      const sealAccessLog = () => store.accessLog.seal().catch((err: unknown) => logger.error({ err }, "sealing the access log failed"));
      const sealing = setInterval(() => void sealAccessLog(), 60_000);
      sealing.unref();
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "stopping");
        stopAdultTrack();
        clearInterval(sealing);
        server.close(() => {
          void stopMatching().then(sealAccessLog).then(() => store.close()).then(() => process.exit(0));
        });
        setTimeout(() => process.exit(0), 5000).unref();
      };
      process.on("SIGINT", () => stop("SIGINT"));
      process.on("SIGTERM", () => stop("SIGTERM"));
    });

  program
    .command("migrate")
    .description("apply pending database migrations (serve also applies them at start)")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: { data: string }) => {
      const store = await openCliStore(opts.data, { migrate: false });
      try {
        const applied = await store.migrate();
        process.stdout.write(applied.length === 0 ? "Database is up to date.\n" : `Applied: ${applied.join(", ")}\n`);
      } finally {
        await store.close();
      }
    });
}
