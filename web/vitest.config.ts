import { defineConfig } from "vitest/config";

// The web app's tests: translation checks and the browser tests (real Chromium against the built app).
export default defineConfig({
  test: {
    include: ["web/**/*.test.ts"],
    exclude: ["web/dist/**", "**/node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
