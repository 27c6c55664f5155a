import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ConsentRecord } from "./consent-record.ts";
import { CONSENT_PURPOSES, ConsentDecisionInputSchema, legacyConsentRecords } from "./consent-record.ts";
import { entitledConsenters, evaluateConsent } from "./evaluate-consent.ts";

let seq = 0;
function rec(partial: Partial<ConsentRecord> & Pick<ConsentRecord, "purpose" | "decision" | "givenBy" | "recordedAt">): ConsentRecord {
  return { sequence: ++seq, ...partial };
}

const child = "2012-05-10";
const at = (iso: string) => new Date(iso);

describe("entitled consenter", () => {
  it("is the guardian for a child and the person from the 18th birthday", () => {
    expect(entitledConsenters({ birthDate: "2008-05-10" }, at("2026-05-09T12:00:00Z"))).toEqual(["guardian"]);
    expect(entitledConsenters({ birthDate: "2008-05-10" }, at("2026-05-10T00:00:00Z"))).toEqual(["person"]);
  });
  it("asks both while a partial birth date leaves the age open", () => {
    expect(entitledConsenters({ birthDate: "2008" }, at("2026-06-01T00:00:00Z"))).toEqual(["person", "guardian"]);
    expect(entitledConsenters({ birthDate: "2008" }, at("2027-01-01T00:00:00Z"))).toEqual(["person"]);
  });
  it("is the person once the case is on the adult track, whatever the date says", () => {
    expect(entitledConsenters({ adultTrackSince: "2026-01-01T00:00:00Z" }, at("2026-02-01T00:00:00Z"))).toEqual(["person"]);
    expect(entitledConsenters({ adultTrackSince: "2026-01-01T00:00:00Z" }, at("2025-12-01T00:00:00Z"))).toEqual(["guardian"]);
  });
});

