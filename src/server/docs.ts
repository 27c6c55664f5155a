import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";

// The docs must work on a network with no internet access, so Swagger UI is served from the
// installed package rather than from a CDN.
const ASSETS: Readonly<Record<string, string>> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

function assetDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("swagger-ui-dist/package.json"));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Homeward API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
    persistAuthorization: false
  });
};
`;

export function docsRoutes(): Hono {
  const dir = assetDir();
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  const docs = new Hono();
  docs.get("/", (c) => c.html(PAGE));
  docs.get("/index.html", (c) => c.html(PAGE));
  docs.get("/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }));
  docs.get("/:asset", async (c) => {
    const name = c.req.param("asset");
    const type = ASSETS[name];
    if (type === undefined) return c.notFound();
    let bytes = cache.get(name);
    if (bytes === undefined) {
      bytes = new Uint8Array(await readFile(join(dir, name)));
      cache.set(name, bytes);
    }
    return c.body(bytes, 200, { "content-type": type, "cache-control": "public, max-age=3600" });
  });
  return docs;
}
