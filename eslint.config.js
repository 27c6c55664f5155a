// Layering: pure modules (domain, matching, ledger) run in the browser as well as in Node,
// so they may not reach into I/O layers nor into Node built-ins.
import tseslint from "typescript-eslint";
import storeBoundaries from "./eslint-rules/store-boundaries.js";

const nodeBuiltins = [
  "assert", "buffer", "child_process", "cluster", "crypto", "dgram", "dns", "events", "fs",
  "fs/promises", "http", "http2", "https", "module", "net", "os", "path", "perf_hooks",
  "process", "readline", "stream", "tls", "url", "util", "v8", "vm", "worker_threads", "zlib",
];

const pureRestrictions = {
  patterns: [
    { group: ["node:*"], message: "Pure modules must run in a browser: no Node built-ins." },
    {
      group: ["**/store", "**/store/**", "**/server", "**/server/**", "**/cli", "**/cli/**", "**/interop", "**/interop/**"],
      message: "Pure modules import nothing from store, server, interop or cli.",
    },
    { group: ["pg", "@electric-sql/*", "pino", "hono", "hono/*", "@hono/*", "commander", "cli-progress", "pdfkit", "@node-rs/*"], message: "Pure modules import no I/O libraries." },
  ],
  paths: nodeBuiltins.map((name) => ({ name, message: "Pure modules must run in a browser: no Node built-ins." })),
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "web/dist/**", "bench/out/**", ".homeward/**", "wasm/*/assembly/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Store features through their index.ts only; no test support in production code.
    files: ["src/**/*.ts", "bench/**/*.ts"],
    plugins: { homeward: storeBoundaries },
    rules: { "homeward/store-boundaries": "error" },
  },
  {
    // Small files and short functions, so a reader finds their way. Tests, generated code (the
    // WebAssembly blob, the API types) and data tables are exempt.
    files: ["src/**/*.ts", "web/src/**/*.ts", "web/src/**/*.tsx", "bench/**/*.ts"],
    ignores: [
      "**/*.test.ts",
      "**/*.test.tsx",
      "**/test-support/**",
      "src/ledger/ed25519-batch-wasm.ts",
      "src/matching/normalise/places-data.ts",
      "web/src/api/api-schema.d.ts",
    ],
    rules: {
      "max-lines": ["error", { max: 400 }],
      "max-lines-per-function": ["error", { max: 120 }],
    },
  },
  {
    files: ["src/domain/**/*.ts", "src/matching/**/*.ts", "src/ledger/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", pureRestrictions] },
  },
);
