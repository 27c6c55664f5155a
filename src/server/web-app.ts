import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import type { Env } from "hono";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/** Where `vite build` puts the web app, from the source tree and from the compiled one alike. */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../../web/dist/", import.meta.url));
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/**
 * Serves the built web app beside the API: files under `dir` as they are, and index.html for any
 * other path outside /api, so the app's own routes (/cases/…, /stats) load on a fresh visit.
 */
export function serveWebApp<E extends Env>(app: Hono<E>, dir: string = defaultWebDir()): void {
  const root = normalize(dir.endsWith(sep) ? dir : dir + sep);
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/")) return next();
    const index = join(root, "index.html");
    if (!(await isFile(index))) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = "/";
    }
    const wanted = normalize(join(root, decoded));
    const isAsset = wanted.startsWith(root) && extname(wanted) !== "" && (await isFile(wanted));
    const file = isAsset ? wanted : index;
    const body = new Uint8Array(await readFile(file));
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    // Built assets carry a content hash in their name and never change; the page itself must be fresh.
    const cache = isAsset && path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(body, 200, { "content-type": type, "cache-control": cache });
  });
}
