import { describe, expect, it } from "vitest";
import { signingRoleFor } from "./signing-role.ts";

describe("which side's verifier signs a report", () => {
  it("follows the side the party works the case from, not its kind", () => {
    expect(signingRoleFor("tracing-authority", "verifier", "tracing")).toBe("tracing-verifier");
    expect(signingRoleFor("holding-authority", "verifier", "holding")).toBe("holding-verifier");
    // The reverse direction: a child held by the tracing authority, sought by the other side.
    expect(signingRoleFor("tracing-authority", "verifier", "holding")).toBe("holding-verifier");
    expect(signingRoleFor("holding-authority", "verifier", "tracing")).toBe("tracing-verifier");
  });

  it("lets only authorities' verifiers sign for a side, and the mediator as mediator", () => {
    expect(signingRoleFor("tracing-authority", "caseworker", "tracing")).toBeNull();
    expect(signingRoleFor("tracing-authority", "verifier", null)).toBeNull();
    expect(signingRoleFor("ngo", "verifier", "tracing")).toBeNull();
    expect(signingRoleFor("mediator", "mediator", null)).toBe("mediator");
    expect(signingRoleFor("mediator", "verifier", null)).toBeNull();
    expect(signingRoleFor("holding-authority", "mediator", "holding")).toBeNull();
  });
});
