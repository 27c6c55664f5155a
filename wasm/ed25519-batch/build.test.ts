import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileBatchVerifier, moduleSource } from "./build.ts";

describe("the committed Ed25519 batch verifier module", () => {
  it("is exactly what its AssemblyScript sources and the field generator build", async () => {
    const { fieldSource, wasm } = await compileBatchVerifier();
    const committedField = readFileSync(fileURLToPath(new URL("./assembly/field-generated.ts", import.meta.url)), "utf8");
    const committedModule = readFileSync(fileURLToPath(new URL("../../src/ledger/ed25519-batch-wasm.ts", import.meta.url)), "utf8");
    expect(committedField).toBe(fieldSource);
    expect(committedModule === moduleSource(wasm), "run npm run build:wasm and commit the result").toBe(true);
  });
});
