import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

// The app is served by the API server beside /api; in development Vite proxies /api to a running server.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 900 },
  server: {
    port: Number(process.env["WEB_PORT"] ?? 5173),
    proxy: { "/api": `http://localhost:${process.env["API_PORT"] ?? 8080}` },
  },
});
