import { describe, expect, it } from "vitest";
import { canSign } from "./report-signing";

const verifier = { id: "u-tver", role: "verifier", party: "tracing-authority" };
const otherVerifier = { id: "u-hver", role: "verifier", party: "holding-authority" };
const mediator = { id: "u-med", role: "mediator", party: "mediator" };
const drafted = { role: "drafter", party: "tracing-authority", user: "u-tcw", at: "2026-01-01T00:00:00Z", entryIndex: 3 };
const tracingSig = { role: "tracing-verifier", party: "tracing-authority", user: "u-tver", at: "2026-01-01T00:00:00Z", entryIndex: 4 };

describe("who is offered to sign a report", () => {
  it("offers a verifier the signature while the report is only drafted by their party's caseworker", () => {
    expect(canSign(verifier, { stage: "drafted", signatures: [drafted] })).toBe(true);
  });
  it("no longer offers it to the verifier who has signed", () => {
    expect(canSign(verifier, { stage: "signed", signatures: [drafted, tracingSig] })).toBe(false);
  });
  it("does not offer a second verifier of a party that has signed, but does offer the other side's", () => {
    expect(canSign({ ...verifier, id: "u-tver-2" }, { stage: "signed", signatures: [drafted, tracingSig] })).toBe(false);
    expect(canSign(otherVerifier, { stage: "signed", signatures: [drafted, tracingSig] })).toBe(true);
  });
  it("offers the mediator confirmation until the report is confirmed, and never a caseworker", () => {
    expect(canSign(mediator, { stage: "jointly-signed", signatures: [drafted, tracingSig] })).toBe(true);
    expect(canSign(mediator, { stage: "confirmed", signatures: [] })).toBe(false);
    expect(canSign({ id: "u-tcw", role: "caseworker", party: "tracing-authority" }, { stage: "drafted", signatures: [drafted] })).toBe(false);
  });
});
