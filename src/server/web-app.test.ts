import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWebApp } from "./web-app.ts";

let dir: string;
let app: Hono;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "web-app-"));
  await mkdir(join(dir, "assets"));
  await writeFile(join(dir, "index.html"), "<!doctype html><title>app</title>");
  await writeFile(join(dir, "assets", "index-abc.js"), "console.log(1)");
  await writeFile(join(dir, "favicon.svg"), "<svg/>");
  app = new Hono();
  app.get("/api/ping", (c) => c.text("pong"));
  serveWebApp(app, dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the web app beside the API", () => {
  it("answers the app's own routes with index.html, never cached, so a fresh visit to /cases/… loads", async () => {
    for (const path of ["/", "/cases/0b9e", "/stats", "/matches/1?x=2"]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("<title>app</title>");
    }
  });

  it("serves built files with their type; hashed assets are cached for good", async () => {
    const js = await app.request("/assets/index-abc.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const svg = await app.request("/favicon.svg");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(svg.headers.get("cache-control")).toBe("no-cache");
  });

  it("leaves /api to the API: its routes answer, unknown ones stay 404 rather than the page", async () => {
    expect(await (await app.request("/api/ping")).text()).toBe("pong");
    expect((await app.request("/api/nothing")).status).toBe(404);
    expect((await app.request("/api")).status).toBe(404);
  });

  it("never reads outside its folder, whatever the path's escapes", async () => {
    for (const path of ["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2findex.html%00", "/%E0%A4%A"]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<title>app</title>");
    }
  });

  it("steps aside when the app was not built: later routes (the docs redirect at /) answer", async () => {
    const bare = new Hono();
    serveWebApp(bare, join(dir, "missing"));
    bare.get("/", (c) => c.redirect("/api/docs"));
    expect((await bare.request("/cases")).status).toBe(404);
    expect((await bare.request("/")).headers.get("location")).toBe("/api/docs");
  });
});
