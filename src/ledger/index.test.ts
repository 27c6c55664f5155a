import { describe, expect, it } from "vitest";
import { x } from "./index.ts";
describe("ledger", () => { it("exports", () => { expect(x).toBe(1); }); });