describe("evaluateConsent", () => {
  const t = at("2026-03-01T00:00:00Z");
  it("allows a purpose the guardian granted for a child", () => {
    const consents = [rec({ purpose: "return", decision: "granted", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z" })];
    expect(evaluateConsent({ birthDate: child, consents }, { purpose: "return", at: t })).toMatchObject({ allowed: true, reason: "granted" });
  });
  it("does not let one purpose stand for another", () => {
    const consents = [rec({ purpose: "tracing", decision: "granted", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z" })];
    expect(evaluateConsent({ birthDate: child, consents }, { purpose: "return", at: t })).toMatchObject({ allowed: false, reason: "none" });
  });
  it("takes a withdrawal into account from the moment it is recorded", () => {
    const consents = [
      rec({ purpose: "sharing", decision: "granted", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z" }),
      rec({ purpose: "sharing", decision: "withdrawn", givenBy: "guardian", recordedAt: "2026-02-01T10:00:00Z" }),
    ];
    const q = { purpose: "sharing" as const, recipient: "holding" };
    expect(evaluateConsent({ birthDate: child, consents }, { ...q, at: at("2026-02-01T09:59:59Z") }).allowed).toBe(true);
    expect(evaluateConsent({ birthDate: child, consents }, { ...q, at: at("2026-02-01T10:00:00Z") })).toMatchObject({ allowed: false, reason: "withdrawn" });
  });
  it("orders decisions recorded at the same instant by their sequence", () => {
    const consents = [
      rec({ purpose: "return", decision: "refused", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z", sequence: 9 }),
      rec({ purpose: "return", decision: "granted", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z", sequence: 4 }),
    ];
    expect(evaluateConsent({ birthDate: child, consents }, { purpose: "return", at: t }).reason).toBe("refused");
  });
  it("gives health information only to the recipients the consent names", () => {
    const consents = [rec({ purpose: "health-information", decision: "granted", givenBy: "guardian", recipients: ["tracing"], recordedAt: "2026-01-01T00:00:00Z" })];
    const s = { birthDate: child, consents };
    expect(evaluateConsent(s, { purpose: "health-information", recipient: "tracing", at: t }).allowed).toBe(true);
    expect(evaluateConsent(s, { purpose: "health-information", recipient: "holding", at: t })).toMatchObject({ allowed: false, reason: "recipient-not-named" });
  });
  it("withdraws from one named recipient without touching another", () => {
    const consents = [
      rec({ purpose: "sharing", decision: "granted", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z" }),
      rec({ purpose: "sharing", decision: "withdrawn", givenBy: "guardian", recipients: ["holding"], recordedAt: "2026-01-02T00:00:00Z" }),
    ];
    const s = { birthDate: child, consents };
    expect(evaluateConsent(s, { purpose: "sharing", recipient: "holding", at: t }).allowed).toBe(false);
    expect(evaluateConsent(s, { purpose: "sharing", recipient: "mediator", at: t }).allowed).toBe(true);
  });
  it("stops counting a guardian's consent from the 18th birthday", () => {
    const consents = [rec({ purpose: "return", decision: "granted", givenBy: "guardian", recordedAt: "2025-01-01T00:00:00Z" })];
    const s = { birthDate: "2008-05-10", consents };
    expect(evaluateConsent(s, { purpose: "return", at: at("2026-05-09T00:00:00Z") }).allowed).toBe(true);
    expect(evaluateConsent(s, { purpose: "return", at: at("2026-05-10T00:00:00Z") })).toMatchObject({ allowed: false, reason: "not-entitled", entitled: ["person"] });
  });
  it("counts the adult's own consent", () => {
    const consents = [
      rec({ purpose: "return", decision: "granted", givenBy: "guardian", recordedAt: "2025-01-01T00:00:00Z" }),
      rec({ purpose: "return", decision: "granted", givenBy: "person", recordedAt: "2026-06-01T00:00:00Z" }),
    ];
    expect(evaluateConsent({ birthDate: "2008-05-10", consents }, { purpose: "return", at: at("2026-07-01T00:00:00Z") }).allowed).toBe(true);
  });
  it("respects the refusal of either giver while the age is open", () => {
    const consents = [
      rec({ purpose: "return", decision: "granted", givenBy: "guardian", recordedAt: "2026-01-01T00:00:00Z" }),
      rec({ purpose: "return", decision: "refused", givenBy: "person", recordedAt: "2026-01-02T00:00:00Z" }),
    ];
    expect(evaluateConsent({ birthDate: "2008", consents }, { purpose: "return", at: at("2026-06-01T00:00:00Z") }).reason).toBe("refused");
  });
  it("lets a consent lapse after its last valid day", () => {
    const consents = [rec({ purpose: "sharing", decision: "granted", givenBy: "guardian", validUntil: "2026-02-28", recordedAt: "2026-01-01T00:00:00Z" })];
    const s = { birthDate: child, consents };
    expect(evaluateConsent(s, { purpose: "sharing", at: at("2026-02-28T23:00:00Z") }).allowed).toBe(true);
    expect(evaluateConsent(s, { purpose: "sharing", at: at("2026-03-01T00:00:00Z") }).reason).toBe("expired");
  });
  it("ignores decisions recorded after the moment asked about", () => {
    const consents = [rec({ purpose: "return", decision: "granted", givenBy: "guardian", recordedAt: "2026-04-01T00:00:00Z" })];
    expect(evaluateConsent({ birthDate: child, consents }, { purpose: "return", at: t }).reason).toBe("none");
  });
  it("reads the earlier single-form consent per purpose", () => {
    const consents = legacyConsentRecords({ forTracing: true, forSharing: false, givenBy: "guardian" }, "2026-01-01T00:00:00Z", 1);
    const s = { birthDate: child, consents };
    expect(evaluateConsent(s, { purpose: "tracing", at: t }).allowed).toBe(true);
    expect(evaluateConsent(s, { purpose: "sharing", at: t }).reason).toBe("refused");
    expect(evaluateConsent(s, { purpose: "return", at: t }).reason).toBe("none");
  });
  it("validates its input, naming the field", () => {
    const r = ConsentDecisionInputSchema.safeParse({ purpose: "adoption", decision: "granted", givenBy: "guardian" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["purpose"]);
  });

  const arbRecord = fc.record({
    purpose: fc.constantFrom(...CONSENT_PURPOSES),
    decision: fc.constantFrom("granted", "refused", "withdrawn") as fc.Arbitrary<ConsentRecord["decision"]>,
    givenBy: fc.constantFrom("guardian", "person") as fc.Arbitrary<ConsentRecord["givenBy"]>,
    recipients: fc.option(fc.subarray(["tracing", "holding", "mediator"], { minLength: 1 }), { nil: undefined }),
    recordedAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }).map((ms) => new Date(ms).toISOString()),
    sequence: fc.nat(),
  });
  const arbQuery = fc.record({
    purpose: fc.constantFrom(...CONSENT_PURPOSES),
    recipient: fc.option(fc.constantFrom("tracing", "holding", "mediator"), { nil: undefined }),
    at: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }).map((ms) => new Date(ms)),
  });
  const arbBirth = fc.option(fc.constantFrom("2008-05-10", "2008", "2012-01-31", "2006-11"), { nil: undefined });

  it("allows only when every entitled giver's latest applicable decision is a grant", () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 12 }), arbQuery, arbBirth, (consents, q, birthDate) => {
        const e = evaluateConsent({ birthDate, consents }, q);
        if (!e.allowed) return;
        expect(e.decisions).toHaveLength(e.entitled.length);
        for (const d of e.decisions) {
          expect(d.decision).toBe("granted");
          expect(e.entitled).toContain(d.givenBy);
          expect(Date.parse(d.recordedAt)).toBeLessThanOrEqual(q.at.getTime());
        }
      }),
    );
  });
  it("is never changed into an allowance by appending a withdrawal or a refusal", () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 12 }), arbQuery, arbBirth, fc.constantFrom("refused", "withdrawn"), (consents, q, birthDate, decision) => {
        for (const givenBy of entitledConsenters({ birthDate }, q.at)) {
          const no: ConsentRecord = { purpose: q.purpose, decision: decision as ConsentRecord["decision"], givenBy, recordedAt: q.at.toISOString(), sequence: Number.MAX_SAFE_INTEGER };
          expect(evaluateConsent({ birthDate, consents: [...consents, no] }, q).allowed).toBe(false);
        }
      }),
    );
  });
});
