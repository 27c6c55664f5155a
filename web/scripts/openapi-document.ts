import { openStore } from "../../src/store/index.ts";
import { createApp } from "../../src/server/index.ts";
import { createLogger } from "../../src/server/logger.ts";
import { Writable } from "node:stream";

/** The OpenAPI document exactly as the server publishes it, read from the app object without a port. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = await openStore();
  try {
    const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
    const app = createApp({ store, logger: createLogger({ level: "silent", destination: quiet }) });
    const res = await app.request("/api/openapi.json");
    if (res.status !== 200) throw new Error(`the app answered ${res.status} for its OpenAPI document`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await store.close();
  }
}
