import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "wasm/*/*.test.ts"],
    globalSetup: ["./src/store/test-support/pglite-template-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "./vitest.summary-reporter.ts"],
  },
});
